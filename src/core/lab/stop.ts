/**
 * `stop LOG`: is the running job still worth its GPUs? Over a trailing window of the loss log,
 * a Theil–Sen slope of loss against tokens gives the loss improvement per 100B tokens and the
 * perplexity improvement per 10B tokens; below 0.01 per 100B or 0.5% per 10B the run has reached
 * low returns. With a planned total, a curve L(D) = E + B/D^β fitted to the log projects what the
 * remaining tokens would gain.
 */
import { besideLimit, percentDigits, plainDigits } from './besideLimit';
import { numbers, type NumberStyle } from '../report/format';
import { around, finding, linesText, type LabFinding, type LineRange } from './findings';
import { HUBER_DELTA } from './lossLaw';
import { minimize } from './lbfgs';
import { type LogPoint, type LossLog, type LossLogOptions } from './lossLog';
import { LossLogStream } from './lossLogStream';
import { huber, theilSen } from './stats';
import { minOf } from '../numbers/extent';
import { implausible, notFinite } from './plausible';

export interface StopOptions {
  /** The trailing share of tokens seen that the slope is taken over. Default 0.2. */
  readonly window?: number;
  /** Tokens the run is planned to reach, for the projected gain. */
  readonly plannedTokens?: number;
  /** Thresholds: loss per 100B tokens (default 0.01), perplexity fraction per 10B tokens (default 0.005). */
  readonly lossPer100B?: number;
  readonly perplexityPer10B?: number;
  readonly numberStyle?: NumberStyle;
}

export interface Curve {
  readonly E: number;
  readonly B: number;
  readonly beta: number;
}

export interface StopSignal {
  readonly window: { readonly fromTokens: number; readonly toTokens: number; readonly points: number; readonly lines: LineRange };
  /** Loss change per token (negative while improving), Theil–Sen, with the pairwise slopes' 95% band. */
  readonly slopePerToken: number;
  readonly slopeBand: { readonly low: number; readonly high: number };
  /** Loss fall per 100B tokens (positive while improving). */
  readonly lossImprovementPer100B: number;
  /** Relative perplexity fall per 10B tokens, as a fraction (0.005 = 0.5%). */
  readonly perplexityImprovementPer10B: number;
  readonly lowReturns: boolean;
  readonly curve: Curve | undefined;
  readonly projection:
    | { readonly currentTokens: number; readonly plannedTokens: number; readonly lossNow: number; readonly lossAtPlanned: number; readonly gain: number }
    | undefined;
}

export interface StopReport {
  readonly log: LossLog;
  readonly signal: StopSignal | undefined;
  readonly findings: readonly LabFinding[];
}

const MIN_WINDOW_POINTS = 8;

/**
 * A `stop LOG` over a log read as it streams (`LossLogStream`): push the file's text in chunks,
 * then `end()` for the report on the end of the run. Memory stays bounded however long the log.
 */
export class StopStream {
  private readonly stream: LossLogStream;

  constructor(private readonly options: StopOptions & LossLogOptions = {}) {
    this.stream = new LossLogStream({ ...options, share: windowShare(options) });
  }

  push(text: string): void {
    this.stream.push(text);
  }

  end(): StopReport {
    const log = this.stream.end();
    const { signal, findings } = log.last
      ? stopSignalOver({ last: log.last.tokens, window: log.window, windowCount: log.windowCount, points: log.points }, this.options)
      : { signal: undefined, findings: [] };
    return { log, signal, findings: [...log.findings, ...findings].sort((p, q) => p.span.start - q.span.start) };
  }
}

/** What a `stop LOG` command calls, on a log already in memory (the editor's worker): streamed all the same. */
export function stopText(text: string, options: StopOptions & LossLogOptions = {}): StopReport {
  const stop = new StopStream(options);
  stop.push(text);
  return stop.end();
}

function windowShare(options: StopOptions): number {
  return Math.min(1, Math.max(0.01, options.window ?? 0.2));
}

/** The signal over every point of a log, sorted by tokens. */
export function stopSignal(points: readonly LogPoint[], options: StopOptions = {}): { signal: StopSignal | undefined; findings: LabFinding[] } {
  if (points.length === 0) return { signal: undefined, findings: [] };
  const last = points[points.length - 1]!.tokens;
  const from = last * (1 - windowShare(options));
  const window = points.filter((point) => point.tokens >= from);
  return stopSignalOver({ last, window, windowCount: window.length, points }, options);
}

/** What the signal needs of a log: its last tokens, the trailing window (and how many points it stands for), and points for the curve. */
interface LogView {
  readonly last: number;
  readonly window: readonly LogPoint[];
  readonly windowCount: number;
  readonly points: readonly LogPoint[];
}

