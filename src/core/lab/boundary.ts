/**
 * `boundary EVALS`: the capability boundary, as "Prescriptive Scaling" (arXiv 2602.15327) draws it:
 * a sigmoid of log-compute, score = floor + (ceiling − floor)·σ(k·(log₁₀ C − c₀)), fitted at a
 * high quantile τ (default 0.98) by minimising the pinball loss, so that about τ of the models lie
 * under it. Coverage is checked on the largest-compute models left out of the fit; a planned
 * compute is placed on the boundary fitted to all models.
 *
 * The pinball loss has a kink at zero; L-BFGS minimises its smooth version
 * τu + ε·log(1 + e^(−u/ε)) with ε a thousandth of the scores' range, from a grid of 16 starts,
 * and the start whose exact pinball loss is lowest wins.
 */
import { numbers, type NumberStyle } from '../report/format';
import { findColumn, numberCell } from './columns';
import { around, finding, linesText, type LabFinding, type LineRange, type Located } from './findings';
import { minimize } from './lbfgs';
import { capRowFindings } from './rowFindings';
import { readTable, type TableOptions } from './table';
import { quantile } from './stats';
import { minOf, maxOf } from '../numbers/extent';
import { groupBy } from './groupBy';
import { implausible, notFinite } from './plausible';

export interface EvalPoint extends Located {
  readonly task: string;
  readonly model?: string;
  readonly compute: number;
  readonly score: number;
}

export interface Sigmoid {
  readonly floor: number;
  readonly ceiling: number;
  /** Steepness per decade of compute. */
  readonly slope: number;
  /** log₁₀ of the compute at the midpoint. */
  readonly midpoint: number;
}

export interface BoundaryFit {
  readonly task: string;
  readonly tau: number;
  readonly sigmoid: Sigmoid;
  readonly points: number;
  /** Mean pinball loss at the fit. */
  readonly pinball: number;
  /** Share of the fitted models on or under the boundary (≈ τ when the fit is right). */
  readonly coverage: number;
  readonly heldOut: { readonly points: number; readonly coverage: number; readonly lines: LineRange } | undefined;
  readonly at: { readonly compute: number; readonly score: number } | undefined;
}

export interface BoundaryOptions extends TableOptions {
  readonly tau?: number;
  /** Fix the floor (a benchmark's chance score) instead of fitting it. */
  readonly floor?: number;
  /** Share of models, by largest compute, held out for the coverage check. Default 0.2. */
  readonly holdOut?: number;
  /** A compute (FLOP) to place on the boundary. */
  readonly compute?: number;
  readonly task?: string;
  readonly numberStyle?: NumberStyle;
}

export interface BoundaryReport {
  readonly points: readonly EvalPoint[];
  readonly fits: readonly BoundaryFit[];
  readonly findings: readonly LabFinding[];
}

const MIN_POINTS = 6;
/** Each task's boundary is two fits of 16 starts (about 40 ms at its share of models): past this many tasks the rest are named, not fitted. */
export const MAX_TASKS = 50;

export function sigmoidAt(s: Sigmoid, compute: number): number {
  return s.floor + (s.ceiling - s.floor) / (1 + Math.exp(-s.slope * (Math.log10(compute) - s.midpoint)));
}

