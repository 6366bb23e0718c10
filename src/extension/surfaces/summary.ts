import type { Analysis } from '../../core/analyze';
import { compactCount, multiple, percent, powerOfTen, ratio, scientific } from '../../core/format';

/** The EU systemic-risk result, the one threshold every short summary mentions. */
export function euThreshold(analysis: Analysis) {
  return analysis.thresholds.find((threshold) => threshold.id === 'eu-ai-act-systemic');
}

/** `≈ 8.1e22 FLOP · 297 tok/param · 14.8× Chinchilla · 0.81% of EU 10²⁵` */
export function budgetSummary(analysis: Analysis): string | undefined {
  if (analysis.flops === null) return undefined;
  const parts = [`≈ ${scientific(analysis.flops)} FLOP`];
  if (analysis.tokensPerParameter !== null) parts.push(`${ratio(analysis.tokensPerParameter)} tok/param`);
  if (analysis.chinchillaMultiple !== null) parts.push(`${multiple(analysis.chinchillaMultiple)} Chinchilla`);
  const eu = euThreshold(analysis);
  if (eu) parts.push(`${percent(eu.fraction)} of EU ${powerOfTen(eu.flops)}`);
  return parts.join(' · ');
}

/** `≈ 46.7B params (12.9B active)` for the line that fixes the model size. */
export function modelSummary(analysis: Analysis): string | undefined {
  const { total, active } = analysis.parameters;
  if (total === null) return undefined;
  const size = active !== null && active !== total ? `≈ ${compactCount(total)} params (${compactCount(active)} active)` : `≈ ${compactCount(total)} params`;
  return analysis.tokens === null ? `${size} · Chinchilla-optimal ${compactCount(analysis.chinchillaTokens!)} tokens` : size;
}
