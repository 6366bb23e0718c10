/**
 * Numbers as people write them in training configs: `70B`, `1.4T`, `739_328`, `3e12`,
 * and durations as Composer and OLMo write them: `63900ba`, `2e12T`, `300ep`, `1000tok`.
 */

export type ParsedNumber = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly why: 'not-a-number' | 'not-finite' };

const SUFFIXES: Record<string, number> = { k: 1e3, K: 1e3, m: 1e6, M: 1e6, b: 1e9, B: 1e9, g: 1e9, G: 1e9, t: 1e12, T: 1e12, P: 1e15 };

const NUMBER = String.raw`[-+]?(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][-+]?\d+)?`;
const COUNT = new RegExp(`^(${NUMBER})\\s*([kKmMbBgGtTP])?$`);

/** A plain number or one with a magnitude suffix (`70B`, `1.4T`, `7b`, `125M`). */
export function parseCount(input: string | number): ParsedNumber {
  if (typeof input === 'number') return Number.isFinite(input) ? { ok: true, value: input } : { ok: false, why: 'not-finite' };
  const text = input.trim().replace(/,(?=\d{3}\b)/g, '');
  const match = COUNT.exec(text);
  if (!match) return { ok: false, why: 'not-a-number' };
  const value = Number(match[1].replace(/_/g, '')) * (match[2] ? SUFFIXES[match[2]] : 1);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, why: 'not-finite' };
}

export type DurationUnit = 'tokens' | 'batches' | 'epochs' | 'samples' | 'steps';

export interface Duration {
  readonly value: number;
  readonly unit: DurationUnit;
}

const DURATION = new RegExp(`^(${NUMBER})\\s*(tok|T|ba|ep|sp|dur)?$`);

/**
 * Composer's `Time` strings (`tok`, `ba`, `ep`, `sp`) and OLMo's `max_duration` (`T` for tokens,
 * `ep` for epochs, a bare number for steps).
 */
export type DurationProblem = { readonly ok: false; readonly why: 'not-a-number' | 'not-finite' | 'negative' };

export function parseDuration(input: string | number): Duration | DurationProblem {
  if (typeof input === 'number')
    return !Number.isFinite(input) ? { ok: false, why: 'not-finite' } : input < 0 ? { ok: false, why: 'negative' } : { value: input + 0, unit: 'steps' };
  const match = DURATION.exec(input.trim());
  if (!match) return { ok: false, why: 'not-a-number' };
  const value = Number(match[1].replace(/_/g, ''));
  if (!Number.isFinite(value)) return { ok: false, why: 'not-finite' };
  // A run cannot last a negative time; `-0` is zero.
  if (value < 0) return { ok: false, why: 'negative' };
  const unit: DurationUnit = { tok: 'tokens', T: 'tokens', ba: 'batches', ep: 'epochs', sp: 'samples', dur: 'steps' }[match[2] ?? 'dur'] as DurationUnit;
  if (match[2] === 'dur') return { ok: false, why: 'not-a-number' }; // a fraction of another duration: nothing to count
  return { value: value + 0, unit };
}

export function isDuration(parsed: Duration | DurationProblem): parsed is Duration {
  return 'unit' in parsed;
}
