import { isMap, isScalar, type Node as YamlNode, type Pair } from 'yaml';
import type { Finding } from '../analysis/findings';
import { FACT_NAMES, factExamples, readFactPairs, type FactName } from '../source/directives';
import { parseYamlBounded } from '../source/nesting';
import type { Span } from '../source/tree';
import { printable } from '../source/view';
import { compileGlob, type CompiledGlob, type MatchBudget } from './glob';
import { FACTS_FILE_NAME, factName } from './names';

/**
 * `.compute-budget.yaml`: facts for configs that cannot hold a `# compute-budget:` comment
 * (plain JSON) or that a team would rather keep out of the config. One key, `facts`, maps globs,
 * relative to the folder holding the file, to the same facts a directive states:
 *
 * ```yaml
 * facts:
 *   "configs/llama/*.json": { gpus: 256, dataset_tokens: 2T }
 *   "**\/config.json": { tokens: 1.4T }
 * ```
 *
 * Globs are minimatch-style globs (see glob.ts: matched in linear time) matched against the config's path relative to that folder, `/`
 * between folders: `*` stays within a folder, `**` crosses folders, dot-folders match. A glob
 * with no `/` names a file in that folder only (write `**\/config.json` for any depth). When
 * several globs match one file, later entries win, fact by fact.
 */
export { FACTS_FILE_NAME, factName };

export interface WorkspaceFact {
  readonly name: FactName;
  /** The value as written (`2T`, `256`, `llama-2`), handed to the engine like a `--fact` value. */
  readonly value: string;
  readonly span: Span;
}

export interface FactsEntry {
  readonly glob: string;
  /** The glob key's span in the facts file. */
  readonly span: Span;
  readonly facts: readonly WorkspaceFact[];
  /**
   * Whether a path relative to the facts file's folder (`/` separators) is one this entry names.
   * Matching spends `budget.steps`; once they run out it answers no and sets `budget.exhausted`.
   */
  matches(relativePath: string, budget?: MatchBudget): boolean;
}

export interface FactsFile {
  readonly entries: readonly FactsEntry[];
  /** Problems in the facts file, at their spans in it; the valid entries are still used. */
  readonly findings: readonly Finding[];
}

/** A facts file is a few lines; these bound what a hostile one can cost. */
const MAX_LENGTH = 200_000;
const MAX_ENTRIES = 1_000;
const MAX_GLOB = 1_000;
/** Matcher states in all of a file's globs: matching one path costs at most this many steps per character. */
const MAX_FILE_STATES = 20_000;

const EMPTY_SPAN: Span = { start: 0, end: 0 };

/** Reads a facts file. Never throws: whatever is wrong becomes a finding at its place. */
export function readFactsFile(text: string): FactsFile {
  const findings: Finding[] = [];
  const problem = (span: Span, message: string, severity: Finding['severity'] = 'warning') =>
    findings.push({ severity, code: severity === 'error' ? 'parse-error' : 'invalid-directive', message, span });
  if (text.length > MAX_LENGTH) {
    problem(
      EMPTY_SPAN,
      `This facts file has ${text.length.toLocaleString('en-US')} characters, more than the ${MAX_LENGTH.toLocaleString('en-US')} it is read up to; no fact in it is used.`,
    );
    return { entries: [], findings };
  }
  let doc;
  try {
    doc = parseYamlBounded(text, { strict: false, prettyErrors: false, merge: false });
  } catch (error) {
    problem(spanAt(0, text), `The YAML could not be read: ${printable(String(error), 160)}`, 'error');
    return { entries: [], findings };
  }
  if (!doc) {
    problem(spanAt(0, text), 'This file nests too deep to be a facts file; it is not read.', 'error');
    return { entries: [], findings };
  }
  for (const error of doc.errors.slice(0, 20)) {
    problem(spanAt(error.pos[0], text, error.pos[1]), `YAML: ${printable(error.message.split('\n')[0], 160)}`, 'error');
  }
  const root = doc.contents as YamlNode | null;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return { entries: [], findings };
  if (!isMap(root)) {
    problem(spanOf(root, text), `A ${FACTS_FILE_NAME} file is a map with one key, facts: (globs to facts, e.g. "configs/*.json": { gpus: 256, tokens: 2T }).`);
    return { entries: [], findings };
  }
  const entries: FactsEntry[] = [];
  for (const pair of root.items) {
    const key = scalarText(pair.key);
    if (key !== 'facts') {
      problem(spanOf(pair.key, text), `${FACTS_FILE_NAME} reads only the key facts:; "${printable(key ?? '?', 40)}" is ignored.`);
      continue;
    }
    const value = pair.value as YamlNode | null;
    if (value === null || (isScalar(value) && value.value === null)) continue;
    if (!isMap(value)) {
      problem(spanOf(value, text) ?? spanOf(pair.key, text), 'facts: is a map from globs to facts, e.g. "configs/*.json": { gpus: 256, tokens: 2T }.');
      continue;
    }
    let states = 0;
    for (const item of value.items.slice(0, MAX_ENTRIES)) {
      const entry = readEntry(item, text, problem);
      if (!entry) continue;
      states += entry.size;
      if (states > MAX_FILE_STATES) {
        problem(
          entry.span,
          `The globs up to this one would take more than ${MAX_FILE_STATES.toLocaleString('en-US')} matcher states; this glob and the ones after it are not used.`,
        );
        break;
      }
      entries.push(entry);
    }
    if (value.items.length > MAX_ENTRIES) problem(spanOf(value.items[MAX_ENTRIES].key, text), `Only the first ${MAX_ENTRIES} globs are read.`);
  }
  return { entries, findings };
}

