import type { Analysis } from '../analyze';
import { allocateAtRatio, allocateKaplan, CHINCHILLA_TOKENS_PER_PARAMETER, trainingCompute } from '../budget/scaling';
import { computeOptimal, predictLoss } from '../lab/lossLaw';
import { sureAllocation } from '../lab/allocation';
import type { LabChartData } from '../lab/labChart';
import { resolveFit, type FitChoice, type LawId } from './fitChoice';
import { THRESHOLD_RULES, type ThresholdRule } from '../budget/thresholds';
import { UNICODE_NUMBERS as n } from '../report/format';
import { REFERENCE_MODELS, type ReferenceModel } from '../reference/models';
import type { PlanResult } from './plan';
import { describeTarget } from './parseTarget';
import { planMarkdown, planSheet, type PlanSheet, type SheetLayouts } from './planSheet';
import { minOf, maxOf } from '../numbers/extent';
import { FIT_MARGIN } from '../memory/fit';
import { memoryBar, type MemoryBar } from './memoryBar';

/**
 * Everything the chart webview draws, computed here so that the page only draws and the numbers
 * are tested with the rest of the core. Plain JSON: it travels by postMessage and webview state.
 */
export interface ChartPoint {
  readonly label: string;
  readonly parameters: number;
  readonly tokens: number;
  readonly flops: number;
  /** Tooltip lines after the label. */
  readonly detail: readonly string[];
}

export interface ChartLine {
  readonly id: string;
  readonly kind: 'iso-flop' | 'budget' | 'chinchilla' | 'band' | 'threshold';
  /** Short text drawn beside the line and shown in the legend. */
  readonly label: string;
  readonly points: readonly { readonly parameters: number; readonly tokens: number }[];
}

export interface LossMark extends ChartPoint {
  readonly kind: 'optimum' | 'kaplan' | 'chinchilla' | 'current';
  readonly loss: number;
  /** The optimum under the user's own fit: its bootstrap interval on N at `level`, drawn as a bar with the mark. */
  readonly interval?: { readonly low: number; readonly high: number; readonly level: number };
}

export interface ChartData {
  readonly title: string;
  readonly subtitle: string;
  readonly current: (ChartPoint & { readonly kind: 'config' | 'plan' }) | null;
  readonly references: readonly ChartPoint[];
  /** Reference models that cannot be placed, and why (e.g. Mixtral: tokens not published). */
  readonly unplotted: readonly { readonly label: string; readonly reason: string }[];
  readonly lines: readonly ChartLine[];
  readonly bounds: { readonly parameters: readonly [number, number]; readonly tokens: readonly [number, number] };
  /** Loss along the iso-FLOP curve of the current budget (Hoffmann et al. 2022, approach 2's picture). */
  readonly loss: {
    readonly budgetFlops: number;
    readonly fit: LawId;
    readonly fitLabel: string;
    readonly curve: readonly { readonly parameters: number; readonly tokens: number; readonly loss: number }[];
    readonly marks: readonly LossMark[];
  } | null;
  /** The scaling-law lab's views (your runs and law, a loss log, the capability boundary), when the workspace has them. */
  readonly lab?: LabChartData;
  /** For a plan: the whole plan, shown beside the chart, and the Markdown it copies. */
  readonly plan?: {
    readonly sheet: PlanSheet;
    readonly markdown: string;
    /**
     * The editor's offer to write the plan into the open config: the button's words ("Write to
     * x.yaml…") when something can be written, and why not (or what the file's model fixes).
     * It stays in the plan view until answered, unlike a notification.
     */
    readonly writeBack?: { readonly action?: string; readonly notes: readonly string[] };
  };
  /** For a config with a memory estimate: its parts as a stacked bar against the accelerator. */
  readonly memory?: MemoryBar;
}

/** The overtraining bands drawn as lines of constant tokens per parameter (× Chinchilla's 20). */
export const BAND_MULTIPLES = [4, 16, 24, 32] as const;

