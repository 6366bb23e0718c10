import * as path from 'path';
import type { ResourceCache } from '../core/resources/resources';
import { flag, type ParsedArgs } from './args';

/**
 * The folder the files a config points at must lie in: `--root DIR`, else the working folder;
 * none with `--allow-outside`. Absolute.
 */
export function boundaryFolder(args: ParsedArgs): string | undefined {
  if (flag(args, 'allow-outside') === 'true') return undefined;
  return path.resolve(flag(args, 'root') ?? '.');
}

/**
 * The boundary as the engine compares it with the paths it resolves from `file`'s name: absolute
 * for an absolute name, else relative to the working folder (`.`, `configs`, `..`).
 */
export function boundaryFor(folder: string, file: string): string {
  if (path.isAbsolute(file)) return folder.split(path.sep).join('/');
  return path.relative(process.cwd(), folder).split(path.sep).join('/') || '.';
}

/** The run's cache, bounded for analyses of `file` (the answers are shared; only the boundary differs). */
export function boundedCache(cache: ResourceCache, file: string, folder: string | undefined): ResourceCache {
  return folder === undefined ? cache : cache.within(boundaryFor(folder, file));
}
