import type { Span } from './tree';

/**
 * Where a number came from. Users check our numbers against papers, so every number says
 * whether it was written in the file, taken from the built-in catalog, assumed, or supplied
 * by the user outside the file.
 */
export type Origin = 'config' | 'catalog' | 'assumed' | 'derived' | 'user';

export interface Fact<T = number> {
  readonly value: T;
  readonly origin: Origin;
  /** The key the value was read from, as written in the file (dotted path). */
  readonly key?: string;
  /** The span of that key in the file, for hovers and diagnostics. */
  readonly span?: Span;
  /** Why, for assumed and derived values ("GPT-2 tokenizer", "padded to a multiple of 256"). */
  readonly note?: string;
}

export function fact<T>(value: T, origin: Origin, extra: Omit<Fact<T>, 'value' | 'origin'> = {}): Fact<T> {
  return { value, origin, ...extra };
}
