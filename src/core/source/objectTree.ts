import type { ConfigNode, Span } from './tree';

const NOWHERE: Span = { start: 0, end: 0 };

/**
 * A tree for data that has no source text of its own (catalog entries, user-supplied facts, a
 * preset a flag selects). Every node sits at `span`: for a preset, where the flag choosing it is.
 */
export function treeFromObject(value: unknown, span: Span = NOWHERE): ConfigNode {
  if (Array.isArray(value)) return { kind: 'seq', items: value.map((item) => treeFromObject(item, span)), span };
  if (value !== null && typeof value === 'object') {
    return { kind: 'map', entries: Object.entries(value).map(([key, child]) => ({ key, keySpan: span, value: treeFromObject(child, span) })), span };
  }
  const scalar = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
  return { kind: 'scalar', value: scalar, span };
}
