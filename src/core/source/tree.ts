/**
 * One shape for YAML and JSON configs, keeping source offsets for every value so that
 * diagnostics and hovers can point at the exact key. Offsets are UTF-16 indices into the text,
 * the same unit VS Code's `document.positionAt` takes.
 */

/** A half-open span of the source text: [start, end). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type Scalar = string | number | boolean | null;

export interface ScalarNode {
  readonly kind: 'scalar';
  readonly value: Scalar;
  /** The text as written for plain (unquoted) scalars, so `739_328` and `2e12T` can be read our way. */
  readonly source?: string;
  /** A custom tag such as `!include`; the value is kept as written. */
  readonly tag?: string;
  readonly span: Span;
}

export interface MapEntry {
  readonly key: string;
  readonly keySpan: Span;
  readonly value: ConfigNode;
}

export interface MapNode {
  readonly kind: 'map';
  readonly entries: readonly MapEntry[];
  readonly span: Span;
  /** A Python call read as the map of its keyword arguments (`SFTConfig(max_steps=60)`): what was called, and its positional arguments. */
  readonly call?: CallSite;
}

export interface CallSite {
  /** The callee as written when it is a dotted name: `SFTTrainer`, `FastLanguageModel.from_pretrained`. */
  readonly callee: string;
  readonly calleeSpan: Span;
  /** Positional arguments in order; what is not a literal is a null scalar. */
  readonly positional: readonly ConfigNode[];
}

export interface SeqNode {
  readonly kind: 'seq';
  readonly items: readonly ConfigNode[];
  readonly span: Span;
}

export type ConfigNode = ScalarNode | MapNode | SeqNode;

/** Keys compare case-insensitively with `-` and `_` equal: NeoX writes `hidden-size`, others `hidden_size`. */
export function normalizeKey(key: string): string {
  const lower = key.toLowerCase();
  // Most keys have no dash; skipping the replace is a measurable share of indexing a big config.
  // A command-line flag written as a key (`--num-layers: 4`, Megatron-LM's test configs) is the argument itself.
  return lower.includes('-') ? lower.replace(/^-+/, '').replaceAll('-', '_') : lower;
}

export function getEntry(map: ConfigNode | undefined, key: string): MapEntry | undefined {
  if (!map || map.kind !== 'map') return undefined;
  const wanted = normalizeKey(key);
  // Later duplicates win, as in every YAML and JSON loader the frameworks use.
  for (let i = map.entries.length - 1; i >= 0; i--) {
    if (normalizeKey(map.entries[i].key) === wanted) return map.entries[i];
  }
  return undefined;
}

/** Follows a dotted path of keys (and numeric sequence indices) from `node`. */
export function getPath(node: ConfigNode | undefined, path: readonly string[]): { node: ConfigNode; entry?: MapEntry; parent?: ConfigNode } | undefined {
  let current: ConfigNode | undefined = node;
  let entry: MapEntry | undefined;
  let parent: ConfigNode | undefined;
  for (const segment of path) {
    if (!current) return undefined;
    parent = current;
    if (current.kind === 'seq' && /^\d+$/.test(segment)) {
      current = current.items[Number(segment)];
      entry = undefined;
    } else {
      entry = getEntry(current, segment);
      current = entry?.value;
    }
  }
  return current ? { node: current, entry, parent } : undefined;
}
