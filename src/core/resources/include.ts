import type { ReadContext } from './readContext';
import { parseSource, syntaxOf } from '../source/syntax';
import type { ConfigNode, MapEntry, MapNode, Span } from '../source/tree';
import { printable } from '../source/view';
import { resolveReference } from './resources';
import { MAX_INCLUDED_FILES, MAX_INCLUDED_NODES, type ParsedInclude } from './workBudget';

/** Files that include files are followed this many levels deep, no further. */
export const MAX_INCLUDE_DEPTH = 8;

export type Referenced =
  | { readonly ok: true; readonly root: ConfigNode; readonly path: string }
  /** `pending`: the host has not read it yet; the analysis is repeated when it has. */
  | { readonly ok: false; readonly why: 'missing' | 'pending' | 'too-deep' | 'cycle' | 'unreadable' | 'budget' };

/**
 * Reads a file this config points at (`base_config:`, `!include`), parsed in its own syntax.
 * Every span in the result is `at`, the referencing key: offsets in another file mean nothing
 * in this one, so a diagnostic about an inherited value underlines the line that inherits it.
 * Problems are reported once, at `at`.
 */
export function readReferenced(reference: string, at: Span, context: ReadContext, label: string): Referenced {
  const depth = context.includeChain?.length ?? 0;
  const path = resolveReference(context.includeChain?.[depth - 1] ?? context.fileName, reference);
  const where = printable(reference, 80);
  const fail = (why: Exclude<Referenced, { ok: true }>['why'], message?: string): Referenced => {
    if (message) context.findings.push({ severity: why === 'missing' ? 'warning' : 'information', code: 'missing-file', message, span: at });
    return { ok: false, why };
  };
  if (depth >= MAX_INCLUDE_DEPTH)
    return fail('too-deep', `${label} "${where}" is more than ${MAX_INCLUDE_DEPTH} files deep; it is not read, so its values do not count.`);
  if (path === context.fileName || context.includeChain?.includes(path))
    return fail('cycle', `${label} "${where}" includes itself through a cycle; it is read once.`);
  const budget = context.lookups.budget;
  if (budget.exhausted) return fail('budget');
  let read = context.lookups.parsed.get(path);
  if (!read) {
    const text = context.lookups.file(path);
    if (text === undefined) return fail('pending');
    if (text === null) return fail('missing', `${label} "${where}" was not found (looked for ${printable(path, 120)}), so the values it holds do not count.`);
    read = parse(path, text);
    context.lookups.parsed.set(path, read);
  }
  if (!read.root) return fail('unreadable', `${label} "${where}" could not be read as ${read.syntax.toUpperCase()}, so the values it holds do not count.`);
  if (!budget.spendFile(read.nodes))
    return fail(
      'budget',
      `${label} "${where}" is not read: the files this config includes pass ${MAX_INCLUDED_FILES} reads or ${MAX_INCLUDED_NODES.toLocaleString('en-US')} values in all, so the values from here on do not count.`,
    );
  return { ok: true, root: respan(read.root, at, new Map()), path };
}

/** An included file parsed, as kept for the rest of the analysis. */
function parse(path: string, text: string): ParsedInclude {
  const syntax = syntaxOf(path, text);
  const parsed = parseSource(text, syntax);
  const usable = parsed.root && !parsed.problems.some((problem) => problem.code === 'parse-error');
  return usable ? { root: parsed.root, nodes: countNodes(parsed.root!), syntax } : { root: undefined, nodes: 0, syntax };
}

/** Nodes of a tree, each shared (aliased) node once. */
function countNodes(root: ConfigNode): number {
  const seen = new Set<ConfigNode>();
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    if (node.kind === 'seq') for (const item of node.items) stack.push(item);
    else if (node.kind === 'map') for (const entry of node.entries) stack.push(entry.value);
  }
  return seen.size;
}

/** The context for reading inside an included file, so its own references resolve from its folder. */
export function insideInclude(context: ReadContext, path: string): ReadContext {
  return { ...context, includeChain: [...(context.includeChain ?? []), path] };
}

/** The same tree with every span moved to `at`; shared (aliased) nodes stay shared. */
function respan(node: ConfigNode, at: Span, done: Map<ConfigNode, ConfigNode>): ConfigNode {
  const seen = done.get(node);
  if (seen) return seen;
  let copy: ConfigNode;
  if (node.kind === 'scalar') copy = { ...node, span: at };
  else if (node.kind === 'seq') {
    const items: ConfigNode[] = [];
    copy = { kind: 'seq', items, span: at };
    done.set(node, copy);
    for (const item of node.items) items.push(respan(item, at, done));
  } else {
    const entries: MapEntry[] = [];
    copy = { kind: 'map', entries, span: at };
    done.set(node, copy);
    for (const entry of node.entries) entries.push({ key: entry.key, keySpan: at, value: respan(entry.value, at, done) });
  }
  done.set(node, copy);
  return copy;
}

/**
 * `child` over `base`, as config inheritance works (MaxText's `base_config`, Hydra defaults):
 * a key in both takes the child's value, maps in both are merged key by key.
 */
export function overlay(base: MapNode, child: MapNode): MapNode {
  const entries: MapEntry[] = [];
  const childKeys = new Map(child.entries.map((entry) => [entry.key, entry]));
  for (const entry of base.entries) {
    const mine = childKeys.get(entry.key);
    if (!mine) entries.push(entry);
    else if (mine.value.kind === 'map' && entry.value.kind === 'map') entries.push({ ...mine, value: overlay(entry.value, mine.value) });
  }
  for (const entry of child.entries) {
    // Of duplicate keys only the last counts; an earlier one placed after the merged map would win.
    if (childKeys.get(entry.key) !== entry) continue;
    const inherited = entry.value.kind === 'map' && base.entries.some((other) => other.key === entry.key && other.value.kind === 'map');
    if (!inherited) entries.push(entry);
  }
  return { kind: 'map', entries, span: child.span };
}
