import type { FixHint } from '../findings';
import { compactCount, scientific } from '../format';
import type { LengthSetting } from './tokens';

/**
 * The edit that makes a run train on `tokens` tokens, written the way the file writes its
 * length: `1.4T` stays suffixed, `2e12T` stays a duration, steps stay steps (rounded up).
 * Used by the Chinchilla quick fix and by the planner's "write back to config".
 */
export function lengthEdit(setting: LengthSetting | undefined, tokens: number, why: string): Extract<FixHint, { kind: 'set-value' }> | undefined {
  if (!setting || !(tokens > 0) || !Number.isFinite(tokens)) return undefined;
  if (setting.kind === 'tokens') {
    const body = setting.magnitude && tokens < 1e15 ? compactCount(tokens) : setting.suffix ? scientific(tokens, 3) : String(Math.round(tokens));
    return { kind: 'set-value', span: setting.span, newText: body + setting.suffix, title: `Set training tokens to ${compactCount(tokens)} (${why})` };
  }
  if (!setting.tokensPerStep) return undefined;
  const steps = Math.ceil(tokens / setting.tokensPerStep);
  return { kind: 'set-value', span: setting.span, newText: `${steps}${setting.suffix}`, title: `Set steps to ${steps.toLocaleString('en-US')}: ${compactCount(steps * setting.tokensPerStep)} tokens (${why})` };
}
