/**
 * Text for the terminal (ASCII_NUMBERS) or the editor (UNICODE_NUMBERS) from the lab's results,
 * every string from the file (run ids, config cells, task names, in the findings too) through the
 * output sanitiser, and the JSON contracts of `fit --json`, `stop --json` and `boundary --json`.
 */
import type { NumberFormat } from '../report/format';
import type { BoundaryReport } from './boundary';
import { DETERMINED_WIDTH, EXTRAPOLATION_FACTOR, type SureAllocation } from './allocation';
import { fitAllocation, predictInterval, type FitReport } from './fit';
import type { Interval } from './interval';
import { linesText, type LabFinding } from './findings';
import type { LawConstants } from './lossLaw';
import type { StopReport } from './stop';
import { terminalText } from '../text/sanitise';

function findingLines(findings: readonly LabFinding[]): string[] {
  if (findings.length === 0) return [];
  return ['', 'Findings:', ...findings.map((f) => `  ${linesText(f.lines)}: ${f.severity} ${f.code}: ${terminalText(f.message, 500)}`)];
}

export function formatFit(report: FitReport, fmt: NumberFormat, options: { compute?: number; parameters?: number; tokens?: number } = {}): string {
  const fit = report.fit;
  const out: string[] = [];
  if (!fit) return ['No fit.', ...findingLines(report.findings)].join('\n');
  const greek = fmt.style === 'unicode' ? { alpha: 'α', beta: 'β' } : { alpha: 'alpha', beta: 'beta' };
  out.push(`${fit.rowsUsed} rows, ${fit.sizes} model sizes${fit.earlyCheckpoints ? `, ${fit.earlyCheckpoints} early checkpoints left out` : ''}`);
  out.push(
    `L(N, D) = E + A/N^${greek.alpha} + B/D^${greek.beta}  (Huber on log loss, L-BFGS${fit.intervals ? `, ${fit.samples.length} bootstrap resamples, ${fmt.percent(fit.level)} intervals` : ''})`,
  );
  const value = (key: keyof LawConstants, x: number): string => (key === 'E' ? fmt.loss(x) : fmt.ratio(x));
  for (const key of ['E', 'A', 'alpha', 'B', 'beta'] as const) {
    const interval = fit.intervals?.[key];
    const label = key === 'alpha' || key === 'beta' ? greek[key] : key;
    out.push(
      `  ${label.padEnd(5)} ${value(key, fit.constants[key]).padEnd(8)}${interval ? ` [${value(key, interval.low)}, ${value(key, interval.high)}]` : ''}`,
    );
  }
  if (fit.heldOut)
    out.push(
      `Held-out loss error (ARE) ${fmt.percent(fit.heldOut.are)} on the largest model (${fmt.count(fit.heldOut.parameters)}, ${linesText(fit.heldOut.lines)}): how well the law predicts a loss, not how sure a split is`,
    );
  if (options.compute) out.push(...allocationLines(fitAllocation(fit, options.compute), fmt));
  else
    out.push(
      fit.determined
        ? "The constants' intervals are narrower than their values; give --compute C to see how sure the compute-optimal split is."
        : 'The fit is under-determined (see the findings).',
    );
  if (options.parameters && options.tokens) {
    const p = predictInterval(fit, options.parameters, options.tokens);
    const band = Number.isFinite(p.low) ? ` [${fmt.loss(p.low)}, ${fmt.loss(p.high)}]` : '';
    out.push(`Predicted loss at N ${fmt.count(options.parameters)}, D ${fmt.count(options.tokens)}: ${fmt.loss(p.loss)}${band}`);
  }
  return [...out, ...findingLines(report.findings)].join('\n');
}

/** The split at a budget with its interval, how far it extrapolates, and whether it is determined (±30% in N). */
function allocationLines(a: SureAllocation, fmt: NumberFormat): string[] {
  const band = (interval: Interval | undefined, show: (x: number) => string): string => (interval ? ` [${show(interval.low)}, ${show(interval.high)}]` : '');
  const i = a.intervals ?? undefined;
  const past = a.extrapolation > EXTRAPOLATION_FACTOR ? `, ${fmt.multiple(a.extrapolation)} the largest run: an extrapolation` : '';
  return [
    `Compute-optimal at ${fmt.flops(a.compute)} FLOP${i ? ` (${fmt.percent(a.level)} intervals)` : ''}${past}:`,
    `  N     ${fmt.count(a.parameters)}${band(i?.parameters, (x) => fmt.count(x))}`,
    `  D     ${fmt.count(a.tokens)}${band(i?.tokens, (x) => fmt.count(x))}`,
    `  D/N   ${fmt.ratio(a.tokensPerParameter)}${band(i?.tokensPerParameter, (x) => fmt.ratio(x))}`,
    `  loss  ${fmt.loss(a.loss)}${band(i?.loss, (x) => fmt.loss(x))}`,
    a.determined
      ? `The split is determined: the interval on N lies within +/-${fmt.percent(DETERMINED_WIDTH)} of N.`
      : `The split is not determined: ${i ? `the interval on N is wider than +/-${fmt.percent(DETERMINED_WIDTH)} of N` : 'no bootstrap interval'} (see the findings).`,
  ];
}

