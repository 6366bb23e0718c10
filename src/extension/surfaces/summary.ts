import type { Analysis } from '../../core/analyze';
import { UNICODE_NUMBERS as n } from '../../core/format';

/** The EU systemic-risk result, the one threshold every short summary mentions. */
export function euThreshold(analysis: Analysis) {
  return analysis.thresholds.find((threshold) => threshold.id === 'eu-ai-act-systemic');
}

/**
 * `≈ 8.1 × 10²² FLOP · 297 tok/param · 14.8× Chinchilla · 0.81% of EU 10²⁵`; for a fine-tune,
 * `fine-tune ≈ 3.9 × 10¹⁸ FLOP · 0.00087% of base pretraining · 0.81% of EU 10²⁵ (cumulative)`.
 */
export function budgetSummary(analysis: Analysis): string | undefined {
  if (analysis.flops === null) return undefined;
  const eu = euThreshold(analysis);
  if (analysis.fineTune) {
    const parts = [`fine-tune ≈ ${n.flops(analysis.flops)} FLOP`];
    if (analysis.fineTune.share !== null) parts.push(`${n.percent(analysis.fineTune.share)} of base pretraining`);
    if (eu) parts.push(`${n.percent(eu.fraction)} of EU ${n.threshold(eu.flops)}${analysis.cumulativeFlops !== analysis.flops ? ' (cumulative)' : ''}`);
    return parts.join(' · ');
  }
  const parts = [`≈ ${n.flops(analysis.flops)} FLOP${analysis.method === 'hardware' ? ' (hardware method)' : ''}`];
  if (analysis.tokensPerParameter !== null) parts.push(`${n.ratio(analysis.tokensPerParameter)} tok/param`);
  if (analysis.chinchillaMultiple !== null) parts.push(`${n.multiple(analysis.chinchillaMultiple)} Chinchilla`);
  if (eu) parts.push(`${n.percent(eu.fraction)} of EU ${n.threshold(eu.flops)}`);
  return parts.join(' · ');
}

/** `≈ 46.7B params (12.9B active)` for the line that fixes the model size. */
export function modelSummary(analysis: Analysis): string | undefined {
  const { total, active } = analysis.parameters;
  if (total === null) return undefined;
  const size = active !== null && active !== total ? `≈ ${n.count(total)} params (${n.count(active)} active)` : `≈ ${n.count(total)} params`;
  if (analysis.fineTune) return `${size} · pretrained base`;
  return analysis.tokens === null && analysis.chinchillaTokens !== null ? `${size} · Chinchilla-optimal ${n.count(analysis.chinchillaTokens)} tokens` : size;
}