export interface ChartOptions {
  /** A published fit's id, or the user's own law from the scaling-law lab. */
  readonly fit?: FitChoice;
  readonly thresholds?: readonly ThresholdRule[];
  readonly references?: readonly ReferenceModel[];
}

export function chartForAnalysis(analysis: Analysis, fileName: string, options: ChartOptions = {}): ChartData {
  const { active, total } = analysis.parameters;
  // Below one parameter or token nothing is plotted: 6·N·D of such numbers underflows to zero.
  const current =
    active !== null && analysis.tokens !== null && active >= 1 && analysis.tokens >= 1 && Number.isFinite(trainingCompute(active, analysis.tokens))
      ? {
          kind: 'config' as const,
          label: fileName,
          parameters: active,
          tokens: analysis.tokens,
          flops: trainingCompute(active, analysis.tokens),
          detail: [
            total !== null && total !== active ? `${n.count(total)} parameters, ${n.count(active)} active` : `${n.count(active)} parameters`,
            `${n.count(analysis.tokens)} tokens (${n.ratio(analysis.tokens / active)} per parameter)`,
            `${n.flops(trainingCompute(active, analysis.tokens))} FLOP (6·N·D)`,
          ],
        }
      : null;
  const subtitle = current
    ? `${n.count(current.parameters)} parameters × ${n.count(current.tokens)} tokens = ${n.flops(current.flops)} FLOP`
    : 'This config does not fix both the model size and the training tokens, so it is not placed on the chart.';
  const chart = build(`Compute budget: ${fileName}`, subtitle, current, options);
  const bar = memoryBar(analysis.memory, 1 - FIT_MARGIN);
  return bar ? { ...chart, memory: bar } : chart;
}

/** A plan's chart and its sheet; `layouts`, when given, adds the open config's layouts that fit to the sheet. */
export function chartForPlan(result: PlanResult, options: ChartOptions = {}, layouts?: SheetLayouts): ChartData {
  const detail = [
    `${n.count(result.parameters)} parameters`,
    `${n.count(result.tokens)} tokens (${n.ratio(result.tokensPerParameter)} per parameter)`,
    `${n.flops(result.flops)} FLOP (6·N·D)`,
  ];
  if (result.hardware)
    detail.push(
      `${n.grouped(result.hardware.count)} × ${result.hardware.accelerator} at ${n.percent(result.hardware.mfu)} MFU: ${n.days(result.hardware.wallClockDays)} days`,
    );
  const current = {
    kind: 'plan' as const,
    label: `Plan (${describeTarget(result.target)})`,
    parameters: result.parameters,
    tokens: result.tokens,
    flops: result.flops,
    detail,
  };
  const chart = build(
    `Plan: ${describeTarget(result.target)}`,
    `${n.count(result.parameters)} parameters × ${n.count(result.tokens)} tokens = ${n.flops(result.flops)} FLOP`,
    current,
    options,
  );
  return { ...chart, plan: { sheet: planSheet(result, n, layouts), markdown: planMarkdown(result, layouts) } };
}

function build(title: string, subtitle: string, current: ChartData['current'], options: ChartOptions): ChartData {
  const referenceModels = options.references ?? REFERENCE_MODELS;
  const references: ChartPoint[] = referenceModels
    .filter((model) => model.tokens !== null)
    .map((model) => ({
      label: model.name,
      parameters: model.parameters,
      tokens: model.tokens!,
      flops: trainingCompute(model.parameters, model.tokens!),
      detail: [
        model.totalParameters
          ? `${n.count(model.parameters)} active of ${n.count(model.totalParameters)} parameters`
          : `${n.count(model.parameters)} parameters`,
        `${n.count(model.tokens!)} tokens (${n.ratio(model.tokens! / model.parameters)} per parameter)`,
        `${n.flops(trainingCompute(model.parameters, model.tokens!))} FLOP (6·N·D)`,
        model.source,
      ],
    }));
  const unplotted = referenceModels
    .filter((model) => model.tokens === null)
    .map((model) => ({ label: model.name, reason: `training tokens not published (${model.source})` }));
  const all = [...references, ...(current ? [current] : [])];
  const bounds = {
    parameters: decades(all.map((point) => point.parameters)),
    tokens: decades(all.map((point) => point.tokens)),
  };
  return {
    title,
    subtitle,
    current,
    references,
    unplotted,
    lines: lines(bounds, current, options.thresholds ?? THRESHOLD_RULES),
    bounds,
    loss: current ? lossView(current, options.fit) : null,
  };
}

