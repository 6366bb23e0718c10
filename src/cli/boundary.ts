import * as fs from 'fs';
import * as path from 'path';
import { terminalText } from '../core/text/sanitise';
import { READ_FAILURE } from '../node/files';
import { flag, UsageError, type ParsedArgs } from './args';

/**
 * The folder the files a config points at must lie in: `--root DIR`, else the working folder;
 * none with `--allow-outside`. Absolute.
 */
export function boundaryFolder(args: ParsedArgs): string | undefined {
  if (flag(args, 'allow-outside') === 'true') return undefined;
  return path.resolve(flag(args, 'root') ?? '.');
}

/**
 * Why a file or folder named on the command line (`analyze FILE|DIR`, `statement FILE`, `fit RUNS`,
 * `stop LOG`, `boundary EVALS`, `--config FILE`) is not read, or undefined when it may be.
 *
 * A path you type is still bounded: a CI step that runs `analyze $(git ls-files '*.yaml')` in a
 * cloned repository names the repository's files, and one of them may be a symbolic link to a
 * secret. So a path whose text leaves `boundary` is refused, naming `--root` and `--allow-outside`
 * (the user typed it, so saying it is outside reveals nothing); a path inside whose real path
 * (links followed) leaves it is answered "no such file", exactly as a link to nothing is, so the
 * answer does not say whether anything is there. The boundary itself is allowed (`analyze .`).
 */
export async function argumentRefusal(target: string, boundary: string | undefined): Promise<string | undefined> {
  if (boundary === undefined) return undefined;
  if (!within(boundary, path.resolve(target)))
    return `it is outside ${terminalText(boundary, 200)}, the folder the command may read (--root DIR, or the working folder); give --root or --allow-outside to read it`;
  let realBoundary: string;
  try {
    realBoundary = await fs.promises.realpath(boundary);
  } catch {
    throw new UsageError(`--root ${terminalText(boundary, 200)} is not a folder that can be read`);
  }
  let real: string;
  try {
    real = await fs.promises.realpath(target);
  } catch {
    // Nothing there (or a link to nothing): the read itself answers "no such file".
    return undefined;
  }
  return within(realBoundary, real) ? undefined : READ_FAILURE.missing;
}

/** Whether `file` is `folder` or lies under it, on the paths' text. */
function within(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (relative !== '..' && !relative.startsWith('..' + path.sep) && !path.isAbsolute(relative));
}
