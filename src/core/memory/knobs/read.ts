import { fact, type Fact } from '../../source/fact';
import { parseCount } from '../../source/quantity';
import type { Span } from '../../source/tree';
import { dotted, type ConfigView, type Located } from '../../source/view';

/** Where each knob's value is written, for quick fixes that replace it. */
const VALUE_SPANS = new WeakMap<object, Span>();

export function valueSpan(knob: object | undefined): Span | undefined {
  return knob ? VALUE_SPANS.get(knob) : undefined;
}

function remember<T extends object>(knob: T, at: Located): T {
  VALUE_SPANS.set(knob, at.entry.value.span);
  return knob;
}

/**
 * Quiet readers for the memory knobs: a knob that does not parse is simply not read (the budget's
 * own readers already report bad numbers at their keys), so the memory estimate never adds noise.
 */
export function located(view: ConfigView, names: readonly string[], under?: readonly string[]): Located | undefined {
  if (under) {
    for (const name of names) {
      const at = view.at([...under, name]);
      if (at) return at;
    }
    return undefined;
  }
  return view.find(names);
}

export function numberKnob(view: ConfigView, names: readonly string[], under?: readonly string[]): Fact | undefined {
  const at = located(view, names, under);
  const text = at ? view.text(at) : undefined;
  if (!at || text === undefined) return undefined;
  const parsed = parseCount(text);
  if (!parsed.ok || !Number.isFinite(parsed.value) || parsed.value < 0) return undefined;
  return remember(fact(parsed.value, 'config', { key: dotted(at), span: at.entry.keySpan }), at);
}

export function flagKnob(view: ConfigView, names: readonly string[], under?: readonly string[]): Fact<boolean> | undefined {
  const at = located(view, names, under);
  const value = at ? view.flag(at) : undefined;
  return at && value !== undefined ? remember(fact(value, 'config', { key: dotted(at), span: at.entry.keySpan }), at) : undefined;
}

export function textKnob(view: ConfigView, names: readonly string[], under?: readonly string[]): Fact<string> | undefined {
  const at = located(view, names, under);
  const value = at ? view.text(at) : undefined;
  return at && value !== undefined ? remember(fact(value, 'config', { key: dotted(at), span: at.entry.keySpan }), at) : undefined;
}

/** A framework's default, with the place it is defined. */
export function byDefault<T>(value: T, note: string): Fact<T> {
  return fact(value, 'assumed', { note });
}

/** The same key read as another value (`recompute_granularity: selective` → 'selective'), keeping where it is written. */
export function retag<T, U>(knob: Fact<T>, value: U, note?: string): Fact<U> {
  const copy: Fact<U> = note === undefined ? { ...knob, value } : { ...knob, value, note };
  const span = VALUE_SPANS.get(knob);
  if (span) VALUE_SPANS.set(copy, span);
  return copy;
}
