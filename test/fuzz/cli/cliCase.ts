import * as fs from 'fs';
import * as path from 'path';

/**
 * One run of the command line as a user makes it: files on disk (a small repository), symbolic
 * links, and the arguments. Paths are relative to the case's folder; `@CASE` in an argument or a
 * file stands for that folder, `@OUT` for a folder outside it that holds a secret.
 */
export interface CliCase {
  readonly files: readonly { readonly path: string; readonly text: string }[];
  readonly links: readonly { readonly path: string; readonly target: string }[];
  readonly argv: readonly string[];
  /** Name the case's files on the command line relative to the working folder (else absolute). */
  readonly relative?: boolean;
}

/** What the folder outside every case holds: a value that must never reach any output. */
export const SECRET = 'sk-live-SECRET-7f3a9c';
export const OUTSIDE_FILES: readonly { path: string; text: string }[] = [
  { path: 'secret/creds.yml', text: `model_name: ${SECRET}\nparameters: 7B\ntokens: 1T\nhf_token: ${SECRET}\n` },
  { path: 'secret/base.yml', text: `base_config: creds.yml\nmodel_name: ${SECRET}\n` },
  { path: 'secret/runs.csv', text: `run,parameters,tokens,loss\n${SECRET},1e8,2e10,3.1\n` },
  // A facts file above every case: a case with no .git of its own would walk up to it.
  { path: '../.compute-budget.yaml', text: `facts:\n  "**": { model: ${SECRET} }\n` },
];

/** The folders of one fuzz run: cases under `cases/`, the secret under `outside/`. */
export interface FuzzRoot {
  readonly root: string;
  readonly cases: string;
  readonly outside: string;
}

export function makeRoot(root: string): FuzzRoot {
  const cases = path.join(root, 'cases');
  const outside = path.join(root, 'outside');
  fs.mkdirSync(cases, { recursive: true });
  fs.mkdirSync(path.join(outside, 'secret'), { recursive: true });
  for (const file of OUTSIDE_FILES) fs.writeFileSync(path.join(outside, file.path), file.text);
  return { root, cases, outside };
}

/** `@CASE` and `@OUT` made real; the case folder is given relative to the working folder or absolute, as the case asks. */
export function placed(text: string, caseDir: string, outside: string): string {
  return text.replaceAll('@CASE', caseDir).replaceAll('@OUT', outside);
}

/** Writes the case under `dir` (made afresh) and returns its arguments with the placeholders filled. */
export function writeCase(testCase: CliCase, dir: string, outside: string): string[] {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const absolute = path.resolve(dir);
  for (const file of testCase.files) {
    const at = path.join(absolute, file.path);
    // A case never writes outside its own folder, whatever its file names say.
    if (!inside(absolute, at)) continue;
    fs.mkdirSync(path.dirname(at), { recursive: true });
    try {
      fs.writeFileSync(at, placed(file.text, absolute, outside));
    } catch {
      // A name that is a folder already (`a` and `a/b`): the first wins.
    }
  }
  for (const link of testCase.links) {
    const at = path.join(absolute, link.path);
    if (!inside(absolute, at)) continue;
    fs.mkdirSync(path.dirname(at), { recursive: true });
    try {
      fs.symlinkSync(placed(link.target, absolute, outside), at);
    } catch {
      // The name is taken by a file: the file wins.
    }
  }
  const named = testCase.relative ? path.relative(process.cwd(), absolute) || '.' : absolute;
  return testCase.argv.map((arg) => placed(arg, named, outside));
}

function inside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
