import type { Finding } from '../../analysis/findings';
import type { NumberFormat } from '../../report/format';
import type { Span } from '../../source/tree';

/**
 * The Commission's guidelines on general-purpose AI models (C(2025) 7719 final, first published 18 July 2025), points 59-61:
 * a downstream modifier becomes the provider of the modified model when the modification
 * significantly changes it, indicated by training compute above a third of the original's (point 60);
 * when the original's compute cannot be known or estimated, a third of 10²⁵ FLOP for an original
 * with systemic risk, a third of 10²³ FLOP otherwise (point 61). Point 59 keeps it an indication:
 * the change in generality, capabilities or risk decides.
 */
export type ModifierTest = 'below-one-third' | 'above-one-third' | 'unknown';

/**
 * The guidelines' own text was not reachable from the sources searched (docs/fine-tuning.md, "The
 * regulatory conclusion"): the point numbers are those of a secondary summary, and the citation says so.
 */
export const GUIDELINES_CITATION = 'GPAI guidelines C(2025) 7719, points 60-61 as numbered in a secondary summary';
const SYSTEMIC_FALLBACK = 1e25 / 3;
const GPAI_FALLBACK = 1e23 / 3;

export interface Modification {
  readonly base: string;
  readonly baseFlops: number | null;
}

/** The outcome: with the base's compute unknown, below both fallbacks or above both is certain; between them it depends on the base. */
export function modifierTest(flops: number | null, baseFlops: number | null): ModifierTest {
  if (flops === null) return 'unknown';
  if (baseFlops !== null) return flops > baseFlops / 3 ? 'above-one-third' : 'below-one-third';
  if (flops <= GPAI_FALLBACK) return 'below-one-third';
  if (flops > SYSTEMIC_FALLBACK) return 'above-one-third';
  return 'unknown';
}

/** The test's conclusion in words, as a finding: information below one third, a warning otherwise. */
export function modifierFinding(modification: Modification, flops: number, where: Span, n: NumberFormat): Finding {
  const { base, baseFlops } = modification;
  if (baseFlops !== null) {
    const third = baseFlops / 3;
    const share = n.percent(flops / baseFlops);
    if (flops <= third)
      return {
        severity: 'information',
        code: 'modifier-test',
        span: where,
        message: `This fine-tune uses ${share} of ${base}'s training compute (${n.flops(flops)} of ${n.flops(baseFlops)} FLOP), below the one third (${n.flops(third)}) at which the Commission's guidelines treat a modifier as the provider of the modified model (${GUIDELINES_CITATION}).`,
      };
    return {
      severity: 'warning',
      code: 'modifier-provider',
      span: where,
      message: `This modification of ${base} uses ${n.flops(flops)} FLOP, more than a third of its original training compute (${n.flops(baseFlops)} FLOP, so ${n.flops(third)}): under the Commission's guidelines its modifier becomes the provider of the modified model (${GUIDELINES_CITATION}).`,
    };
  }
  if (flops <= GPAI_FALLBACK)
    return {
      severity: 'information',
      code: 'modifier-test',
      span: where,
      message: `${base}'s training compute is not published, so the guidelines' fallback decides: this fine-tune's ${n.flops(flops)} FLOP is below a third of ${n.threshold(1e23)} FLOP (${n.flops(GPAI_FALLBACK)}), so it does not make its modifier the provider of the modified model (${GUIDELINES_CITATION}).`,
    };
  const which =
    flops > SYSTEMIC_FALLBACK
      ? `more than a third of ${n.threshold(1e25)} FLOP (${n.flops(SYSTEMIC_FALLBACK)}), the guidelines' value when the original's compute is unknown and it has systemic risk`
      : `more than a third of ${n.threshold(1e23)} FLOP (${n.flops(GPAI_FALLBACK)}), the guidelines' value when the original's compute is unknown (for an original with systemic risk the line is ${n.flops(SYSTEMIC_FALLBACK)})`;
  return {
    severity: 'warning',
    code: 'modifier-provider',
    span: where,
    message: `This modification of ${base} uses ${n.flops(flops)} FLOP, ${which}: its modifier may become the provider of the modified model.`,
  };
}

/**
 * For a modifier below one third, a cumulative total past a line is the base's own crossing:
 * information about the base (whose provider carries those duties), not obligations for this user.
 */
export function baseCrossingFinding(base: string, crossed: readonly { name: string; flops: number }[], where: Span, n: NumberFormat): Finding {
  const lines = crossed.map((rule) => `${rule.name} (${n.threshold(rule.flops)} FLOP)`).join(', ');
  return {
    severity: 'information',
    code: 'base-threshold',
    span: where,
    message: `With its base, the model's cumulative compute is past ${lines}: that is ${base}'s own pretraining, and concerns its provider. As a modifier below one third of it, you do not take over those obligations (${GUIDELINES_CITATION}).`,
  };
}
