/**
 * The least and greatest of a list of numbers, by a loop. `Math.max(...xs)` passes every value as
 * an argument, and V8 throws "Maximum call stack size exceeded" past about 120k of them (a
 * 150k-row runs file crashed `fit` that way); the lint config forbids spreading into a call.
 * An empty list gives the identities, as `Math.min()` and `Math.max()` do (Infinity, -Infinity).
 */
export function minOf(values: Iterable<number>): number {
  let least = Infinity;
  for (const value of values) if (value < least || Number.isNaN(value)) least = value;
  return least;
}

export function maxOf(values: Iterable<number>): number {
  let greatest = -Infinity;
  for (const value of values) if (value > greatest || Number.isNaN(value)) greatest = value;
  return greatest;
}
