/**
 * The ranges a lab number may take before the lab computes with it, and the check on what it
 * computes. A value outside is refused with a finding that says why, never carried into a fit
 * that prints NaN, Infinity or a 300-digit number. The upper ends are far past any training run
 * to date (the largest published runs are ~2·10^12 parameters, ~4·10^13 tokens, ~5·10^26 FLOP),
 * so no real file meets them; they only stop arithmetic from overflowing.
 */
export const PLAUSIBLE = {
  /** Parameters of a model. */
  parameters: 1e15,
  /** Tokens seen or planned. */
  tokens: 1e17,
  /** Training FLOPs of a run, or a budget (`--compute`). */
  compute: 1e35,
  /** A cross-entropy loss in nats: ln(vocabulary) is ~12 for a 200k vocabulary. */
  loss: 1e3,
} as const;

const UNITS: Readonly<Record<keyof typeof PLAUSIBLE, string>> = { parameters: ' parameters', tokens: ' tokens', compute: ' FLOP', loss: '' };

export type PlausibleQuantity = keyof typeof PLAUSIBLE;

/** Why `value` is not a plausible `quantity` (positive, finite, at most its bound), or undefined when it is. */
export function implausible(quantity: PlausibleQuantity, value: number): string | undefined {
  if (!Number.isFinite(value)) return 'is not a finite number';
  if (value <= 0) return 'must be positive';
  if (value > PLAUSIBLE[quantity]) return `is past ${PLAUSIBLE[quantity].toExponential(0)}${UNITS[quantity]}, more than any training run has`;
  return undefined;
}

/** The first of `values` that is not a finite number, by name, or undefined when all are. */
export function notFinite(values: Readonly<Record<string, number>>): string | undefined {
  for (const [name, value] of Object.entries(values)) if (!Number.isFinite(value)) return `${name} is ${String(value)}`;
  return undefined;
}
