import type { ThresholdResult, ThresholdRule } from '../../budget/thresholds';
import type { NumberFormat } from '../../report/format';
import type { Span } from '../../source/tree';
import type { Finding } from '../findings';

/** The finding for one regulatory threshold: crossed, or within the margin the Commission allows for estimates. */
export function thresholdFinding(result: ThresholdResult, rule: ThresholdRule, where: Span, cumulative: boolean, n: NumberFormat): Finding | undefined {
  if (rule.status === 'revoked' || result.tier === 'below') return undefined;
  const what = cumulative ? 'Cumulative training compute' : 'Training compute';
  if (result.tier === 'crossed') {
    return {
      severity: 'warning',
      code: 'threshold-crossed',
      // Past 1,000% a share is written as a multiple: "10.5× the threshold", not "10.5× of".
      message: `${what} ${n.flops(result.fraction * rule.flops)} FLOP is ${n.percent(result.fraction)}${result.fraction >= 10 ? '' : ' of'} the ${rule.name} threshold (${n.threshold(rule.flops)} FLOP): ${rule.consequence}.`,
      span: where,
    };
  }
  return {
    severity: 'information',
    code: 'threshold-margin',
    message: `${what} ${n.flops(result.fraction * rule.flops)} FLOP is ${n.percent(result.fraction)} of the ${rule.name} threshold (${n.threshold(rule.flops)} FLOP): within the ±30% margin the Commission allows for estimates, so it may count as crossed.`,
    span: where,
  };
}
