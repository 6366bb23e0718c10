import { escape } from 'minimatch';
import { isMap, isScalar, type Node as YamlNode, type YAMLMap } from 'yaml';
import type { FactName } from '../source/directives';
import { parseYamlBounded } from '../source/nesting';
import { factName, FACTS_FILE_NAME } from './read';

/** One text replacement in the facts file, and where the written value lands in the new text. */
export interface FactsFileEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
  /** Offsets of the written value in the text after the edit, to reveal and select it. */
  readonly focus: { readonly start: number; readonly end: number };
}

export type FactsEditResult = { readonly ok: true; readonly edit: FactsFileEdit } | { readonly ok: false; readonly reason: string };

export const NEW_FACTS_FILE_HEADER =
  '# Facts the configs themselves do not hold, for Compute Budget.\n# Globs are relative to this folder; later entries win.\n';

/**
 * A glob that names exactly one path (relative to the facts file's folder, `/` separators):
 * glob characters in file names are put in brackets, never behind a backslash, so the glob reads
 * the same on every platform.
 */
export function globForPath(relativePath: string): string {
  return escape(relativePath, { windowsPathsNoEscape: true });
}

/**
 * The smallest edit that makes a facts file state `name: value` for `glob`: the entry for that
 * glob gets the fact (its value replaced if it has one), or a new entry is added after the last
 * one. Text around the edit, comments included, is left as it is. `text` is undefined when the
 * file does not exist yet. A file with YAML errors, or not shaped as a facts file, is refused.
 */
export function addFactEdit(text: string | undefined, glob: string, name: FactName, value: string): FactsEditResult {
  const written = yamlValue(value);
  const entry = `${JSON.stringify(glob)}: { ${name}: ${written} }`;
  const focusIn = (newText: string, at: number) => {
    const offset = newText.lastIndexOf(written);
    return { start: at + offset, end: at + offset + written.length };
  };
  const insert = (at: number, newText: string, end = at): FactsEditResult => ({ ok: true, edit: { start: at, end, newText, focus: focusIn(newText, at) } });
  if (text === undefined || !text.trim()) {
    const newText = `${text === undefined ? NEW_FACTS_FILE_HEADER : ''}facts:\n  ${entry}\n`;
    return insert(text?.length ?? 0, newText);
  }
  const doc = parseYamlBounded(text, { strict: false, prettyErrors: false, merge: false });
  if (!doc || doc.errors.length > 0) return { ok: false, reason: `${FACTS_FILE_NAME} has YAML errors; correct them (see the Problems panel) and try again.` };
  const root = doc.contents as YamlNode | null;
  const appendFacts = () => insert(text.length, `${text.endsWith('\n') ? '' : '\n'}facts:\n  ${entry}\n`);
  if (root === null || (isScalar(root) && root.value === null)) return appendFacts();
  if (!isMap(root)) return { ok: false, reason: `${FACTS_FILE_NAME} is not a map with a facts: key; correct it and try again.` };
  const factsPair = [...root.items].reverse().find((pair) => isScalar(pair.key) && pair.key.value === 'facts');
  if (!factsPair) return root.flow ? { ok: false, reason: `${FACTS_FILE_NAME} is written as one flow map; add the facts: key by hand.` } : appendFacts();
  const facts = factsPair.value as YamlNode | null;
  if (facts === null || (isScalar(facts) && facts.value === null)) {
    const keyEnd = (factsPair.key as YamlNode).range![1];
    const lineEnd = endOfLine(text, keyEnd);
    const [from, to] = facts?.range && facts.range[1] > facts.range[0] ? [facts.range[0], facts.range[1]] : [lineEnd, lineEnd];
    return insert(from, `\n  ${entry}`, to);
  }
  if (!isMap(facts)) return { ok: false, reason: `facts: in ${FACTS_FILE_NAME} is not a map of globs; correct it and try again.` };
  const existing = [...facts.items].reverse().find((pair) => isScalar(pair.key) && String(pair.key.value) === glob);
  if (!existing) return addToMap(text, facts, JSON.stringify(glob), `{ ${name}: ${written} }`, focusIn);
  const factsOfGlob = existing.value as YamlNode | null;
  if (isMap(factsOfGlob)) {
    const stated = [...factsOfGlob.items].reverse().find((pair) => isScalar(pair.key) && factName(String(pair.key.value)) === name);
    const old = stated?.value as YamlNode | null | undefined;
    if (stated && old?.range && old.range[1] > old.range[0]) return insert(old.range[0], written, old.range[1]);
    return addToMap(text, factsOfGlob, name, written, focusIn);
  }
  // No facts for the glob yet (`"a.json":` alone, or a value that is not a map): give it a map.
  const keyEnd = (existing.key as YamlNode).range![1];
  const colon = text.indexOf(':', keyEnd);
  const [from, to] = factsOfGlob?.range && factsOfGlob.range[1] > factsOfGlob.range[0] ? [factsOfGlob.range[0], factsOfGlob.range[1]] : [colon + 1, colon + 1];
  const newText = `${text[from - 1] === ':' ? ' ' : ''}{ ${name}: ${written} }`;
  return insert(from, newText, to);
}

/** Adds `key: value` as the last item of a map, in the map's own style (flow or block). */
function addToMap(text: string, map: YAMLMap, key: string, value: string, focusIn: (newText: string, at: number) => FactsFileEdit['focus']): FactsEditResult {
  const last = map.items[map.items.length - 1];
  if (map.flow) {
    const range = (map as YamlNode).range!;
    if (!last) return result(range[0], `{ ${key}: ${value} }`, range[1], focusIn);
    return result(itemEnd(last), `, ${key}: ${value}`, itemEnd(last), focusIn);
  }
  const first = map.items[0].key as YamlNode;
  const indent = first.range![0] - (text.lastIndexOf('\n', first.range![0] - 1) + 1);
  const at = endOfLine(text, itemEnd(last));
  return result(at, `\n${' '.repeat(indent)}${key}: ${value}`, at, focusIn);
}

function result(start: number, newText: string, end: number, focusIn: (newText: string, at: number) => FactsFileEdit['focus']): FactsEditResult {
  return { ok: true, edit: { start, end, newText, focus: focusIn(newText, start) } };
}

function itemEnd(pair: { key: unknown; value: unknown }): number {
  const value = pair.value as YamlNode | null;
  if (value?.range && value.range[1] > value.range[0]) return value.range[1];
  return (pair.key as YamlNode).range![1];
}

function endOfLine(text: string, offset: number): number {
  // A node's range may end after its line's newline: the line is the one before it then.
  if (offset > 0 && text[offset - 1] === '\n') offset--;
  const newline = text.indexOf('\n', offset);
  const end = newline < 0 ? text.length : newline;
  return text[end - 1] === '\r' ? end - 1 : end;
}

/** A value as YAML writes it: counts and names plain (`2T`, `256`, `llama-2`), anything else quoted. */
function yamlValue(value: string): string {
  const trimmed = value.trim().replace(/\s+/g, '');
  return /^[A-Za-z0-9][A-Za-z0-9._+-]*$/.test(trimmed) ? trimmed : JSON.stringify(trimmed);
}