export function formatStop(report: StopReport, fmt: NumberFormat): string {
  const s = report.signal;
  if (!s) return ['No stop signal.', ...findingLines(report.findings)].join('\n');
  const out = [
    `${s.lowReturns ? 'Low returns' : 'Still improving'}: window ${fmt.count(s.window.fromTokens)} to ${fmt.count(s.window.toTokens)} tokens (${s.window.points} points, ${linesText(s.window.lines)})`,
    `  loss improvement per 100B tokens        ${fmt.loss(s.lossImprovementPer100B)}`,
    `  perplexity improvement per 10B tokens   ${fmt.percent(s.perplexityImprovementPer10B)}`,
  ];
  if (s.curve) out.push(`  fitted curve: L(D) = ${fmt.loss(s.curve.E)} + ${fmt.scientific(s.curve.B, 3)}/D^${fmt.ratio(s.curve.beta)}`);
  if (s.projection)
    out.push(
      `  remaining ${fmt.count(s.projection.plannedTokens - s.projection.currentTokens)} planned tokens: loss ${fmt.loss(s.projection.lossNow)} -> ${fmt.loss(s.projection.lossAtPlanned)} (gain ${fmt.loss(s.projection.gain)})`,
    );
  return [...out, ...findingLines(report.findings)].join('\n');
}

export function formatBoundary(report: BoundaryReport, fmt: NumberFormat): string {
  const out: string[] = [];
  for (const fit of report.fits) {
    const s = fit.sigmoid;
    out.push(`${terminalText(fit.task || 'benchmark', 120)}: ${fit.points} models, quantile ${fmt.percent(fit.tau)}`);
    out.push(
      `  score = ${fmt.ratio(s.floor)} + (${fmt.ratio(s.ceiling)} - ${fmt.ratio(s.floor)}) * sigmoid(${fmt.ratio(s.slope)} * (log10 C - ${fmt.ratio(s.midpoint)}))`,
    );
    out.push(
      `  coverage ${fmt.percent(fit.coverage)} of the fitted models${fit.heldOut ? `, ${fmt.percent(fit.heldOut.coverage)} of ${fit.heldOut.points} held out` : ''}`,
    );
    if (fit.at) out.push(`  at ${fmt.flops(fit.at.compute)} FLOP: ${fmt.ratio(fit.at.score)}`);
  }
  if (out.length === 0) out.push('No boundary.');
  return [...out, ...findingLines(report.findings)].join('\n');
}

/**
 * `fit --json`: { version: 1, fit: null | { constants: {E, A, alpha, B, beta}, intervals: null |
 * {E: {low, high}, …}, level, rowsUsed, sizes, earlyCheckpoints, heldOut: null | {parameters,
 * rows, are, span: {start, end}, lines: {first, last}}, objective, converged, determined, largestCompute,
 * allocation?: {compute, parameters, tokens, tokensPerParameter, loss, intervals: null | {parameters, tokens,
 * tokensPerParameter, loss: {low, high}}, level, extrapolation, determined} }, findings: [{severity, code, message, span:
 * {start, end}, lines: {first, last}}] }. Bootstrap samples are not part of it.
 */
export function fitJson(report: FitReport, options: { compute?: number } = {}): unknown {
  const fit = report.fit;
  return {
    version: 1,
    fit: fit
      ? {
          constants: fit.constants,
          intervals: fit.intervals ?? null,
          level: fit.level,
          rowsUsed: fit.rowsUsed,
          sizes: fit.sizes,
          earlyCheckpoints: fit.earlyCheckpoints,
          heldOut: fit.heldOut ?? null,
          objective: fit.objective,
          converged: fit.converged,
          determined: fit.determined,
          largestCompute: fit.largestCompute,
          ...(options.compute ? { allocation: fitAllocation(fit, options.compute) } : {}),
        }
      : null,
    findings: report.findings,
  };
}

/** `stop --json`: { version: 1, signal: StopSignal | null (see stop.ts), points: number, findings }. */
export function stopJson(report: StopReport): unknown {
  return { version: 1, signal: report.signal ?? null, points: report.log.count, findings: report.findings };
}

/** `boundary --json`: { version: 1, fits: BoundaryFit[] (see boundary.ts), points: number, findings }. */
export function boundaryJson(report: BoundaryReport): unknown {
  return { version: 1, fits: report.fits, points: report.points.length, findings: report.findings };
}
