import type { FixHint } from '../analysis/findings';
import { compactCount, scientific } from '../report/format';
import { parseCount } from '../source/quantity';
import type { LengthSetting } from './tokens';

/** How a number was written in the file, so a rewrite writes it the same way. */
export interface WrittenNumber {
  /** `1.4T`, `70B`: a rewrite uses a suffix too. */
  readonly magnitude: boolean;
  /** A unit after the number (`2e12T` in a duration, `ba`): kept, with the number in scientific form. */
  readonly suffix: string;
  /** A quoted string (`"1.4T"` in JSON): the rewrite keeps the quotes. */
  readonly quoted?: boolean;
}

/**
 * `value` as the file would write it. Always plain ASCII that the file's own reader parses back:
 * suffixed numbers only below 10¹⁵ (past that the compact form is "2,470T", which no parser reads).
 */
export function writtenAs(value: number, written: WrittenNumber): string {
  const body = written.magnitude && value < 1e15 ? compactCount(value) : written.suffix ? scientific(value, 3) : String(Math.round(value));
  const text = body + written.suffix;
  return written.quoted ? `"${text}"` : text;
}

/**
 * The number `writtenAs` writes, as the file's reader will read it back (`6.74B` for 6,738,415,616):
 * what the file means after the edit, so that a dialog about the edit gives the file's own figures.
 */
export function writtenValue(value: number, written: WrittenNumber): number {
  const text = writtenAs(value, { ...written, quoted: false });
  const parsed = parseCount(written.suffix ? text.slice(0, -written.suffix.length) : text);
  return parsed.ok ? parsed.value : value;
}

/** The tokens a run trains on after `lengthEdit(setting, tokens)`: rounded as written, or whole steps. */
export function writtenTokens(setting: LengthSetting, tokens: number): number {
  if (setting.kind === 'tokens') return writtenValue(tokens, setting);
  return setting.tokensPerStep ? Math.ceil(tokens / setting.tokensPerStep) * setting.tokensPerStep : tokens;
}

/**
 * The edit that makes a run train on `tokens` tokens, written the way the file writes its
 * length: `1.4T` stays suffixed, `2e12T` stays a duration, steps stay steps (rounded up).
 * Used by the Chinchilla quick fix and by the planner's "write back to config".
 */
export function lengthEdit(setting: LengthSetting | undefined, tokens: number, why: string): Extract<FixHint, { kind: 'set-value' }> | undefined {
  if (!setting || !(tokens > 0) || !Number.isFinite(tokens)) return undefined;
  if (setting.kind === 'tokens') {
    return { kind: 'set-value', span: setting.span, newText: writtenAs(tokens, setting), title: `Set training tokens to ${compactCount(tokens)} (${why})` };
  }
  if (!setting.tokensPerStep) return undefined;
  const steps = Math.ceil(tokens / setting.tokensPerStep);
  return {
    kind: 'set-value',
    span: setting.span,
    newText: writtenAs(steps, { magnitude: false, suffix: setting.suffix, quoted: setting.quoted }),
    title: `Set steps to ${steps.toLocaleString('en-US')}: ${compactCount(steps * setting.tokensPerStep)} tokens (${why})`,
  };
}