/** What a `boundary EVALS` command calls. */
export function boundaryText(text: string, options: BoundaryOptions = {}): BoundaryReport {
  const fmt = numbers(options.numberStyle);
  const { points, findings } = readEvals(text, options);
  const fits: BoundaryFit[] = [];
  const badBudget = options.compute !== undefined ? implausible('compute', options.compute) : undefined;
  if (badBudget) {
    const shown = Number.isFinite(options.compute) ? ` ${options.compute!.toExponential(2)}` : '';
    findings.push(finding('error', 'lab-implausible', `The compute${shown} ${badBudget}: nothing is placed on a boundary.`, around(points)));
    return { points, fits, findings: findings.sort((p, q) => p.span.start - q.span.start) };
  }
  // Grouped in one pass: a file of 200,000 one-model tasks is not 200,000 passes over the file.
  const groups = groupBy(points, (p) => p.task);
  const share = fitShare(groups, options.task);
  const thinnedTasks: string[] = [];
  let fitted = 0;
  for (const [task, own] of groups) {
    if (options.task !== undefined && task !== options.task) continue;
    if (own.length >= MIN_POINTS && ++fitted > MAX_TASKS) {
      const where = around(own);
      findings.push(finding('warning', 'lab-too-many-rows', `Only the first ${MAX_TASKS} tasks get a boundary; choose one with --task.`, where));
      break;
    }
    const where = around(own);
    const name = task === '' ? 'the benchmark' : task;
    if (own.length < MIN_POINTS) {
      findings.push(
        finding(
          'warning',
          'lab-too-few-runs',
          `${own.length} model${own.length === 1 ? '' : 's'} on ${name}; the boundary needs at least ${MIN_POINTS}.`,
          where,
        ),
      );
      continue;
    }
    const fit = fitBoundary(own, options, share);
    if (own.length > share) thinnedTasks.push(name);
    const infinite = notFinite({ floor: fit.sigmoid.floor, ceiling: fit.sigmoid.ceiling, slope: fit.sigmoid.slope, midpoint: fit.sigmoid.midpoint });
    if (infinite) {
      findings.push(finding('error', 'lab-implausible', `No boundary on ${name}: the fitted sigmoid's ${infinite}.`, where));
      continue;
    }
    fits.push(fit);
    const level = ordinal(Math.round(fit.tau * 100));
    if (fit.heldOut) {
      const h = fit.heldOut;
      const low = h.coverage < fit.tau - 0.25;
      const models = `${h.points} largest-compute model${h.points === 1 ? '' : 's'} (${linesText(h.lines)})`;
      const caveat = low ? ': fewer than the quantile promises, so the boundary may be too low for larger runs' : '';
      const message = `${fmt.percent(h.coverage)} of the ${models} lie under the ${level}-percentile boundary on ${name} fitted without them${caveat}.`;
      findings.push(finding(low ? 'warning' : 'information', 'lab-boundary-coverage', message, { span: where.span, lines: h.lines }));
    }
    if (fit.at)
      findings.push(
        finding(
          'information',
          'lab-boundary-coverage',
          `At ${fmt.flops(fit.at.compute)} FLOP the ${level}-percentile boundary on ${name} is ${fmt.ratio(fit.at.score)}.`,
          where,
        ),
      );
  }
  if (thinnedTasks.length > 0) {
    const which = thinnedTasks.length === 1 ? thinnedTasks[0]! : `${thinnedTasks.length} tasks`;
    const message = `The boundary of ${which} is fitted to ${share} models spread evenly along compute (at most ${MAX_FIT_POINTS} per task, ${TOTAL_FIT_POINTS} in all); its coverage and pinball loss are measured on every model.`;
    findings.push(finding('information', 'lab-too-many-rows', message, around(points)));
  }
  return { points, fits, findings: findings.sort((p, q) => p.span.start - q.span.start) };
}

/**
 * Models each task's sigmoid is fitted to: `MAX_FIT_POINTS`, or an even share of
 * `TOTAL_FIT_POINTS` among the tasks that get a boundary, so 50 tasks cost what 2 do.
 */
function fitShare(groups: ReadonlyMap<string, readonly EvalPoint[]>, only: string | undefined): number {
  let tasks = 0;
  for (const [task, own] of groups) if ((only === undefined || task === only) && own.length >= MIN_POINTS) tasks++;
  return Math.max(MIN_SHARE, Math.min(MAX_FIT_POINTS, Math.floor(TOTAL_FIT_POINTS / Math.max(1, Math.min(tasks, MAX_TASKS)))));
}

