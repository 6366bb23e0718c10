import { createColors } from 'picocolors';
import type { Colors } from 'picocolors/types';

export type { Colors };

/**
 * Whether to colour a stream: never with `NO_COLOR` (any non-empty value, https://no-color.org)
 * or `--no-color`; always with `FORCE_COLOR` (except `FORCE_COLOR=0`); otherwise only when the
 * stream is a terminal and `TERM` is not `dumb`.
 */
export function useColor(stream: { readonly isTTY?: boolean }, env: Readonly<Record<string, string | undefined>>, noColorFlag = false): boolean {
  if (noColorFlag || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/** picocolors' formatters, switched on or off (off: each returns its text unchanged). */
export function colors(enabled: boolean): Colors {
  return createColors(enabled);
}
