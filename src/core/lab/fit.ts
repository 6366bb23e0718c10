/**
 * `fit RUNS`: read a runs file, fit L(N, D) = E + A/N^α + B/D^β, and judge the fit with the
 * practical rules of Choshen et al. 2024 ("A Hitchhiker's Guide to Scaling Law Estimation"):
 * at least 5 model sizes; leave out checkpoints before ~10B tokens; about 4% absolute relative
 * error (ARE) on a held-out larger model is the best to expect, up to about 20% is still useful.
 */
import { numbers, type NumberFormat, type NumberStyle } from '../report/format';
import type { Span } from '../source/tree';
import { EXTRAPOLATION_FACTOR, DETERMINED_WIDTH, sureAllocation, type SureAllocation } from './allocation';
import { around, finding, linesText, type LabFinding, type LineRange } from './findings';
import type { Interval } from './interval';
import { constantsOf, fitFrom, predictLoss, rankStarts, type LawConstants, type LogData } from './lossLaw';
import { readRuns, type Run, type RunsFile, type RunsOptions } from './runs';
import { quantile, seededRandom } from './stats';
import { maxOf } from '../numbers/extent';
import { splitEarlyCheckpoints } from './earlyCheckpoints';
import { groupBy } from './groupBy';
import { MAX_FIT_ROWS, thinRuns } from './thinRuns';
import { implausible, notFinite } from './plausible';

export interface FitOptions {
  /** Checkpoints before this many tokens are left out, except a run's last row. Default 10B (Choshen et al.). */
  readonly minTokens?: number;
  /** Bootstrap resamples of runs for the intervals. Default 100; 0 for none. */
  readonly bootstrap?: number;
  readonly seed?: number;
  /** Interval level. Default 0.95. */
  readonly level?: number;
  /** Grid points L-BFGS starts from (the best by objective). Default 8. */
  readonly starts?: number;
  readonly numberStyle?: NumberStyle;
  /** A budget in FLOP: the fit then judges its compute-optimal split there (interval width, extrapolation). */
  readonly compute?: number;
}

export type { Interval } from './interval';

export interface HeldOut {
  readonly parameters: number;
  readonly rows: number;
  /** Mean |predicted − observed| / observed over the held-out rows, by a fit without them. */
  readonly are: number;
  readonly span: Span;
  readonly lines: LineRange;
}

export interface LawFit {
  readonly constants: LawConstants;
  readonly intervals: { readonly [K in keyof LawConstants]: Interval } | undefined;
  readonly level: number;
  /** Rows used, distinct model sizes among them, rows left out as early checkpoints. */
  readonly rowsUsed: number;
  readonly sizes: number;
  readonly earlyCheckpoints: number;
  readonly heldOut: HeldOut | undefined;
  /** Mean Huber loss at the minimum and whether L-BFGS said it converged. */
  readonly objective: number;
  readonly converged: boolean;
  /**
   * Whether the data pin the constants down (enough sizes, N and D varied apart, narrow intervals)
   * and, when a budget was given, the split there too (the interval on N* within ±30%).
   */
  readonly determined: boolean;
  /** 6·N·D of the largest run used: how far a budget extrapolates is measured from it. */
  readonly largestCompute: number;
  /** Bootstrap fits, for intervals on predictions (`predictInterval`). Not part of the JSON contract. */
  readonly samples: readonly LawConstants[];
}

export interface FitReport {
  readonly file: RunsFile;
  readonly fit: LawFit | undefined;
  /** The file's findings and the fit's, in line order. */
  readonly findings: readonly LabFinding[];
}

export const DEFAULT_MIN_TOKENS = 10e9;
const CHOSHEN_FLOOR = 0.04;
const CHOSHEN_USEFUL = 0.2;

/** What a `fit RUNS` command calls. */
export function fitRunsText(text: string, options: FitOptions & RunsOptions = {}): FitReport {
  const file = readRuns(text, options);
  const { fit, findings } = fitRuns(file.runs, options);
  return { file, fit, findings: [...file.findings, ...findings].sort((p, q) => p.span.start - q.span.start) };
}

