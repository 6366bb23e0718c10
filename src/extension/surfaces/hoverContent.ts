import type { Analysis } from '../../core/analyze';
import { BAND_LABELS } from '../../core/budget/overtraining';
import type { KeyExplanation } from '../../core/explain';
import { compactCount, grouped, multiple, percent, scientific } from '../../core/format';
import { provenanceNotes } from '../../core/provenance';
import { escapeMarkdown as md } from './markdown';
import { THRESHOLD_RULES, THRESHOLD_RULES_VERSION } from '../../core/budget/thresholds';

/** The rules a model-only config is compared with: the configured ones that still apply. */
function activeRules(analysis: Analysis) {
  const chosen = new Set(analysis.thresholds.map((threshold) => threshold.id));
  return THRESHOLD_RULES.filter((rule) => rule.status !== 'revoked' && (chosen.size === 0 || chosen.has(rule.id)));
}

const TIERS = { below: 'below', 'within-margin': '**within ±30% margin**', crossed: '**crossed**' } as const;

/**
 * The hover on a budget key, as Markdown: what the key contributes, the totals, the Chinchilla
 * comparison, the threshold table, and where assumed or catalog numbers came from. Every
 * string that came from the config goes through `md()`.
 */
export function hoverMarkdown(analysis: Analysis, explanation: KeyExplanation): string {
  const out: string[] = [`**Compute Budget** · ${md(explanation.key)}`, ''];
  for (const line of explanation.contributions) out.push(`- ${md(line)}`);
  out.push('');
  const { total, active } = analysis.parameters;
  const rows: [string, string][] = [];
  if (total !== null) rows.push(['Parameters', active !== null && active !== total ? `${grouped(total)} total, ${grouped(active)} active` : grouped(total)]);
  rows.push(['Training tokens', analysis.tokens === null ? 'unknown' : `${grouped(analysis.tokens)}`]);
  if (analysis.flops !== null) rows.push(['Training compute', `${scientific(analysis.flops)} FLOP (6·N·D)`]);
  if (analysis.flopsWithAttention !== null) rows.push(['With attention', `${scientific(analysis.flopsWithAttention)} FLOP`]);
  if (analysis.cumulativeFlops !== null && analysis.cumulativeFlops !== analysis.flops) rows.push(['Cumulative', `${scientific(analysis.cumulativeFlops)} FLOP incl. base model`]);
  if (analysis.tokensPerParameter !== null && analysis.chinchillaMultiple !== null && analysis.band) {
    rows.push(['Tokens per parameter', `${analysis.tokensPerParameter.toFixed(1)}: ${multiple(analysis.chinchillaMultiple)} Chinchilla (${BAND_LABELS[analysis.band]})`]);
  } else if (analysis.chinchillaTokens !== null) {
    rows.push(['Chinchilla-optimal tokens', `${compactCount(analysis.chinchillaTokens)} (${analysis.targetTokensPerParameter} per parameter)`]);
  }
  if (analysis.computeOptimal) rows.push(['Same compute, optimal', `${compactCount(analysis.computeOptimal.parameters)} params on ${compactCount(analysis.computeOptimal.tokens)} tokens`]);
  for (const prediction of analysis.loss) rows.push([`Predicted loss`, `${prediction.loss.toFixed(3)} (${md(prediction.label)})`]);
  out.push('| | |', '|---|---|', ...rows.map(([label, value]) => `| ${label} | ${value} |`), '');
  if (analysis.thresholds.length) {
    out.push('| Threshold | FLOP | Share | |', '|---|---|---|---|');
    for (const threshold of analysis.thresholds) {
      const name = threshold.status === 'revoked' ? `~~${md(threshold.name)}~~ (revoked)` : md(threshold.name);
      out.push(`| ${name} | ${scientific(threshold.flops, 1)} | ${percent(threshold.fraction)} | ${TIERS[threshold.tier]} |`);
    }
    out.push('', `*Shares of 6·N·D; threshold rules as of ${THRESHOLD_RULES_VERSION}.*`, '');
  } else if (analysis.flops === null && analysis.parameters.active) {
    // Before the length is known, say how long a run of this model may train below each line.
    out.push('| Threshold | FLOP | Reached at |', '|---|---|---|');
    for (const rule of activeRules(analysis)) out.push(`| ${md(rule.name)} | ${scientific(rule.flops, 1)} | ${compactCount(rule.flops / (6 * analysis.parameters.active))} tokens |`);
    out.push('');
  }
  const notes = provenanceNotes(analysis);
  if (notes.length) {
    out.push('*Not read from this file:*');
    for (const note of notes) out.push(`- ${md(note.what)}: ${typeof note.value === 'number' ? grouped(note.value) : String(note.value)} (${note.origin}${note.note ? `: ${md(note.note)}` : ''})`);
  }
  return out.join('\n');
}