export function readEvals(text: string, options: TableOptions = {}): { points: EvalPoint[]; findings: LabFinding[] } {
  const table = readTable(text, options);
  const findings: LabFinding[] = [...table.findings];
  const compute = findColumn(table.columns, 'flops');
  const parameters = findColumn(table.columns, 'parameters');
  const tokens = findColumn(table.columns, 'tokens');
  const score = findColumn(table.columns, 'score');
  const task = findColumn(table.columns, 'task');
  const model = findColumn(table.columns, 'run');
  const points: EvalPoint[] = [];
  if (table.rows.length === 0) return { points, findings: capRowFindings(findings) };
  if (!score || !(compute || (parameters && tokens))) {
    const missing = [!score && 'score', !(compute || (parameters && tokens)) && 'compute (or parameters and tokens)'].filter(Boolean).join(', ');
    findings.push(
      finding('error', 'lab-missing-column', `No column for ${missing}; columns found: ${table.columns.join(', ')}.`, {
        span: { start: 0, end: 0 },
        lines: { first: 1, last: 1 },
      }),
    );
    return { points, findings: capRowFindings(findings) };
  }
  for (const row of table.rows) {
    const c = compute ? numberCell(row.cells[compute]) : undefined;
    const n = parameters ? numberCell(row.cells[parameters]) : undefined;
    const d = tokens ? numberCell(row.cells[tokens]) : undefined;
    const s = numberCell(row.cells[score]);
    const flops = c?.ok ? c.value : n?.ok && d?.ok ? 6 * n.value * d.value : undefined;
    const problems = [
      !s ? 'score missing' : !s.ok ? `score ${s.why}` : '',
      flops === undefined
        ? 'compute missing (give compute, or parameters and tokens)'
        : implausible('compute', flops)
          ? `compute ${implausible('compute', flops)}`
          : '',
    ].filter(Boolean);
    if (problems.length > 0 || !s?.ok || flops === undefined) {
      findings.push(finding('error', 'lab-bad-row', `Row left out: ${problems.join('; ')}.`, row));
      continue;
    }
    const taskCell = task ? row.cells[task] : undefined;
    const modelCell = model ? row.cells[model] : undefined;
    points.push({
      span: row.span,
      lines: row.lines,
      task: taskCell === null || taskCell === undefined ? '' : String(taskCell),
      compute: flops,
      score: s.value,
      ...(modelCell !== null && modelCell !== undefined ? { model: String(modelCell) } : {}),
    });
  }
  return { points, findings: capRowFindings(findings) };
}

/**
 * The sigmoid is fitted to at most this many models, thinned evenly along compute: each
 * L-BFGS step costs a pass over the points, 16 starts times up to 400 steps, so 200,000 models
 * took 39 s. At τ = 0.98, 4,000 models still leave 80 above the boundary to place it; the
 * pinball loss and coverage are then measured on every model.
 */
export const MAX_FIT_POINTS = 4000;
/**
 * Models fitted across all tasks. A task's fit costs about 15 ms plus 0.17 ms per model here (two
 * fits of 16 starts), so 100 tasks of 2,000 models took 45 s of CPU; 8,000 models over at most
 * `MAX_TASKS` tasks keeps the worst file near 2 s. Each task keeps at least `MIN_SHARE` (at
 * τ = 0.98, three models above its boundary).
 */
export const TOTAL_FIT_POINTS = 8_000;
const MIN_SHARE = 160;

/** `sorted` thinned to at most `limit` points at even strides, keeping the first and the last. */
export function thinned<T>(sorted: readonly T[], limit = MAX_FIT_POINTS): readonly T[] {
  if (sorted.length <= limit) return sorted;
  const out: T[] = [];
  const step = (sorted.length - 1) / (limit - 1);
  for (let k = 0; k < limit; k++) out.push(sorted[Math.round(k * step)]!);
  return out;
}

export function fitBoundary(points: readonly EvalPoint[], options: BoundaryOptions = {}, limit = MAX_FIT_POINTS): BoundaryFit {
  const tau = options.tau ?? 0.98;
  const sorted = [...points].sort((p, q) => p.compute - q.compute);
  const outCount = Math.min(Math.max(1, Math.round(sorted.length * (options.holdOut ?? 0.2))), sorted.length - MIN_POINTS + 1);
  let heldOut: BoundaryFit['heldOut'];
  if (outCount >= 1 && sorted.length - outCount >= MIN_POINTS - 1) {
    const train = sorted.slice(0, sorted.length - outCount);
    const test = sorted.slice(sorted.length - outCount);
    const s = fitSigmoid(thinned(train, limit), tau, options.floor);
    heldOut = { points: test.length, coverage: coverage(s, test), lines: around(test).lines };
  }
  const sigmoid = fitSigmoid(thinned(sorted, limit), tau, options.floor);
  const at = options.compute !== undefined && options.compute > 0 ? { compute: options.compute, score: sigmoidAt(sigmoid, options.compute) } : undefined;
  return {
    task: points[0]?.task ?? '',
    tau,
    sigmoid,
    points: points.length,
    pinball: pinball(sigmoid, sorted, tau),
    coverage: coverage(sigmoid, sorted),
    heldOut,
    at,
  };
}

