import type { NumberFormat } from '../../report/format';
import type { Span } from '../../source/tree';
import type { Finding } from '../findings';
import type { FineTune } from '../types';

/**
 * The Commission's downstream-modifier test: a modification using more than a third of the
 * original model's training compute makes the modifier the provider of the modified model. With the
 * original's compute unknown, the guidelines' fallbacks: ⅓ × 10²⁵ (systemic-risk original), ⅓ × 10²³.
 */
export function modifierFinding(fineTune: FineTune, flops: number, where: Span, n: NumberFormat): Finding | undefined {
  const base = fineTune.base;
  if (fineTune.baseFlops !== null) {
    const third = fineTune.baseFlops / 3;
    if (flops <= third) return undefined;
    return {
      severity: 'warning',
      code: 'modifier-provider',
      span: where,
      message: `This modification of ${base} uses ${n.flops(flops)} FLOP, more than a third of its original training compute (${n.flops(fineTune.baseFlops)} FLOP, so ${n.flops(third)}): under the Commission's guidelines its modifier becomes the provider of the modified model.`,
    };
  }
  const lower = 1e23 / 3;
  if (flops <= lower) return undefined;
  const systemic = 1e25 / 3;
  const which =
    flops > systemic
      ? `more than a third of ${n.threshold(1e25)} FLOP (${n.flops(systemic)}), the guidelines' value when the original's compute is unknown and it has systemic risk`
      : `more than a third of ${n.threshold(1e23)} FLOP (${n.flops(lower)}), the guidelines' value when the original's compute is unknown (for an original with systemic risk the line is ${n.flops(systemic)})`;
  return {
    severity: 'warning',
    code: 'modifier-provider',
    span: where,
    message: `This modification of ${base} uses ${n.flops(flops)} FLOP, ${which}: its modifier may become the provider of the modified model.`,
  };
}
