/**
 * The one place numbers become text, for every surface and the command line.
 *
 * Two styles of the same figures, rounded the same way:
 * - `unicode` for what people read in the editor and the webview: 8.1 × 10²² FLOP, 10²⁵, 14.8×.
 * - `ascii` for the terminal and text that sits next to JSON: 8.1e22 FLOP, 1e25, 14.8x.
 *
 * Fixed rules, whatever the surface: compute to two significant figures (as a regulator is told),
 * counts with metric suffixes (6.74B, 2T), tokens per parameter as a ratio of two to three digits,
 * percentages that turn into a multiple past 1,000% rather than printing "135000%".
 */
export type NumberStyle = 'unicode' | 'ascii';

export interface NumberFormat {
  readonly style: NumberStyle;
  /** Compute in FLOP, two significant figures: "8.1 × 10²²" / "8.1e22". */
  flops(value: number): string;
  /** Any quantity in scientific notation with `digits` significant figures. */
  scientific(value: number, digits?: number): string;
  /** A threshold line: an exact power of ten as "10²⁵" / "1e25", otherwise as `flops`. */
  threshold(value: number): string;
  /** Parameters, tokens, steps: 6.74B, 124.4M, 2T, 2,470T. */
  count(value: number): string;
  /** Two significant figures up to 100%: 0.0081 → 0.81%, 0.0723 → 7.2%; 1.5 → 150%; past 1,000% a multiple: 135 → 135×. */
  percent(fraction: number): string;
  /** Tokens per parameter and similar: 297, 14.8, 1.8, 0.065 (never a bare 0). */
  ratio(value: number): string;
  /** A ratio with its sign: 14.8× / 14.8x. */
  multiple(value: number): string;
  /** 1234567 → 1,234,567. */
  grouped(value: number): string;
  /** Wall-clock days and the like: 31.5, 0.42. */
  days(value: number): string;
  /** A predicted loss in nats per token: 2.134. */
  loss(value: number): string;
}

const SUPERSCRIPT: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '-': '⁻' };

function mantissaExponent(value: number, digits: number): [string, number] {
  const [mantissa, exponent] = value.toExponential(Math.max(0, digits - 1)).split('e');
  return [mantissa!, Number(exponent)];
}

function superscript(exponent: number): string {
  return String(exponent)
    .split('')
    .map((char) => SUPERSCRIPT[char] ?? char)
    .join('');
}

function numberFormat(style: NumberStyle): NumberFormat {
  const times = style === 'unicode' ? '×' : 'x';
  const scientificIn = (value: number, digits = 2): string => {
    if (!Number.isFinite(value)) return String(value);
    if (value === 0) return '0';
    const [mantissa, exponent] = mantissaExponent(value, digits);
    return style === 'unicode' ? `${mantissa} × 10${superscript(exponent)}` : `${mantissa}e${exponent}`;
  };
  /**
   * `digits` significant figures, written out down to a thousandth; smaller in this style's
   * scientific form, never JavaScript's own e-notation (`1.4e-7`) on a surface that writes 10⁻⁷.
   */
  const small = (value: number, digits: number): string =>
    Math.abs(value) >= 1e-3 || value === 0 ? trim(value.toPrecision(digits)) : scientificIn(value, digits);
  const ratioIn = (value: number): string => {
    if (!Number.isFinite(value)) return String(value);
    const abs = Math.abs(value);
    if (abs >= 1000) return grouped(value);
    if (abs >= 100) return String(Math.round(value));
    if (abs >= 0.95 || value === 0) return trim(value.toFixed(1));
    return small(value, 2);
  };
  return {
    style,
    flops: (value) => scientificIn(value, 2),
    scientific: scientificIn,
    threshold: (value) => {
      const exponent = Math.round(Math.log10(value));
      if (value > 0 && Math.abs(value / 10 ** exponent - 1) < 1e-9) return style === 'unicode' ? `10${superscript(exponent)}` : `1e${exponent}`;
      return scientificIn(value, 2);
    },
    count: (value) => {
      if (!Number.isFinite(value)) return String(value);
      const abs = Math.abs(value);
      if (abs >= 1e18) return scientificIn(value, 3);
      if (abs >= 1e15) return `${grouped(value / 1e12)}T`;
      if (abs >= 1e12) return `${trim((value / 1e12).toPrecision(3))}T`;
      if (abs >= 1e9) return `${trim((value / 1e9).toPrecision(3))}B`;
      if (abs >= 1e6) return `${trim((value / 1e6).toFixed(1))}M`;
      if (abs >= 1e3) return `${trim((value / 1e3).toFixed(1))}K`;
      return small(value, 3);
    },
    percent: (fraction) => {
      if (!Number.isFinite(fraction)) return String(fraction);
      const value = fraction * 100;
      const abs = Math.abs(value);
      if (abs >= 1000) return `${ratioIn(fraction)}${times}`;
      if (abs >= 100) return `${grouped(value)}%`;
      if (abs >= 10) return `${value.toFixed(0)}%`;
      if (abs >= 1) return `${trim(value.toFixed(1))}%`;
      if (abs >= 0.1 || value === 0) return `${trim(value.toFixed(2))}%`;
      return `${small(value, 2)}%`;
    },
    ratio: ratioIn,
    multiple: (value) => `${ratioIn(value)}${times}`,
    grouped,
    days: (value) => (value >= 1e6 ? grouped(value) : value >= 10 ? value.toFixed(1) : small(value, 2)),
    loss: (value) => value.toFixed(3),
  };
}

/** For the editor, hovers, the Problems panel and the webview. */
export const UNICODE_NUMBERS: NumberFormat = numberFormat('unicode');
/** For the terminal, JSON output and anything written into a file. */
export const ASCII_NUMBERS: NumberFormat = numberFormat('ascii');

export function numbers(style: NumberStyle = 'ascii'): NumberFormat {
  return style === 'unicode' ? UNICODE_NUMBERS : ASCII_NUMBERS;
}

// The ASCII forms under their own names, for code that writes numbers back into config files
// (which must stay parseable) and for older callers.

/** 6738415616 → "6.74B", 124439808 → "124.4M". */
export const compactCount = (value: number): string => ASCII_NUMBERS.count(value);
/** 8.087e22 → "8.1e22". */
export const scientific = (value: number, digits = 2): string => ASCII_NUMBERS.scientific(value, digits);
/** 1e25 → "10²⁵", for the short labels of thresholds in the editor and chart. */
export const powerOfTen = (value: number): string => UNICODE_NUMBERS.threshold(value);
export const percent = (fraction: number): string => ASCII_NUMBERS.percent(fraction);
export const ratio = (value: number): string => ASCII_NUMBERS.ratio(value);
/** 14.84 → "14.8×"; a short run's 0.0033 → "0.0033×", not "0×". */
export const multiple = (value: number): string => UNICODE_NUMBERS.multiple(value);

export function grouped(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

function trim(text: string): string {
  return text.includes('.') && !text.includes('e') ? text.replace(/\.?0+$/, '') : text;
}
