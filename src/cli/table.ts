import { BAND_LABELS, type OvertrainingBand } from '../core/budget/overtraining';
import { compactCount, multiple, percent, scientific } from '../core/format';
import { printable } from '../core/source/view';
import type { FileReport } from './report';

/** Text from a config or a path on its way to a terminal: no escape sequence, control or bidi override survives. */
const t = (text: unknown) => printable(String(text), 300);

const TIER_LABELS: Record<string, string> = { below: 'below', 'within-margin': 'within ±30% margin', crossed: 'CROSSED' };

/** The human-readable form of a report: what a person reads in a terminal or a CI log. */
export function formatTable(report: FileReport): string {
  const out: string[] = [`${t(report.file)}  (${t(report.format)}, ${t(report.syntax)})`];
  const row = (label: string, value: string) => out.push(`  ${label.padEnd(18)}${value}`);
  const { total, active } = report.parameters;
  const from = report.sources.catalogModel
    ? ` (catalog: ${t(report.sources.catalogModel)})`
    : report.sources.namedModel
      ? ` (${t(report.sources.namedModel)} from the ${t(report.sources.modelSource ?? '')})`
      : report.sources.parameters
        ? ` (${t(report.sources.parameters)})`
        : '';
  row('parameters', total === null ? 'unknown' : active !== null && active !== total ? `${compactCount(total)} total, ${compactCount(active)} active${from}` : `${compactCount(total)}${from}`);
  row('training tokens', report.tokens === null ? 'unknown' : `${compactCount(report.tokens)}${report.sources.tokensDerivation ? ` (${t(report.sources.tokensDerivation)})` : ''}`);
  row('compute', report.flops === null ? 'unknown' : `${scientific(report.flops)} FLOP (6·N·D)${report.flopsWithAttention ? `; ${scientific(report.flopsWithAttention)} with attention` : ''}`);
  if (report.cumulativeFlops !== null && report.cumulativeFlops !== report.flops) row('cumulative', `${scientific(report.cumulativeFlops)} FLOP including the base model's pretraining`);
  if (report.tokensPerParameter !== null && report.chinchillaMultiple !== null) {
    row('tokens/parameter', `${report.tokensPerParameter.toFixed(1)} (${multiple(report.chinchillaMultiple)} Chinchilla: ${BAND_LABELS[report.band as OvertrainingBand]})`);
  }
  if (report.computeOptimal) row('compute-optimal', `${compactCount(report.computeOptimal.parameters)} parameters on ${compactCount(report.computeOptimal.tokens)} tokens for the same compute`);
  for (const prediction of report.loss) row('predicted loss', `${prediction.loss.toFixed(3)} (${t(prediction.label)})`);
  if (report.thresholds.length) {
    out.push('  thresholds');
    for (const threshold of report.thresholds) {
      const status = threshold.status === 'revoked' ? ' [revoked]' : '';
      out.push(`    ${(threshold.name + status).padEnd(46)}${percent(threshold.fraction).padStart(8)}  ${TIER_LABELS[threshold.tier] ?? threshold.tier}`);
    }
  }
  for (const note of report.assumptions) out.push(`  note: ${t(note.what)} = ${typeof note.value === 'number' ? note.value.toLocaleString('en-US') : t(note.value)} (${t(note.origin)}${note.note ? `: ${t(note.note)}` : ''})`);
  if (report.diagnostics.length) {
    out.push('  diagnostics');
    for (const diagnostic of report.diagnostics) out.push(`    ${diagnostic.line}:${diagnostic.column}  ${diagnostic.severity.padEnd(11)} ${diagnostic.code.padEnd(24)} ${t(diagnostic.message)}`);
  }
  return out.join('\n');
}
