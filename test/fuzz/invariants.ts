import type { Analysis } from '../../src/core/analyze';

export type ViolationKind = 'crash' | 'wrong-figure' | 'range' | 'message';

export interface Violation {
  readonly kind: ViolationKind;
  readonly detail: string;
}

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint']);
/** Longer than any message the engine writes, far shorter than any text it might quote. */
export const MAX_MESSAGE = 400;
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * What must hold for any analysis of any text: figures null or finite and non-negative, every
 * range inside the document, every message short and free of raw control characters.
 */
export function violations(analysis: Analysis, text: string): Violation[] {
  const out: Violation[] = [];
  const figures: [string, number | null][] = [
    ['parameters.total', analysis.parameters.total],
    ['parameters.active', analysis.parameters.active],
    ['tokens', analysis.tokens],
    ['flops', analysis.flops],
    ['flopsWithAttention', analysis.flopsWithAttention],
    ['cumulativeFlops', analysis.cumulativeFlops],
    ['tokensPerParameter', analysis.tokensPerParameter],
    ['chinchillaMultiple', analysis.chinchillaMultiple],
    ['chinchillaTokens', analysis.chinchillaTokens],
  ];
  for (const threshold of analysis.thresholds) figures.push([`threshold ${threshold.id}`, threshold.fraction]);
  for (const prediction of analysis.loss) figures.push([`loss ${prediction.fit}`, prediction.loss]);
  if (analysis.computeOptimal)
    figures.push(['computeOptimal.parameters', analysis.computeOptimal.parameters], ['computeOptimal.tokens', analysis.computeOptimal.tokens]);
  for (const [name, value] of figures) {
    if (value !== null && !(Number.isFinite(value) && value >= 0 && !Object.is(value, -0))) out.push({ kind: 'wrong-figure', detail: `${name} = ${value}` });
  }
  if (analysis.parameters.active !== null && analysis.parameters.total !== null && analysis.parameters.active > analysis.parameters.total * (1 + 1e-9)) {
    out.push({ kind: 'wrong-figure', detail: `active ${analysis.parameters.active} > total ${analysis.parameters.total}` });
  }
  for (const finding of analysis.findings) {
    const { start, end } = finding.span;
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length))
      out.push({ kind: 'range', detail: `${finding.code} at ${start}-${end} of ${text.length}` });
    if (!SEVERITIES.has(finding.severity)) out.push({ kind: 'message', detail: `severity ${finding.severity}` });
    if (finding.message.length === 0 || finding.message.length > MAX_MESSAGE)
      out.push({ kind: 'message', detail: `${finding.code}: ${finding.message.length} characters` });
    if (RAW_CONTROL.test(finding.message))
      out.push({ kind: 'message', detail: `${finding.code}: raw control character in ${JSON.stringify(finding.message.slice(0, 80))}` });
    for (const fix of finding.fixes ?? []) {
      if (fix.kind === 'set-value' && !(fix.span.start >= 0 && fix.span.start <= fix.span.end && fix.span.end <= text.length))
        out.push({ kind: 'range', detail: `fix of ${finding.code} at ${fix.span.start}-${fix.span.end}` });
    }
  }
  return out;
}