function stopSignalOver(view: LogView, options: StopOptions): { signal: StopSignal | undefined; findings: LabFinding[] } {
  const fmt = numbers(options.numberStyle);
  const findings: LabFinding[] = [];
  const share = windowShare(options);
  const { last, window, windowCount, points } = view;
  const where = around(window);
  const badPlan = options.plannedTokens !== undefined ? implausible('tokens', options.plannedTokens) : undefined;
  if (badPlan) {
    const shown = Number.isFinite(options.plannedTokens) ? ` ${options.plannedTokens!.toExponential(2)}` : '';
    findings.push(finding('error', 'lab-implausible', `The planned length${shown} ${badPlan}: nothing is projected to it.`, where));
    return { signal: undefined, findings };
  }
  if (windowCount < MIN_WINDOW_POINTS || new Set(window.map((p) => p.tokens)).size < 2) {
    findings.push(
      finding(
        'information',
        'lab-short-window',
        `Only ${windowCount} point${windowCount === 1 ? '' : 's'} in the last ${fmt.percent(share)} of tokens; at least ${MIN_WINDOW_POINTS} are needed for a slope.`,
        where,
      ),
    );
    return { signal: undefined, findings };
  }
  const line = theilSen(
    window.map((p) => p.tokens / 1e9),
    window.map((p) => p.loss),
  );
  const slopePerToken = line.slope / 1e9;
  const lossImprovementPer100B = -slopePerToken * 1e11;
  const perplexityImprovementPer10B = 1 - Math.exp(slopePerToken * 1e10);
  const lossLimit = options.lossPer100B ?? 0.01;
  const pplLimit = options.perplexityPer10B ?? 0.005;
  const lowReturns = lossImprovementPer100B < lossLimit || perplexityImprovementPer10B < pplLimit;
  const curve = fitCurve(points);
  const planned = options.plannedTokens;
  const gainAt = (tokens: number): number => (curve ? curveLoss(curve, last) - curveLoss(curve, tokens) : NaN);
  const projection =
    curve && planned !== undefined && planned > last && Number.isFinite(gainAt(planned))
      ? {
          currentTokens: last,
          plannedTokens: planned,
          lossNow: curveLoss(curve, last),
          lossAtPlanned: curveLoss(curve, planned),
          gain: curveLoss(curve, last) - curveLoss(curve, planned),
        }
      : undefined;
  const evidence =
    `over the last ${fmt.percent(share)} of tokens (${fmt.count(window[0]!.tokens)} to ${fmt.count(last)}, ${windowCount} points, ${linesText(where.lines)}) ` +
    `loss fell ${besideLimit(lossImprovementPer100B, lossLimit, (x) => fmt.loss(x), plainDigits)} per 100B tokens and perplexity ${besideLimit(perplexityImprovementPer10B, pplLimit, (x) => fmt.percent(x), percentDigits)} per 10B tokens (Theil–Sen slope)`;
  const remaining = projection
    ? `; by the curve fitted to the log (E ${fmt.loss(curve!.E)}, β ${fmt.ratio(curve!.beta)}) the remaining ${fmt.count(projection.plannedTokens - last)} planned tokens would lower the loss by ${fmt.loss(projection.gain)}, to ${fmt.loss(projection.lossAtPlanned)}`
    : '';
  if (lowReturns) {
    const limits = `below ${fmt.loss(lossLimit)} per 100B or ${fmt.percent(pplLimit)} per 10B`;
    findings.push(finding('warning', 'lab-low-returns', `Training has reached the point of low returns: ${evidence}, ${limits}${remaining}.`, where));
  } else {
    findings.push(finding('information', 'lab-still-improving', `Still improving: ${evidence}${remaining}.`, where));
  }
  const signal: StopSignal = {
    window: { fromTokens: window[0]!.tokens, toTokens: last, points: windowCount, lines: where.lines },
    slopePerToken,
    slopeBand: { low: line.slopeLow / 1e9, high: line.slopeHigh / 1e9 },
    lossImprovementPer100B,
    perplexityImprovementPer10B,
    lowReturns,
    curve,
    projection,
  };
  return { signal, findings };
}

export function curveLoss(curve: Curve, tokens: number): number {
  return curve.E + curve.B / tokens ** curve.beta;
}

/**
 * L(D) = E + B/D^β by the same Huber-on-log-loss as the law, over the points past the first 10%
 * of tokens (warm-up), thinned to at most 2,000 points; L-BFGS from a small grid.
 */
export function fitCurve(points: readonly LogPoint[]): Curve | undefined {
  const last = points[points.length - 1]?.tokens ?? 0;
  const used = points.filter((p) => p.tokens > 0.1 * last && p.tokens > 0);
  if (used.length < 5) return undefined;
  const stride = Math.max(1, Math.ceil(used.length / 2000));
  const kept = used.filter((_, i) => i % stride === 0);
  const logD = kept.map((p) => Math.log(p.tokens));
  const logL = kept.map((p) => Math.log(p.loss));
  const f = (theta: Float64Array, gradient: Float64Array): number => {
    const [b, e, beta] = theta as unknown as [number, number, number];
    let sum = 0;
    gradient.fill(0);
    for (let i = 0; i < logD.length; i++) {
      const t = b - beta * logD[i]!;
      const max = Math.max(t, e);
      const x1 = Math.exp(t - max);
      const x2 = Math.exp(e - max);
      const { value, derivative } = huber(max + Math.log(x1 + x2) - logL[i]!, HUBER_DELTA);
      sum += value;
      const d = derivative / (x1 + x2);
      gradient[0]! += d * x1;
      gradient[1]! += d * x2;
      gradient[2]! -= d * x1 * logD[i]!;
    }
    for (let k = 0; k < 3; k++) gradient[k]! /= logD.length;
    return sum / logD.length;
  };
  const minLoss = minOf(kept.map((p) => p.loss));
  let best: { x: Float64Array; value: number } | undefined;
  for (const fraction of [0.5, 0.8, 0.95])
    for (const beta of [0.1, 0.3, 0.6, 1]) {
      const e = Math.log(minLoss * fraction);
      const b = Math.log(Math.max(1e-9, kept[0]!.loss - minLoss * fraction)) + beta * logD[0]!;
      const result = minimize(f, [b, e, beta], { maxIterations: 300 });
      if (Number.isFinite(result.value) && (!best || result.value < best.value)) best = result;
    }
  if (!best) return undefined;
  const curve = { B: Math.exp(best.x[0]!), E: Math.exp(best.x[1]!), beta: best.x[2]! };
  // A curve that overflowed is no curve: the signal is then given without a projection.
  return notFinite({ B: curve.B, E: curve.E, beta: curve.beta }) ? undefined : curve;
}