function coverage(s: Sigmoid, points: readonly EvalPoint[]): number {
  const tolerance = 1e-9 * Math.max(1, Math.abs(s.ceiling));
  return points.filter((p) => p.score <= sigmoidAt(s, p.compute) + tolerance).length / points.length;
}

function pinball(s: Sigmoid, points: readonly EvalPoint[], tau: number): number {
  return (
    points.reduce((sum, p) => {
      const u = p.score - sigmoidAt(s, p.compute);
      return sum + (u >= 0 ? tau * u : (tau - 1) * u);
    }, 0) / points.length
  );
}

/**
 * Point-evaluations of the loss one sigmoid fit may spend over its 16 starts. Scores at a few
 * compute levels with no spread are a step the sigmoid approaches by steepening without end:
 * every start ran its 400 iterations, and two tasks of 100,000 such models took 16 s. The budget
 * stops a start (as not converged) past about 250 evaluations at 4,000 models; smaller fits are
 * not touched (3,000 at 500 models).
 */
const SIGMOID_WORK = 6_000_000;

/** θ = [floor, log(ceiling − floor), log k, c₀]. */
export function fitSigmoid(points: readonly EvalPoint[], tau: number, fixedFloor?: number): Sigmoid {
  const xs = points.map((p) => Math.log10(p.compute));
  const ys = points.map((p) => p.score);
  const low = minOf(ys);
  const high = maxOf(ys);
  const epsilon = 1e-3 * Math.max(high - low, 1e-6);
  const decode = (t: ArrayLike<number>): Sigmoid => {
    const floor = fixedFloor ?? t[0]!;
    return { floor, ceiling: floor + Math.exp(t[1]!), slope: Math.exp(t[2]!), midpoint: t[3]! };
  };
  const f = (t: Float64Array, gradient: Float64Array): number => {
    const s = decode(t);
    const span = s.ceiling - s.floor;
    let sum = 0;
    gradient.fill(0);
    for (let i = 0; i < xs.length; i++) {
      const z = s.slope * (xs[i]! - s.midpoint);
      const sig = 1 / (1 + Math.exp(-z));
      const u = ys[i]! - (s.floor + span * sig);
      const v = -u / epsilon;
      sum += tau * u + epsilon * (v > 30 ? v : Math.log1p(Math.exp(v)));
      const dq = -(tau - 1 / (1 + Math.exp(-v))); // d loss / d q
      if (fixedFloor === undefined) gradient[0]! += dq; // q = floor + e^g·σ
      gradient[1]! += dq * span * sig;
      const dz = dq * span * sig * (1 - sig);
      gradient[2]! += dz * z;
      gradient[3]! -= dz * s.slope;
    }
    for (let k = 0; k < 4; k++) gradient[k]! /= xs.length;
    return sum / xs.length;
  };
  let best: { s: Sigmoid; loss: number } | undefined;
  for (const q of [0.2, 0.4, 0.6, 0.8])
    for (const k of [0.5, 1, 2, 5]) {
      const floor = fixedFloor ?? low;
      const start = [floor, Math.log(Math.max(high - floor, 1e-6)), Math.log(k), quantile(xs, q)];
      const result = minimize(f, start, {
        maxIterations: 400,
        relativeTolerance: 1e-12,
        maxEvaluations: Math.max(100, Math.floor(SIGMOID_WORK / 16 / Math.max(1, xs.length))),
      });
      const s = decode(result.x);
      const loss = pinball(s, points, tau);
      if (Number.isFinite(loss) && (!best || loss < best.loss)) best = { s, loss };
    }
  return best?.s ?? { floor: low, ceiling: high, slope: 1, midpoint: quantile(xs, 0.5) };
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