/** Counts below one or beyond any real run are clamped, so no bound is 0 or infinite and every loop over decades ends. */
const PLOTTABLE: [number, number] = [1, 1e30];

/** The whole decades around the values, with at least half a decade of room each side. */
function decades(values: readonly number[]): [number, number] {
  const plottable = values.map((value) => (Number.isFinite(value) ? Math.min(Math.max(value, PLOTTABLE[0]), PLOTTABLE[1]) : PLOTTABLE[1]));
  const low = minOf(plottable);
  const high = maxOf(plottable);
  return [10 ** Math.floor(Math.log10(low) - 0.3), 10 ** Math.ceil(Math.log10(high) + 0.3)];
}

type Bounds = ChartData['bounds'];

/** The part of D = C / 6N inside the box, as its two end points (a straight line on log axes). */
function isoFlopSegment(flops: number, bounds: Bounds): ChartLine['points'] {
  const low = Math.max(bounds.parameters[0], flops / (6 * bounds.tokens[1]));
  const high = Math.min(bounds.parameters[1], flops / (6 * bounds.tokens[0]));
  if (!(low < high)) return [];
  return [
    { parameters: low, tokens: flops / (6 * low) },
    { parameters: high, tokens: flops / (6 * high) },
  ];
}

/** The part of D = r·N inside the box. */
function ratioSegment(ratio: number, bounds: Bounds): ChartLine['points'] {
  const low = Math.max(bounds.parameters[0], bounds.tokens[0] / ratio);
  const high = Math.min(bounds.parameters[1], bounds.tokens[1] / ratio);
  if (!(low < high)) return [];
  return [
    { parameters: low, tokens: ratio * low },
    { parameters: high, tokens: ratio * high },
  ];
}

function lines(bounds: Bounds, current: ChartData['current'], rules: readonly ThresholdRule[]): ChartLine[] {
  const out: ChartLine[] = [];
  const thresholdFlops = [...new Set(rules.map((rule) => rule.flops))].sort((a, b) => a - b);
  const smallest = Math.ceil(Math.log10(6 * bounds.parameters[0] * bounds.tokens[0]));
  const largest = Math.floor(Math.log10(6 * bounds.parameters[1] * bounds.tokens[1]));
  for (let exponent = smallest; exponent <= largest; exponent++) {
    const flops = 10 ** exponent;
    if (thresholdFlops.some((value) => Math.abs(Math.log10(value) - exponent) < 1e-9)) continue; // drawn as a threshold
    const points = isoFlopSegment(flops, bounds);
    if (points.length) out.push({ id: `iso-${exponent}`, kind: 'iso-flop', label: `${n.threshold(flops)} FLOP`, points });
  }
  for (const flops of thresholdFlops) {
    const points = isoFlopSegment(flops, bounds);
    if (!points.length) continue;
    // Revoked rules stay in the threshold table but not on the chart's labels.
    const names = rules.filter((rule) => rule.flops === flops && rule.status !== 'revoked').map(shortName);
    if (!names.length) continue;
    out.push({ id: `threshold-${Math.round(Math.log10(flops))}`, kind: 'threshold', label: `${n.threshold(flops)} FLOP: ${names.join(', ')}`, points });
  }
  if (current) {
    const points = isoFlopSegment(current.flops, bounds);
    if (points.length)
      out.push({ id: 'budget', kind: 'budget', label: `This ${current.kind === 'plan' ? 'plan' : 'config'}: ${n.flops(current.flops)} FLOP`, points });
  }
  out.push({
    id: 'chinchilla',
    kind: 'chinchilla',
    label: `Chinchilla-optimal (${CHINCHILLA_TOKENS_PER_PARAMETER} tokens/parameter)`,
    points: ratioSegment(CHINCHILLA_TOKENS_PER_PARAMETER, bounds),
  });
  for (const multiple of BAND_MULTIPLES) {
    const points = ratioSegment(CHINCHILLA_TOKENS_PER_PARAMETER * multiple, bounds);
    if (points.length)
      out.push({ id: `band-${multiple}`, kind: 'band', label: `${multiple}× (${CHINCHILLA_TOKENS_PER_PARAMETER * multiple} tokens/parameter)`, points });
  }
  return out.filter((line) => line.points.length);
}

