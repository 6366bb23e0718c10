import { printable } from '../../source/view';
import type { Finding } from '../findings';
import type { Analysis } from '../types';
import type { BudgetRecord } from './types';
import { unusedFactFindings } from '../../training/neverSilent';

const SEVERITY_ORDER = { error: 0, warning: 1, information: 2, hint: 3 } as const;

/** Messages quote config text; whatever a reader let through, no control character or runaway length leaves the engine. */
const MAX_MESSAGE = 400;

/** Stage 10, findings: the Analysis record, its findings cleaned and sorted once. */
export function finishAnalysis(budget: BudgetRecord, findings: Finding[]): Analysis {
  const { framework } = budget;
  // Every stage has read what it needs by now: a fact none asked for is said, never dropped silently.
  if (!budget.options.quiet) findings.push(...unusedFactFindings(budget.userFacts));
  return {
    file: budget.file,
    syntax: budget.syntax,
    framework: framework.id,
    frameworkName: framework.name,
    model: budget.model,
    training: budget.training,
    parameters: { total: budget.total, active: budget.active },
    tokens: budget.tokens,
    flops: budget.flops,
    method: budget.method,
    hardware: budget.hardwareEstimate,
    statedHardware: budget.hardware ?? null,
    adapter: budget.adapterCount,
    flopsWithAttention: budget.flopsWithAttention,
    detailedFlops: budget.detailedFlops,
    cumulativeFlops: budget.cumulativeFlops,
    lifecycle: budget.totals,
    fineTune: budget.fineTune,
    tokensPerParameter: budget.tokensPerParameter,
    targetTokensPerParameter: budget.target,
    chinchillaTokens: budget.chinchillaTokens,
    chinchillaMultiple: budget.chinchillaMultiple,
    band: budget.band,
    computeOptimal: budget.computeOptimal,
    loss: budget.loss,
    thresholds: budget.thresholds,
    findings: sortFindings(findings),
    userFacts: budget.userFacts,
    ...budget.memory,
    pending: budget.pending,
  };
}

function sortFindings(findings: Finding[]): Finding[] {
  for (let i = 0; i < findings.length; i++) {
    const clean = printable(findings[i].message, MAX_MESSAGE);
    if (clean !== findings[i].message) findings[i] = { ...findings[i], message: clean };
  }
  return findings.sort((a, b) => a.span.start - b.span.start || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
