import type { Analysis } from '../../core/analyze';
import { UNICODE_NUMBERS as n } from '../../core/report/format';
import { BASE_AND_FINE_TUNE } from '../../core/report/shareBasis';
import { workspacePrediction } from '../lab/workspaceFit';

/** The EU systemic-risk result, the one threshold every short summary mentions. */
export function euThreshold(analysis: Analysis) {
  return analysis.thresholds.find((threshold) => threshold.id === 'eu-ai-act-systemic');
}

/**
 * `≈ 8.1 × 10²² FLOP · 297 tok/param · 14.8× Chinchilla · 0.81% of EU 10²⁵`; for a fine-tune,
 * `fine-tune ≈ 3.9 × 10¹⁸ FLOP · 0.00087% of base pretraining · 0.81% of EU 10²⁵ (base + this fine-tune)`.
 */
export function budgetSummary(analysis: Analysis): string | undefined {
  if (analysis.flops === null) return undefined;
  const eu = euThreshold(analysis);
  if (analysis.fineTune) {
    const parts = [`fine-tune ≈ ${n.flops(analysis.flops)} FLOP`];
    if (analysis.fineTune.share !== null) parts.push(`${n.percent(analysis.fineTune.share)} of base pretraining`);
    // Most of that share is the base's: say whose compute it is, so nobody reads it as the fine-tune's own.
    if (eu)
      parts.push(
        `${n.percent(eu.fraction)} of EU ${n.threshold(eu.flops)} (${analysis.fineTune.baseFlops !== null ? BASE_AND_FINE_TUNE : 'this fine-tune alone'})`,
      );
    return parts.join(' · ');
  }
  const parts = [`≈ ${n.flops(analysis.flops)} FLOP${analysis.method === 'hardware' ? ' (hardware method)' : ''}`];
  if (analysis.tokensPerParameter !== null) parts.push(`${n.ratio(analysis.tokensPerParameter)} tok/param`);
  if (analysis.chinchillaMultiple !== null) parts.push(`${n.multiple(analysis.chinchillaMultiple)} Chinchilla`);
  if (eu) parts.push(`${n.percent(eu.fraction)} of EU ${n.threshold(eu.flops)}`);
  const loss = yourLoss(analysis);
  if (loss) parts.push(loss);
  return parts.join(' · ');
}

/** `loss 2.31 (2.28–2.35, your fit)` when `computeBudget.lossFit` is `workspace` and the fit is ready. */
export function yourLoss(analysis: Analysis): string | undefined {
  const active = analysis.parameters.active;
  if (analysis.loss.length === 0 || active === null || analysis.tokens === null) return undefined;
  const yours = workspacePrediction(active, analysis.tokens);
  if (!yours || 'unavailable' in yours) return undefined;
  const interval = Number.isFinite(yours.low) && Number.isFinite(yours.high) ? `${n.loss(yours.low)}–${n.loss(yours.high)}, ` : '';
  return `loss ${n.loss(yours.loss)} (${interval}your fit)`;
}

/** `≈ 46.7B params (12.9B active)` for the line that fixes the model size. */
export function modelSummary(analysis: Analysis): string | undefined {
  const { total, active } = analysis.parameters;
  if (total === null) return undefined;
  const size = active !== null && active !== total ? `≈ ${n.count(total)} params (${n.count(active)} active)` : `≈ ${n.count(total)} params`;
  if (analysis.fineTune) return `${size} · pretrained base`;
  return analysis.tokens === null && analysis.chinchillaTokens !== null ? `${size} · Chinchilla-optimal ${n.count(analysis.chinchillaTokens)} tokens` : size;
}
