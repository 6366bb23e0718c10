// Helpers every format's model reader uses (whole numbers, flags, names): below the format folders, importing none.
import { fact, type Fact } from '../../source/fact';
import type { ConfigView, FindOptions } from '../../source/view';

/** Reads a positive whole number found under any of `names`. */
export function count(view: ConfigView, names: readonly string[], what: string, options: FindOptions = {}): Fact | undefined {
  return view.count(view.find(names, options), what, { integer: true, positive: true });
}

/** A boolean key, or the family's default, saying which it was. */
export function flagOr(view: ConfigView, names: readonly string[], fallback: boolean, why: string, options: FindOptions = {}): Fact<boolean> {
  const located = view.find(names, options);
  const value = view.flag(located);
  if (located && value !== undefined) return fact(value, 'config', { key: located.path.join('.'), span: located.entry.keySpan });
  return fact(fallback, 'assumed', { note: why });
}

/** A value derived from others, e.g. 4 × hidden size when the MLP width is not written. */
export function derived(value: number, note: string): Fact {
  return fact(value, 'derived', { note });
}

export function assumed(value: number, note: string): Fact {
  return fact(value, 'assumed', { note });
}

export function textOf(view: ConfigView, names: readonly string[], options: FindOptions = {}): string | undefined {
  return view.text(view.find(names, options));
}
