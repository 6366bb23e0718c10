import type { Analysis } from '../../core/analyze';
import { perRun } from '../../core/training/hfTrainer/trainerCompute';
import { BAND_LABELS } from '../../core/budget/overtraining';
import { fineTuneShareBasis } from '../../core/report/shareBasis';
import { hardwareDerivation, type KeyExplanation } from '../../core/report/explain';
import { UNICODE_NUMBERS as n } from '../../core/report/format';
import { provenanceNotes } from '../../core/report/provenance';
import { hoverMarkdown as md } from '../../core/text/sanitise';
import { memoryHoverRows } from './memoryRows';
import { splitNote } from '../../core/lab/splitText';
import { workspacePrediction, workspaceSplit } from '../lab/workspaceFit';
import { THRESHOLD_RULES, THRESHOLD_RULES_VERSION } from '../../core/budget/thresholds';

/** The rules a model-only config is compared with: the configured ones that still apply. */
function activeRules(analysis: Analysis) {
  const chosen = new Set(analysis.thresholds.map((threshold) => threshold.id));
  return THRESHOLD_RULES.filter((rule) => rule.status !== 'revoked' && (chosen.size === 0 || chosen.has(rule.id)));
}

const MODIFIER_TEST = {
  'below-one-third':
    'below one third of the base’s compute: the guidelines do not make the modifier the provider (points 60-61, as a secondary summary numbers them)',
  'above-one-third': '**above one third** of the base’s compute: the modifier becomes the provider (points 60-61, as a secondary summary numbers them)',
  unknown: 'unknown: needs the compute, or whether the base has systemic risk',
} as const;

const TIERS = { below: 'below', 'within-margin': '**within ±30% margin**', crossed: '**crossed**' } as const;

/**
 * The hover on a budget key, as Markdown: what the key contributes, the totals, the Chinchilla
 * comparison, the threshold table, and where assumed or catalog numbers came from. Every
 * string that came from the config goes through `md()`.
 */
