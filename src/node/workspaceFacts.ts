import { promises as fs } from 'fs';
import * as path from 'path';
import type { Severity } from '../core/analysis/findings';
import { factsForPath, type PlacedFactsFile } from '../core/workspaceFacts/match';
import { FACTS_FILE_NAME, readFactsFile, type FactsFile } from '../core/workspaceFacts/read';
import { readBounded } from './files';

export interface WorkspaceFactsProblem {
  /** The facts file, as an absolute path. */
  readonly file: string;
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
  /** 1-based, as the CLI prints positions. */
  readonly line: number;
  readonly column: number;
}

export interface WorkspaceFactsForFile {
  /** The facts the `.compute-budget.yaml` files give this config, by fact name (`gpus: '256'`). */
  readonly facts: Record<string, string>;
  /** The facts files that apply to it, outermost first (absolute paths). */
  readonly files: readonly string[];
  /** What is wrong in those files; their valid entries are still used. */
  readonly problems: readonly WorkspaceFactsProblem[];
}

/** A facts file as read: its text (for positions) and what it says. */
export interface ReadFacts {
  readonly text: string;
  readonly file: FactsFile;
}

export interface WorkspaceFactsOptions {
  /** The outermost folder to look in; by default the nearest folder above the config that holds `.git`, else the file system's root. */
  readonly root?: string;
  /**
   * The folder no facts file is read above (the command line's `--root`, or the working folder):
   * the walk up stops there even with no `.git` on the way. A config outside it gets the facts
   * file of its own folder only.
   */
  readonly boundary?: string;
  /** Facts files already read, by path: pass one map to every call of a run to read each file once. */
  readonly cache?: Map<string, Promise<ReadFacts | undefined>>;
}

/** A facts file is a few lines. */
const LIMIT = 200_000;

/**
 * The facts for one config from the `.compute-budget.yaml` files in its folder and the folders
 * above it, up to the repository's root (or `options.root`), as the editor applies them: outer
 * files first, the nearest last, later entries winning fact by fact. Hand `facts` to `analyze`
 * under the file's own directives and the command line's `--fact`. Never throws: a facts file
 * that cannot be read or parsed gives its problems and whatever valid facts it has.
 */
export async function workspaceFactsFor(configPath: string, options: WorkspaceFactsOptions = {}): Promise<WorkspaceFactsForFile> {
  const config = path.resolve(configPath);
  const boundary = options.boundary !== undefined ? path.resolve(options.boundary) : undefined;
  const folders = await foldersAbove(path.dirname(config), options.root ? path.resolve(options.root) : undefined, boundary);
  const cache = options.cache ?? new Map<string, Promise<ReadFacts | undefined>>();
  const placed: PlacedFactsFile[] = [];
  const files: string[] = [];
  const problems: WorkspaceFactsProblem[] = [];
  for (const folder of folders) {
    const file = path.join(folder, FACTS_FILE_NAME);
    if (!cache.has(file)) cache.set(file, readFacts(file));
    const read = await cache.get(file)!;
    if (!read) continue;
    files.push(file);
    placed.push({ folder: slashes(folder), file: read.file });
    for (const finding of read.file.findings) {
      const { line, column } = position(read.text, finding.span.start);
      problems.push({ file, severity: finding.severity, code: finding.code, message: finding.message, line, column });
    }
  }
  return { facts: factsForPath(placed, slashes(config)), files, problems };
}

async function readFacts(file: string): Promise<ReadFacts | undefined> {
  const read = await readBounded(file, LIMIT);
  if ('error' in read) {
    if (read.error === 'missing' || read.error === 'not-a-file') return undefined;
    return { text: '', file: { entries: [], findings: [{ severity: 'warning', code: 'unreadable-file', message: read.detail, span: { start: 0, end: 0 } }] } };
  }
  return { text: read.text, file: readFactsFile(read.text) };
}

/** The folders from the outermost that applies down to `start`. */
async function foldersAbove(start: string, root: string | undefined, boundary: string | undefined): Promise<string[]> {
  const folders: string[] = [];
  for (let folder = start; ; folder = path.dirname(folder)) {
    folders.unshift(folder);
    if (root ? folder === root : await exists(path.join(folder, '.git'))) break;
    if (boundary !== undefined && (folder === boundary || !`${folder}${path.sep}`.startsWith(`${boundary.replace(/[\\/]+$/, '')}${path.sep}`))) break;
    if (path.dirname(folder) === folder) break;
    // A root that is not above the config: only the config's own folder applies.
    if (root && !`${start}${path.sep}`.startsWith(`${root.replace(/[\\/]+$/, '')}${path.sep}`)) break;
  }
  return folders;
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.stat(file);
    return true;
  } catch {
    return false;
  }
}

const slashes = (file: string) => file.split(path.sep).join('/');

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}
