import * as path from 'path';
import { flag, type ParsedArgs } from './args';

/**
 * The folder the files a config points at must lie in: `--root DIR`, else the working folder;
 * none with `--allow-outside`. Absolute.
 */
export function boundaryFolder(args: ParsedArgs): string | undefined {
  if (flag(args, 'allow-outside') === 'true') return undefined;
  return path.resolve(flag(args, 'root') ?? '.');
}
