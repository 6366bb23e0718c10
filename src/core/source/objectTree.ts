import type { ConfigNode } from './tree';

const NOWHERE = { start: 0, end: 0 };

/** A tree for data that has no source text (catalog entries, user-supplied facts). */
export function treeFromObject(value: unknown): ConfigNode {
  if (Array.isArray(value)) return { kind: 'seq', items: value.map(treeFromObject), span: NOWHERE };
  if (value !== null && typeof value === 'object') {
    return { kind: 'map', entries: Object.entries(value).map(([key, child]) => ({ key, keySpan: NOWHERE, value: treeFromObject(child) })), span: NOWHERE };
  }
  const scalar = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
  return { kind: 'scalar', value: scalar, span: NOWHERE };
}