export function fitRuns(all: readonly Run[], options: FitOptions = {}): { fit: LawFit | undefined; findings: LabFinding[] } {
  const fmt = numbers(options.numberStyle);
  const findings: LabFinding[] = [];
  const minTokens = options.minTokens ?? DEFAULT_MIN_TOKENS;
  const badBudget = options.compute !== undefined ? implausible('compute', options.compute) : undefined;
  if (badBudget) {
    const shown = Number.isFinite(options.compute) ? ` ${options.compute!.toExponential(2)}` : '';
    findings.push(finding('error', 'lab-implausible', `The budget${shown} ${badBudget}: nothing is fitted for it.`, around(all)));
    return { fit: undefined, findings };
  }
  const { kept, early } = splitEarlyCheckpoints(all, minTokens);
  const runs = thinRuns(kept);
  if (runs.length < kept.length)
    findings.push(
      finding(
        'warning',
        'lab-too-many-rows',
        `${kept.length} rows are past the ${MAX_FIT_ROWS} the fit takes: it uses ${runs.length}, evenly spread through the file with every run's last row.`,
        around(kept),
      ),
    );
  for (const [id, rows] of groupBy(early, (run) => run.run)) {
    const where = around(rows);
    const what = `${rows.length} checkpoint${rows.length === 1 ? '' : 's'} of ${id} before ${fmt.count(minTokens)} tokens`;
    const why = 'Choshen et al.: early checkpoints mislead the fit; set minTokens to change';
    findings.push(finding('information', 'lab-early-checkpoint', `${what} left out of the fit (${why}).`, where));
  }
  const whole = around(runs);
  const sizes = new Set(runs.map((run) => run.parameters)).size;
  if (runs.length < 5) {
    findings.push(
      finding(
        'error',
        'lab-too-few-runs',
        `${runs.length} usable row${runs.length === 1 ? '' : 's'}: the law has 5 constants, so at least 5 rows are needed (more sizes and token counts than that to trust it).`,
        whole,
      ),
    );
    return { fit: undefined, findings };
  }
  if (sizes < 5)
    findings.push(
      finding('warning', 'lab-too-few-sizes', `${sizes} model size${sizes === 1 ? '' : 's'}; Choshen et al. advise at least 5 to extrapolate.`, whole),
    );
  const level = options.level ?? 0.95;
  const data = logData(runs);
  const ranked = rankStarts(data);
  const starts = ranked.slice(0, options.starts ?? 8);
  const best = fitFrom(data, starts);
  if (!best) {
    findings.push(finding('error', 'lab-under-determined', 'The fit found no finite minimum.', whole));
    return { fit: undefined, findings };
  }
  const constants = constantsOf(best.theta);
  const absurd = absurdLaw(constants);
  if (absurd) {
    findings.push(
      finding('error', 'lab-implausible', `The fit is refused: ${absurd}, so the rows do not follow L = E + A/N^α + B/D^β in any usable way.`, whole),
    );
    return { fit: undefined, findings };
  }
  const samples = bootstrap(runs, data, best.theta, [], options.bootstrap ?? 100, options.seed ?? 0x5eed);
  const tail = (1 - level) / 2;
  const intervals = samples.length >= 10 ? intervalsOf(samples, tail) : undefined;
  const heldOut = holdOut(runs, options.starts ?? 8);
  const why = underDetermined(runs, constants, intervals, sizes, fmt);
  if (why) findings.push(finding('warning', 'lab-under-determined', `The fit is under-determined: ${why}.`, whole));
  if (!best.converged)
    findings.push(finding('warning', 'lab-under-determined', 'L-BFGS stopped before converging; the constants may move with more runs.', whole));
  if (!heldOut)
    findings.push(finding('information', 'lab-no-holdout', 'No held-out check: leaving out the largest model leaves too few rows or sizes to fit.', whole));
  else findings.push(areFinding(heldOut, fmt));
  const largestCompute = maxOf(runs.map((run) => 6 * run.parameters * run.tokens));
  const allocation = options.compute ? sureAllocation({ constants, samples, level, largestCompute }, options.compute) : undefined;
  if (allocation) {
    const wrong = absurdSplit(allocation);
    if (wrong) {
      const budget = `${fmt.flops(allocation.compute)} FLOP`;
      findings.push(finding('error', 'lab-implausible', `No split at ${budget}: under the fitted law ${wrong}.`, whole));
      return { fit: undefined, findings };
    }
    findings.push(...allocationFindings(allocation, whole, fmt));
  }
  const fit: LawFit = {
    constants,
    intervals,
    level,
    rowsUsed: runs.length,
    sizes,
    earlyCheckpoints: early.length,
    heldOut,
    objective: best.value,
    converged: best.converged,
    determined: !why && best.converged && (allocation?.determined ?? true),
    largestCompute,
    samples,
  };
  return { fit, findings };
}

