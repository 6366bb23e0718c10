/** How sure a split is, in words the plan view and the hover share. */
import type { NumberFormat } from '../report/format';
import { EXTRAPOLATION_FACTOR, type SplitUncertainty } from './allocation';

/**
 * "95% interval 6.8B–8.4B on 198B–246B, 23–36 tokens per parameter, loss 2.137–2.154; determined
 * (N within 30% either side)", then the extrapolation's factor when the budget is past 10× the largest run.
 */
export function splitNote(uncertainty: SplitUncertainty, n: NumberFormat): string {
  const i = uncertainty.intervals;
  const past = uncertainty.extrapolation > EXTRAPOLATION_FACTOR ? `; ${n.multiple(uncertainty.extrapolation)} the largest run's compute: an extrapolation` : '';
  if (!i) return `no interval (too few bootstrap fits); not determined${past}`;
  const dash = n.style === 'unicode' ? '–' : '-';
  const range = (interval: { low: number; high: number }, show: (x: number) => string): string => `${show(interval.low)}${dash}${show(interval.high)}`;
  const band = `${n.percent(uncertainty.level)} interval ${range(i.parameters, (x) => n.count(x))} on ${range(i.tokens, (x) => n.count(x))}, ${range(i.tokensPerParameter, (x) => n.ratio(x))} tokens per parameter, loss ${range(i.loss, (x) => n.loss(x))}`;
  const verdict = uncertainty.determined ? 'determined (N within 30% either side)' : 'not determined (N wider than 30% either side)';
  return `${band}; ${verdict}${past}`;
}