function shortName(rule: ThresholdRule): string {
  return rule.name.replace(/\s*\(.*\)$/, '').replace(/ frontier model$| reporting$/, '');
}

const LOSS_CURVE_POINTS = 61;

/** Loss along C = 6·N·D from a 30th to 30 times the fit's optimal N, with the allocations marked. */
function lossView(current: NonNullable<ChartData['current']>, choice: FitChoice | undefined): ChartData['loss'] {
  const fit = resolveFit(choice);
  const budget = current.flops;
  const optimum = computeOptimal(fit, budget);
  const kaplan = allocateKaplan(budget);
  const chinchilla = allocateAtRatio(budget);
  const sizes = [optimum.parameters, kaplan.parameters, chinchilla.parameters, current.parameters];
  const low = minOf(sizes) / 4;
  const high = maxOf(sizes) * 4;
  const curve = Array.from({ length: LOSS_CURVE_POINTS }, (_, i) => {
    const parameters = low * (high / low) ** (i / (LOSS_CURVE_POINTS - 1));
    const tokens = budget / (6 * parameters);
    return { parameters, tokens, loss: predictLoss(fit, parameters, tokens) };
  });
  const mark = (kind: LossMark['kind'], label: string, point: { parameters: number; tokens: number }, note: string): LossMark => {
    const loss = predictLoss(fit, point.parameters, point.tokens);
    return {
      kind,
      label,
      parameters: point.parameters,
      tokens: point.tokens,
      flops: budget,
      loss,
      detail: [`${n.count(point.parameters)} parameters on ${n.count(point.tokens)} tokens`, `predicted loss ${n.loss(loss)}`, note],
    };
  };
  // Under the user's own fit the optimum is as sure as the bootstrap says: its interval on N goes with the mark.
  const sure = fit.id === 'workspace' && fit.uncertainty ? sureAllocation({ constants: fit, ...fit.uncertainty }, budget) : undefined;
  const range = sure?.intervals?.parameters;
  const optimumMark = mark('optimum', 'Loss-optimal', optimum, `minimum of ${fit.label} at this compute`);
  const withInterval: LossMark =
    sure && range
      ? {
          ...optimumMark,
          interval: { low: range.low, high: range.high, level: sure.level },
          detail: [...optimumMark.detail, `${n.percent(sure.level)} interval ${n.count(range.low)}–${n.count(range.high)} parameters`],
        }
      : optimumMark;
  return {
    budgetFlops: budget,
    fit: fit.id,
    fitLabel: fit.label,
    curve,
    marks: [
      withInterval,
      mark('kaplan', 'Kaplan et al. 2020', kaplan, 'N = 1.3e9 · C^0.73 (C in PF-days)'),
      mark('chinchilla', '20 tokens/parameter', chinchilla, 'Chinchilla rule of thumb'),
      mark('current', current.kind === 'plan' ? 'This plan' : 'This config', current, current.label),
    ],
  };
}

/** A chart with no config or plan to place: what the lab's views are drawn on when nothing else is open. */
export function chartForLab(title: string, subtitle: string): ChartData {
  return build(title, subtitle, null, {});
}
