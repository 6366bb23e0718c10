/**
 * A value shown beside the limit it is judged against, with enough digits that the two never read
 * the same: a slope of 0.00996 under a limit of 0.01 is "0.00996 … below 0.010", not "0.010 …
 * below 0.010".
 */
export function besideLimit(value: number, limit: number, show: (x: number) => string, raw: (x: number, digits: number) => string): string {
  const shown = show(value);
  if (value === limit || shown !== show(limit)) return shown;
  for (let digits = 2; digits <= 8; digits++) {
    const text = raw(value, digits);
    if (text !== raw(limit, digits)) return text;
  }
  return shown;
}

/** `toPrecision` without a trailing exponent for the small numbers the stop rule shows. */
export const plainDigits = (x: number, digits: number): string => String(Number(x.toPrecision(digits)));
/** The same, as a percentage of a fraction. */
export const percentDigits = (x: number, digits: number): string => `${Number((x * 100).toPrecision(digits))}%`;
