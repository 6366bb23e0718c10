import * as fs from 'fs';
import * as path from 'path';
import type { ResourceCache } from '../core/resources/resources';

/**
 * Whether `file`, symbolic links followed, lies inside the folder `root` (also resolved): the
 * workspace boundary on disk. False when either cannot be resolved, so a path that leaves the
 * folder and a path to nothing are answered alike.
 */
export function insideFolderSync(root: string, file: string): boolean {
  try {
    return within(fs.realpathSync(root), fs.realpathSync(file));
  } catch {
    return false;
  }
}

/** `insideFolderSync` without blocking. */
export async function insideFolder(root: string, file: string): Promise<boolean> {
  try {
    const [realRoot, realFile] = await Promise.all([fs.promises.realpath(root), fs.promises.realpath(file)]);
    return within(realRoot, realFile);
  } catch {
    return false;
  }
}

function within(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
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