export function hoverMarkdown(analysis: Analysis, explanation: KeyExplanation): string {
  const fineTune = analysis.fineTune;
  const title = fineTune
    ? `**Compute Budget** · fine-tune of ${md(fineTune.base)}${explanation.key === fineTune.base ? '' : ` · ${md(explanation.key)}`}`
    : `**Compute Budget** · ${md(explanation.key)}`;
  const out: string[] = [title, ''];
  for (const line of explanation.contributions) out.push(`- ${md(line)}`);
  out.push('');
  const { total, active } = analysis.parameters;
  const rows: [string, string][] = [];
  if (total !== null)
    rows.push(['Parameters', active !== null && active !== total ? `${n.grouped(total)} total, ${n.grouped(active)} active` : n.grouped(total)]);
  rows.push([fineTune ? 'Fine-tuning tokens' : 'Training tokens', analysis.tokens === null ? 'unknown' : n.grouped(analysis.tokens)]);
  const adapter = analysis.adapter;
  if (fineTune) rows.push(['Trainer', `${md(fineTune.trainer)}, ${md(fineTune.method)} (${md(fineTune.trainerReason)})`]);
  if (adapter)
    rows.push([
      `${adapter.variant === 'dora' ? 'DoRA' : adapter.variant === 'rslora' ? 'rsLoRA' : adapter.kind === 'qlora' ? 'QLoRA' : 'LoRA'} adapters (r = ${adapter.rank})`,
      `${n.grouped(adapter.trainable)} trainable parameters on ${adapter.modules.join(', ') || 'no known layer'}`,
    ]);
  const formula =
    analysis.method === 'hardware'
      ? `hardware method: ${md(hardwareDerivation(analysis))}`
      : fineTune?.compute
        ? `${md(fineTune.trainer)}: ${md(perRun(fineTune.compute.formula))}`
        : adapter
          ? 'architecture method: (4·N + 2·N_trainable)·D'
          : 'architecture method: 6·N·D';
  if (analysis.flops !== null) rows.push([fineTune ? 'Fine-tuning compute' : 'Training compute', `${n.flops(analysis.flops)} FLOP (${formula})`]);
  if (analysis.method === 'architecture' && analysis.hardware) {
    const difference = analysis.hardware.difference;
    rows.push([
      'Hardware method',
      `${n.flops(analysis.hardware.flops)} FLOP: ${md(hardwareDerivation(analysis))}${difference !== null ? ` (${difference >= 0 ? '+' : '−'}${n.percent(Math.abs(difference))} from 6·N·D)` : ''}`,
    ]);
  }
  const detailed = analysis.detailedFlops;
  if (detailed) {
    const parts = detailed.components
      .map((component) => `${component.label.charAt(0).toLowerCase()}${component.label.slice(1)} ${n.flops(component.perToken)}`)
      .join(', ');
    rows.push([
      'Counted per component',
      `${n.flops(detailed.total)} FLOP (${detailed.difference >= 0 ? '+' : '−'}${n.percent(Math.abs(detailed.difference))} from 6·N·D), attention counted causal as Megatron-LM counts it (${n.flops(detailed.fullAttentionTotal)} FLOP with every key, as torchtitan and PaLM count); per token: ${parts} FLOP (context ${n.grouped(detailed.sequenceLength)})`,
    ]);
  }
  if (fineTune) {
    const pretraining =
      fineTune.baseFlops !== null ? `${n.count(fineTune.baseTokens!)} tokens, ${n.flops(fineTune.baseFlops)} FLOP` : 'not published: only this run is counted';
    rows.push([`Pretraining of ${md(fineTune.base)}`, pretraining]);
    if (fineTune.share !== null) rows.push(['Share of the base’s compute', n.percent(fineTune.share)]);
    if (fineTune.compute) rows.push(['Per token', fineTune.compute.terms.map((term) => `${md(term.formula)} ${md(term.what)}`).join('; ')]);
    rows.push(['One-third test', MODIFIER_TEST[fineTune.modifierTest]]);
  }
  if (analysis.lifecycle && analysis.lifecycle.parts.length > 1) {
    rows.push([
      'Cumulative (lifecycle)',
      `${n.flops(analysis.lifecycle.total)} FLOP = ${analysis.lifecycle.parts.map((part) => `${n.flops(part.flops)} ${md(part.what)}`).join(' + ')}`,
    ]);
  }
  if (analysis.tokensPerParameter !== null && analysis.chinchillaMultiple !== null && analysis.band) {
    rows.push([
      'Tokens per parameter',
      `${n.ratio(analysis.tokensPerParameter)}: ${n.multiple(analysis.chinchillaMultiple)} Chinchilla (${BAND_LABELS[analysis.band]})`,
    ]);
  } else if (analysis.chinchillaTokens !== null) {
    rows.push(['Chinchilla-optimal tokens', `${n.count(analysis.chinchillaTokens)} (${analysis.targetTokensPerParameter} per parameter)`]);
  }
  if (analysis.computeOptimal)
    rows.push(['Same compute, optimal', `${n.count(analysis.computeOptimal.parameters)} params on ${n.count(analysis.computeOptimal.tokens)} tokens`]);
  const yours = analysis.loss.length > 0 && active !== null && analysis.tokens !== null ? workspacePrediction(active, analysis.tokens) : undefined;
  if (yours)
    rows.push([
      'Predicted loss',
      'unavailable' in yours ? `your fit: ${md(yours.unavailable)}` : `**${n.loss(yours.loss)}**${lossInterval(yours)} (${md(yours.label)})`,
    ]);
  const split = !fineTune && analysis.loss.length > 0 && analysis.flops !== null ? workspaceSplit(analysis.flops) : undefined;
  if (split)
    rows.push([
      'Same compute, optimal by your fit',
      `${n.count(split.split.parameters)} params on ${n.count(split.split.tokens)} tokens, loss ${n.loss(split.split.loss)}: ${md(splitNote(split.split, n))}`,
    ]);
  for (const prediction of analysis.loss) rows.push([`Predicted loss`, `${n.loss(prediction.loss)} (${md(prediction.label)})`]);
  rows.push(...memoryHoverRows(analysis, explanation.key));
  out.push('| | |', '|---|---|', ...rows.map(([label, value]) => `| ${label} | ${value} |`), '');
  if (fineTune) out.push('*A fine-tune: Chinchilla bands and compute-optimal sizes are about pretraining and are not shown.*', '');
  if (analysis.thresholds.length) {
    out.push('| Threshold | FLOP | Share | |', '|---|---|---|---|');
    for (const threshold of analysis.thresholds) {
      const name = threshold.status === 'revoked' ? `~~${md(threshold.name)}~~ (revoked)` : md(threshold.name);
      // A modifier below one third: a line its total passes was passed by the base's own pretraining.
      const byBase = fineTune?.modifierTest === 'below-one-third' && fineTune.baseFlops !== null && threshold.tier !== 'below';
      out.push(
        `| ${name} | ${n.threshold(threshold.flops)} | ${n.percent(threshold.fraction)} | ${byBase ? 'passed by the base’s pretraining' : TIERS[threshold.tier]} |`,
      );
    }
    out.push(
      '',
      `*Shares of ${fineTune ? `the compute of ${md(fineTuneShareBasis(fineTune)!)}` : `${analysis.cumulativeFlops !== analysis.flops ? 'cumulative ' : ''}6·N·D`}; threshold rules as of ${THRESHOLD_RULES_VERSION}.*`,
      '',
    );
  } else if (analysis.flops === null && analysis.parameters.active) {
    // Before the length is known, say how long a run of this model may train below each line:
    // a fine-tune at its trainer's compute per token, on top of its base's pretraining.
    const perToken = fineTune ? fineTune.compute?.perToken : 6 * analysis.parameters.active;
    const before = fineTune?.baseFlops ?? 0;
    if (perToken) {
      out.push('| Threshold | FLOP | Reached at |', '|---|---|---|');
      for (const rule of activeRules(analysis))
        out.push(
          `| ${md(rule.name)} | ${n.threshold(rule.flops)} | ${rule.flops <= before ? `already past with the base's pretraining` : `${n.count((rule.flops - before) / perToken)} tokens`} |`,
        );
      out.push(
        '',
        fineTune ? `*Tokens of this fine-tune at ${md(fineTune.compute!.formula)} per token${before ? ', after the base’s pretraining' : ''}.*` : '',
        '',
      );
    }
  }
  const notes = provenanceNotes(analysis);
  if (notes.length) {
    out.push('*Not read from this file:*');
    for (const note of notes)
      out.push(
        `- ${md(note.what)}: ${typeof note.value === 'number' ? n.grouped(note.value) : md(String(note.value))} (${note.origin}${note.note ? `: ${md(note.note.endsWith('=') && typeof note.value === 'number' ? `${note.note}${note.value}` : note.note)}` : ''})`,
      );
  }
  return out.join('\n');
}

/** ", 95% interval 2.28–2.35" from the fit's bootstrap, or nothing when it had too few resamples. */
export function lossInterval(prediction: { low: number; high: number; level: number }): string {
  return Number.isFinite(prediction.low) && Number.isFinite(prediction.high)
    ? `, ${n.percent(prediction.level)} interval ${n.loss(prediction.low)}–${n.loss(prediction.high)}`
    : '';
}
