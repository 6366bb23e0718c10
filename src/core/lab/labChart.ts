/**
 * What the chart's three lab views draw, computed here (tested with the core) so that the page
 * only draws: your runs with the fitted law and its residuals; a loss log with the stop rule's
 * window and the fitted curve to the planned length; the capability boundary with the planned run.
 * Plain JSON: it travels by postMessage and webview state.
 */
import { numbers } from '../report/format';
import { sigmoidAt, type BoundaryReport } from './boundary';
import type { LawFit } from './fit';
import { predictLoss } from './lossLaw';
import { curveLoss } from './stop';
import type { WorkspaceFit } from './workspaceFit';
import type { WorkspaceStop } from './workspaceStop';
import { minOf, maxOf } from '../numbers/extent';

const n = numbers('unicode');

export interface RunsView {
  readonly file: string;
  readonly label: string;
  /** One series per model size (at most `MAX_SIZES`, the largest kept): its runs and the law's curve over its tokens. */
  readonly sizes: readonly {
    readonly parameters: number;
    readonly heldOut: boolean;
    readonly runs: readonly { readonly tokens: number; readonly loss: number; readonly predicted: number; readonly residual: number; readonly run: string }[];
    readonly law: readonly { readonly tokens: number; readonly loss: number }[];
  }[];
  /** Mean |residual| over every row, and the held-out ARE (null when no model could be held out). */
  readonly meanResidual: number;
  readonly are: number | null;
  readonly summary: string;
}

export interface CurveView {
  readonly log: string;
  readonly points: readonly { readonly tokens: number; readonly loss: number }[];
  readonly window: { readonly fromTokens: number; readonly toTokens: number } | null;
  /** L(D) = E + B/D^β fitted to the log, to the planned length when it is longer. */
  readonly fitted: readonly { readonly tokens: number; readonly loss: number }[];
  readonly planned: { readonly tokens: number; readonly loss: number } | null;
  readonly lowReturns: boolean | null;
  readonly summary: string;
}

export interface BoundaryView {
  readonly file: string;
  readonly task: string;
  readonly tau: number;
  readonly points: readonly { readonly compute: number; readonly score: number; readonly model: string }[];
  readonly curve: readonly { readonly compute: number; readonly score: number }[];
  /** The config's run ("This run") or a plan drawn into the chart ("This plan"), at its compute. */
  readonly planned: { readonly compute: number; readonly score: number; readonly label: 'This run' | 'This plan' } | null;
  readonly summary: string;
}

export interface LabChartData {
  readonly runs?: RunsView;
  readonly curve?: CurveView;
  readonly boundary?: BoundaryView;
}

export const MAX_SIZES = 8;
const CURVE_POINTS = 40;

const spaced = (low: number, high: number, count: number, log: boolean) =>
  Array.from({ length: count }, (_, i) => (log ? low * (high / low) ** (i / (count - 1)) : low + ((high - low) * i) / (count - 1)));

export function runsView(result: WorkspaceFit & { readonly fit: LawFit }, file: string, label: string): RunsView {
  const law = result.fit.constants;
  const heldOut = result.fit.heldOut?.parameters;
  const bySize = new Map<number, WorkspaceFit['rows'][number][]>();
  for (const row of result.rows) bySize.set(row.parameters, [...(bySize.get(row.parameters) ?? []), row]);
  const sizes = [...bySize.keys()].sort((a, b) => a - b).slice(-MAX_SIZES);
  const allTokens = result.rows.map((row) => row.tokens);
  const low = minOf(allTokens) / 1.5;
  const high = maxOf(allTokens) * 1.5;
  let residuals = 0;
  const series = sizes.map((parameters) => {
    const runs = bySize.get(parameters)!.map((row) => {
      const predicted = predictLoss(law, row.parameters, row.tokens);
      const residual = (row.loss - predicted) / predicted;
      residuals += Math.abs(residual);
      return { tokens: row.tokens, loss: row.loss, predicted, residual, run: row.run };
    });
    return {
      parameters,
      heldOut: parameters === heldOut,
      runs,
      law: spaced(low, high, CURVE_POINTS, true).map((tokens) => ({ tokens, loss: predictLoss(law, parameters, tokens) })),
    };
  });
  const count = series.reduce((sum, size) => sum + size.runs.length, 0);
  const are = result.fit.heldOut ? result.fit.heldOut.are : null;
  const summary =
    `L = ${n.loss(law.E)} + ${n.count(law.A)}/N^${n.ratio(law.alpha)} + ${n.count(law.B)}/D^${n.ratio(law.beta)} · mean |residual| ${n.percent(count ? residuals / count : 0)}` +
    (are !== null ? ` · held-out loss error (ARE) ${n.percent(are)} on ${n.count(heldOut!)}` : ' · no held-out check');
  return { file, label, sizes: series, meanResidual: count ? residuals / count : 0, are, summary };
}

