import { main } from '../../src/cli/main';

/** Runs the CLI in-process on `argv`, collecting what it writes to stdout and stderr. */
export async function runCli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(
    argv,
    (text) => (out += text + '\n'),
    (text) => (err += text + '\n'),
  );
  return { code, out, err };
}

/** `runCli` with `cwd` as the working folder (the CLI's default boundary), as a CI step runs it. */
export async function runCliIn(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const before = process.cwd();
  process.chdir(cwd);
  try {
    return await runCli(argv);
  } finally {
    process.chdir(before);
  }
}
