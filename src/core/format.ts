/** Number formatting shared by the command line, hovers, decorations and the chart. */

/** 6738415616 → "6.74B", 124439808 → "124.4M". */
export function compactCount(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e15) return scientific(value, 3);
  if (abs >= 1e12) return `${trim((value / 1e12).toPrecision(3))}T`;
  if (abs >= 1e9) return `${trim((value / 1e9).toPrecision(3))}B`;
  if (abs >= 1e6) return `${trim((value / 1e6).toFixed(1))}M`;
  if (abs >= 1e3) return `${trim((value / 1e3).toFixed(1))}K`;
  return trim(value.toPrecision(3));
}

/** 8.087e22 → "8.1e22". */
export function scientific(value: number, digits = 2): string {
  if (value === 0) return '0';
  const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
  return `${mantissa}e${Number(exponent)}`;
}

const SUPERSCRIPT: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '-': '⁻' };

/** 1e25 → "10²⁵", for the short labels of thresholds. */
export function powerOfTen(value: number): string {
  const exponent = Math.round(Math.log10(value));
  return `10${String(exponent).split('').map((char) => SUPERSCRIPT[char] ?? char).join('')}`;
}

/** 0.0081 → "0.81%", 1.5 → "150%". */
export function percent(fraction: number): string {
  const value = fraction * 100;
  if (value >= 100) return `${Math.round(value)}%`;
  if (value >= 10) return `${value.toFixed(0)}%`;
  if (value >= 0.1) return `${trim(value.toFixed(2))}%`;
  return `${trim(value.toPrecision(2))}%`;
}

/** 14.84 → "14.8×"; a short run's 0.0033 → "0.0033×", not "0×". */
export function multiple(value: number): string {
  return `${ratio(value)}×`;
}

/** A ratio people read at a glance: 297, 14.8, 0.065 (two significant digits below one, never a bare 0). */
export function ratio(value: number): string {
  if (value >= 100) return String(Math.round(value));
  if (value >= 0.95 || value === 0) return trim(value.toFixed(1));
  return trim(value.toPrecision(2));
}

export function grouped(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

function trim(text: string): string {
  return text.includes('.') && !text.includes('e') ? text.replace(/\.?0+$/, '') : text;
}