function areFinding(heldOut: HeldOut, fmt: NumberFormat): LabFinding {
  const where = { span: heldOut.span, lines: heldOut.lines };
  const what = `Held-out loss error (ARE) ${fmt.percent(heldOut.are)} on the largest model (${fmt.count(heldOut.parameters)} parameters, ${heldOut.rows} row${heldOut.rows === 1 ? '' : 's'}, ${linesText(heldOut.lines)}), fitted without it`;
  if (heldOut.are <= CHOSHEN_FLOOR)
    return finding('information', 'lab-are-floor', `${what}: within the ~4% Choshen et al. report as the best to expect.`, where);
  if (heldOut.are <= CHOSHEN_USEFUL)
    return finding('information', 'lab-are-useful', `${what}: above the ~4% floor, within the ~20% Choshen et al. still find useful for decisions.`, where);
  return finding(
    'warning',
    'lab-are-poor',
    `${what}: worse than the ~20% Choshen et al. still find useful; add sizes or tokens before trusting extrapolations.`,
    where,
  );
}

function underDetermined(runs: readonly Run[], law: LawConstants, intervals: LawFit['intervals'], sizes: number, fmt: NumberFormat): string | undefined {
  const xs = runs.map((run) => Math.log(run.parameters));
  const ys = runs.map((run) => Math.log(run.tokens));
  const r = correlation(xs, ys);
  if (new Set(runs.map((run) => run.tokens)).size < 2) return 'every row has the same tokens, so B and β are not pinned down';
  if (sizes < 2) return 'every row has the same parameters, so A and α are not pinned down';
  if (Math.abs(r) > 0.995)
    return `log N and log D move together (correlation ${fmt.ratio(r)}): vary tokens per size (IsoFLOP runs) to tell A/N^α from B/D^β apart`;
  if (law.alpha <= 0 || law.beta <= 0) return `an exponent is not positive (α = ${fmt.ratio(law.alpha)}, β = ${fmt.ratio(law.beta)})`;
  if (intervals) {
    for (const key of ['alpha', 'beta', 'E'] as const) {
      const { low, high } = intervals[key];
      if (high - low > Math.abs(law[key]))
        return `the bootstrap interval of ${key === 'E' ? 'E' : key === 'alpha' ? 'α' : 'β'} (${fmt.ratio(low)} to ${fmt.ratio(high)}) is wider than its value`;
    }
  }
  return undefined;
}

function holdOut(runs: readonly Run[], starts: number): HeldOut | undefined {
  const largest = maxOf(runs.map((run) => run.parameters));
  const out = runs.filter((run) => run.parameters === largest);
  const rest = runs.filter((run) => run.parameters !== largest);
  if (rest.length < 5 || new Set(rest.map((run) => run.parameters)).size < 2) return undefined;
  const data = logData(rest);
  const fit = fitFrom(data, rankStarts(data).slice(0, starts));
  if (!fit) return undefined;
  const law = constantsOf(fit.theta);
  const are = out.reduce((sum, run) => sum + Math.abs(predictLoss(law, run.parameters, run.tokens) - run.loss) / run.loss, 0) / out.length;
  return { parameters: largest, rows: out.length, are, ...around(out) };
}

function bootstrap(runs: readonly Run[], data: LogData, theta: Float64Array, extra: Float64Array[], count: number, seed: number): LawConstants[] {
  const random = seededRandom(seed);
  const groups = [
    ...groupBy(
      runs.map((run, i) => ({ run, i })),
      (item) => item.run.run,
    ).values(),
  ].map((items) => items.map((item) => item.i));
  const samples: LawConstants[] = [];
  for (let k = 0; k < count; k++) {
    const weight = new Float64Array(runs.length);
    for (let g = 0; g < groups.length; g++) for (const i of groups[Math.floor(random() * groups.length)]!) weight[i]! += 1;
    const fit = fitFrom({ ...data, weight }, [theta, ...extra]);
    if (fit) samples.push(constantsOf(fit.theta));
  }
  return samples;
}