type Report = (span: Span, message: string) => void;

function readEntry(pair: Pair, text: string, problem: Report): (FactsEntry & { readonly size: number }) | undefined {
  const keySpan = spanOf(pair.key, text);
  const glob = scalarText(pair.key);
  if (glob === undefined) {
    problem(keySpan, 'A glob is a string, e.g. "configs/*.json".');
    return undefined;
  }
  const compiled = globMatcher(glob, keySpan, problem);
  if (!compiled) return undefined;
  const value = pair.value as YamlNode | null;
  if (!isMap(value)) {
    problem(value ? spanOf(value, text) : keySpan, `The facts for "${printable(glob, 60)}" are a map, e.g. { gpus: 256, tokens: 2T }.`);
    return undefined;
  }
  const facts: WorkspaceFact[] = [];
  for (const item of value.items) {
    const fact = readFactPair(item, text, problem);
    if (fact) facts.push(fact);
  }
  return { glob, span: keySpan, facts, size: compiled.size, matches: (path, budget) => compiled.matches(path, budget) };
}

function readFactPair(pair: Pair, text: string, problem: Report): WorkspaceFact | undefined {
  const nameSpan = spanOf(pair.key, text);
  const rawName = scalarText(pair.key);
  const name = rawName === undefined ? undefined : factName(rawName);
  if (!name) {
    problem(nameSpan, `"${printable(rawName ?? '?', 40)}" is not a fact this extension reads; known facts: ${Object.keys(FACT_NAMES).join(', ')}.`);
    return undefined;
  }
  const node = pair.value as YamlNode | null;
  const valueSpan = node ? spanOf(node, text) : nameSpan;
  const raw = isScalar(node) && (typeof node.value === 'number' || typeof node.value === 'string') ? String(node.value) : undefined;
  const checked: Finding[] = [];
  if (raw === undefined || readFactPairs({ [name]: raw }, checked).length === 0) {
    const shown = raw ?? (node ? printable(text.slice(valueSpan.start, valueSpan.end), 40) : 'nothing');
    problem(
      valueSpan,
      `${name}: ${shown} is not a count of one or more (write ${factExamples(name, ': ')}${name === 'vocab' ? ', or a known tokenizer name' : ''}).`,
    );
    return undefined;
  }
  return { name, value: raw, span: valueSpan };
}

function globMatcher(glob: string, span: Span, problem: Report): CompiledGlob | undefined {
  const shown = printable(glob, 60);
  if (!glob.trim()) return void problem(span, 'An empty glob names no file.');
  if (glob.length > MAX_GLOB) return void problem(span, `This glob is longer than ${MAX_GLOB} characters.`);
  if (glob.startsWith('/') || /^[A-Za-z]:[\\/]/.test(glob))
    return void problem(span, `"${shown}" is absolute; globs are relative to the folder of ${FACTS_FILE_NAME}.`);
  if (glob.split('/').includes('..'))
    return void problem(span, `"${shown}" reaches outside the folder of ${FACTS_FILE_NAME}; its globs name files in that folder and below.`);
  if (glob.startsWith('!')) return void problem(span, `"${shown}": negated globs are not supported; list the files the facts apply to.`);
  const compiled = compileGlob(glob);
  if (!compiled.ok) return void problem(span, `"${shown}" is not used: ${compiled.reason}.`);
  return compiled.glob;
}

function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  return typeof node.value === 'string' || typeof node.value === 'number' ? String(node.value) : undefined;
}

function spanOf(node: unknown, text: string): Span {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  if (!range) return spanAt(0, text);
  // A block node's range may end past its line's newline: the span stops at the text.
  let end = Math.max(range[0], range[1]);
  while (end > range[0] && /\s/.test(text[end - 1])) end--;
  return { start: range[0], end };
}

/** A span for a parser position; an empty one widens to the character there, so it can be seen. */
function spanAt(start: number, text: string, end = start): Span {
  const from = Math.min(Math.max(0, start), text.length);
  const to = Math.min(Math.max(from, end), text.length);
  return to > from ? { start: from, end: to } : { start: from, end: Math.min(text.length, from + 1) };
}
