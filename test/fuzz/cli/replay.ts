import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { makeRoot, writeCase } from './cliCase';
import { cliViolations } from './cliInvariants';
import { runCli } from './worker';

/**
 * Runs one reproducer the CLI fuzz wrote (test-artifacts/fuzz/cli-*.json) on this thread, and
 * prints its output, the files it read and what it broke:
 *   node out/test/fuzz/cli/replay.js test-artifacts/fuzz/cli-hang-1-2.json
 */
async function replay(file: string): Promise<void> {
  const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { case: Parameters<typeof writeCase>[0] };
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'compute-budget-replay-')));
  const { cases, outside } = makeRoot(root);
  process.chdir(root);
  const dir = path.join(cases, 'c0');
  const argv = writeCase(saved.case, dir, outside);
  console.log(`argv: ${JSON.stringify(argv)}`);
  const outcome = await runCli({ id: 0, argv });
  console.log(
    `exit ${outcome.code} in ${outcome.ms.toFixed(0)} ms\n--- stdout\n${JSON.stringify(outcome.out.slice(0, 3000))}\n--- stderr\n${JSON.stringify(outcome.err.slice(0, 2000))}`,
  );
  console.log(`reads: ${JSON.stringify(outcome.reads)}`);
  console.log(JSON.stringify(cliViolations(outcome, { boundary: dir, allowed: [], github: argv.includes('github') }), null, 2));
  fs.rmSync(root, { recursive: true, force: true });
}

void replay(path.resolve(process.argv[2]!));