function intervalsOf(samples: readonly LawConstants[], tail: number): LawFit['intervals'] {
  const of = (key: keyof LawConstants): Interval => {
    const values = samples.map((law) => law[key]);
    return { low: quantile(values, tail), high: quantile(values, 1 - tail) };
  };
  return { E: of('E'), A: of('A'), alpha: of('alpha'), B: of('B'), beta: of('beta') };
}

/** A predicted loss with the bootstrap's interval at the fit's level. */
export function predictInterval(fit: LawFit, parameters: number, tokens: number): { loss: number; low: number; high: number } {
  const loss = predictLoss(fit.constants, parameters, tokens);
  if (fit.samples.length < 10) return { loss, low: NaN, high: NaN };
  const values = fit.samples.map((law) => predictLoss(law, parameters, tokens));
  const tail = (1 - fit.level) / 2;
  return { loss, low: quantile(values, tail), high: quantile(values, 1 - tail) };
}

/** The compute-optimal split under the user's fit, with its bootstrap intervals and how far it extrapolates. */
export function fitAllocation(fit: LawFit, compute: number): SureAllocation {
  return sureAllocation(fit, compute);
}

/** What the split at a budget warrants saying: an extrapolation past 10× the largest run, an interval wider than ±30%. */
function allocationFindings(allocation: SureAllocation, where: { span: Span; lines: LineRange }, fmt: NumberFormat): LabFinding[] {
  const out: LabFinding[] = [];
  const budget = `${fmt.flops(allocation.compute)} FLOP`;
  if (allocation.extrapolation > EXTRAPOLATION_FACTOR)
    out.push(
      finding(
        'warning',
        'lab-extrapolation',
        `The budget ${budget} is ${fmt.multiple(allocation.extrapolation)} the largest run's compute (6ND): the split there is an extrapolation of the fitted law, not a measurement.`,
        where,
      ),
    );
  const n = allocation.intervals?.parameters;
  if (!n)
    out.push(
      finding('information', 'lab-allocation-wide', `No interval on the split at ${budget}: too few bootstrap fits (set bootstrap to 100 or more).`, where),
    );
  else if (!allocation.determined)
    out.push(
      finding(
        'warning',
        'lab-allocation-wide',
        `The compute-optimal size at ${budget} is not determined: its ${fmt.percent(allocation.level)} interval ${fmt.count(n.low)} to ${fmt.count(n.high)} is wider than ${fmt.percent(DETERMINED_WIDTH)} either side of ${fmt.count(allocation.parameters)}; add runs that vary tokens per parameter at the largest sizes.`,
        where,
      ),
    );
  return out;
}

export function logData(runs: readonly Run[]): LogData {
  return {
    logN: Float64Array.from(runs, (run) => Math.log(run.parameters)),
    logD: Float64Array.from(runs, (run) => Math.log(run.tokens)),
    logL: Float64Array.from(runs, (run) => Math.log(run.loss)),
    weight: new Float64Array(runs.length).fill(1),
  };
}

function correlation(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0,
    sxx = 0,
    syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? 1 : sxy / Math.sqrt(sxx * syy);
}

/** Constants no loss curve has: not finite, a coefficient past 10^30, or an exponent past 10. */
function absurdLaw(law: LawConstants): string | undefined {
  const infinite = notFinite({ E: law.E, A: law.A, α: law.alpha, B: law.B, β: law.beta });
  if (infinite) return infinite;
  for (const [name, value] of [
    ['A', law.A],
    ['B', law.B],
  ] as const)
    if (value > 1e30) return `${name} came out as ${value.toExponential(2)}`;
  for (const [name, value] of [
    ['α', law.alpha],
    ['β', law.beta],
  ] as const)
    if (value > 10) return `the exponent ${name} came out as ${value.toExponential(2)}`;
  return undefined;
}

/** A split that is not one: N* or D* not finite or below one. */
function absurdSplit(split: SureAllocation): string | undefined {
  const infinite = notFinite({ 'N*': split.parameters, 'D*': split.tokens, 'the loss there': split.loss });
  if (infinite) return infinite;
  if (split.parameters < 1) return `N* is ${split.parameters.toExponential(2)}, less than one parameter`;
  if (split.tokens < 1) return `D* is ${split.tokens.toExponential(2)}, less than one token`;
  return undefined;
}
