import * as fs from 'fs';
import * as path from 'path';
import ignore, { type Ignore } from 'ignore';

/**
 * `analyze DIR`: the files of a folder that could be training configs, one at a time, so that a
 * workspace of 10,000 configs is never held in memory at once. Ignored as git ignores them: the
 * `.gitignore` files of the folder and of every folder inside it, read with the `ignore` package
 * (the matcher ESLint and Prettier use, which implements the gitignore rules); `node_modules` and
 * `.git` are never entered. Symbolic links are not followed, to a folder or to a file: the walk
 * stays inside the folder it was given.
 */

/** The names the engine reads (src/core/source/syntax.ts): JSON, YAML, TOML and shell launch scripts. */
const CANDIDATE = /\.(jsonc?|ya?ml|toml|sh|bash)$/i;
const NEVER_ENTERED = new Set(['node_modules', '.git']);
/** The facts file describes configs; it is not one. */
const FACTS_FILE = '.compute-budget.yaml';

export interface WalkCounts {
  /** Files whose names say they are not configs (other extensions), or ignored by a `.gitignore`. */
  skipped: number;
  /** Symbolic links left alone. */
  links: number;
}

interface Rules {
  /** The folder a `.gitignore` sits in: its patterns are relative to it. */
  readonly base: string;
  readonly rules: Ignore;
}

export async function* configFilesIn(folder: string, counts: WalkCounts = { skipped: 0, links: 0 }): AsyncGenerator<string> {
  const stack: { dir: string; rules: readonly Rules[] }[] = [{ dir: folder, rules: [] }];
  while (stack.length > 0) {
    const { dir, rules: above } = stack.pop()!;
    const rules = [...above, ...(await gitignoreIn(dir))];
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch {
      continue; // a folder that cannot be listed holds nothing to analyse
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const folders: string[] = [];
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) {
        counts.links++;
        continue;
      }
      if (entry.isDirectory()) {
        if (!NEVER_ENTERED.has(entry.name) && !ignored(rules, full, true)) folders.push(full);
        continue;
      }
      if (!entry.isFile()) continue;
      if (entry.name === FACTS_FILE || !CANDIDATE.test(entry.name) || ignored(rules, full, false)) {
        counts.skipped++;
        continue;
      }
      yield full;
    }
    // A folder's files first, then its folders depth first, each in name order (pushed in reverse: the first name is walked first).
    for (let i = folders.length - 1; i >= 0; i--) stack.push({ dir: folders[i]!, rules });
  }
}

async function gitignoreIn(dir: string): Promise<Rules[]> {
  try {
    const file = path.join(dir, '.gitignore');
    const stat = await fs.promises.lstat(file);
    // A .gitignore is a few lines: a link or a huge file is not read.
    if (!stat.isFile() || stat.size > 1_000_000) return [];
    return [{ base: dir, rules: ignore().add(await fs.promises.readFile(file, 'utf8')) }];
  } catch {
    return [];
  }
}

/** Whether any `.gitignore` from the walked folder down to this one ignores the path (a folder's path ends in `/`, as git matches `dir/`). */
function ignored(rules: readonly Rules[], full: string, folder: boolean): boolean {
  for (const { base, rules: patterns } of rules) {
    const relative = path.relative(base, full).split(path.sep).join('/');
    if (patterns.ignores(folder ? `${relative}/` : relative)) return true;
  }
  return false;
}

/** Whether a path names a folder (links followed, as the user typed it). */
export async function isFolder(target: string): Promise<boolean> {
  try {
    return (await fs.promises.stat(target)).isDirectory();
  } catch {
    return false;
  }
}