export function curveView(stop: WorkspaceStop, log: string, plannedTokens: number | undefined): CurveView {
  const signal = stop.signal;
  const last = stop.points[stop.points.length - 1]?.tokens ?? 0;
  const first = stop.points.find((p) => p.tokens > 0.1 * last)?.tokens ?? last;
  const end = plannedTokens !== undefined && plannedTokens > last ? plannedTokens : last;
  const fitted =
    signal?.curve && first > 0 && end > first
      ? spaced(first, end, CURVE_POINTS * 2, false).map((tokens) => ({ tokens, loss: curveLoss(signal.curve!, tokens) }))
      : [];
  const planned =
    signal?.curve && plannedTokens !== undefined && plannedTokens > last ? { tokens: plannedTokens, loss: curveLoss(signal.curve, plannedTokens) } : null;
  const summary = signal
    ? `${signal.lowReturns ? 'Low returns' : 'Still improving'}: loss −${n.loss(signal.lossImprovementPer100B)} per 100B tokens, perplexity −${n.percent(signal.perplexityImprovementPer10B)} per 10B over ${n.count(signal.window.fromTokens)}–${n.count(signal.window.toTokens)} tokens` +
      (signal.projection
        ? ` · the remaining ${n.count(signal.projection.plannedTokens - signal.projection.currentTokens)} planned tokens: −${n.loss(signal.projection.gain)}`
        : '')
    : 'Too few points to judge the trend.';
  return {
    log,
    points: stop.points,
    window: signal ? { fromTokens: signal.window.fromTokens, toTokens: signal.window.toTokens } : null,
    fitted,
    planned,
    lowReturns: signal ? signal.lowReturns : null,
    summary,
  };
}

export function boundaryView(
  report: BoundaryReport,
  file: string,
  plannedCompute: number | undefined,
  plannedKind: 'config' | 'plan' = 'config',
): BoundaryView | undefined {
  const fit = report.fits[0];
  if (!fit) return undefined;
  const points = report.points.filter((p) => p.task === fit.task).map((p) => ({ compute: p.compute, score: p.score, model: p.model ?? '' }));
  const computes = [...points.map((p) => p.compute), ...(plannedCompute ? [plannedCompute] : [])];
  const low = minOf(computes) / 3;
  const high = maxOf(computes) * 3;
  const curve = spaced(low, high, CURVE_POINTS * 2, true).map((compute) => ({ compute, score: sigmoidAt(fit.sigmoid, compute) }));
  const planned = plannedCompute
    ? { compute: plannedCompute, score: sigmoidAt(fit.sigmoid, plannedCompute), label: plannedKind === 'plan' ? ('This plan' as const) : ('This run' as const) }
    : null;
  const level = `${Math.round(fit.tau * 100)}th-percentile`;
  const summary =
    (planned
      ? `At ${n.flops(planned.compute)} FLOP the ${level} boundary on ${fit.task || 'the benchmark'} is ${n.ratio(planned.score)}`
      : `The ${level} boundary on ${fit.task || 'the benchmark'}`) +
    ` · ${n.percent(fit.coverage)} of ${fit.points} models under it` +
    (fit.heldOut ? ` · ${n.percent(fit.heldOut.coverage)} of the ${fit.heldOut.points} held out` : '');
  return { file, task: fit.task, tau: fit.tau, points, curve, planned, summary };
}
