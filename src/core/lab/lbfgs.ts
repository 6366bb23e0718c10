/**
 * A small L-BFGS (Nocedal & Wright, "Numerical Optimization", 2nd ed., algorithms 7.4 and 7.5)
 * with a strong-Wolfe line search (algorithms 3.5 and 3.6, bisection in the zoom).
 *
 * Written here because no npm optimiser fits: `fmin` (0.0.4) offers Nelder–Mead and conjugate
 * gradients but no quasi-Newton method; `numeric`'s `uncmin` is a dense BFGS last released in 2012;
 * `ml-levenberg-marquardt` minimises squares, not a Huber loss; `optimization-js` is a port with a
 * few thousand downloads a month and no types. The fit needs ~100 lines, tested in
 * test/core/lab/lbfgs.test.ts on the Rosenbrock function and a quadratic.
 */

/** Returns f(x) and writes ∇f(x) into `gradient`. */
export type Objective = (x: Float64Array, gradient: Float64Array) => number;

export interface MinimizeOptions {
  readonly maxIterations?: number;
  /** Stop when the largest gradient component is below this. */
  readonly gradientTolerance?: number;
  /** Stop when an iteration improves f by less than this, relative to max(|f|, 1e-300). */
  readonly relativeTolerance?: number;
  /** Pairs of updates kept. */
  readonly memory?: number;
  /** Stop (not converged) once the objective has been evaluated this many times. */
  readonly maxEvaluations?: number;
}

export interface Minimum {
  readonly x: Float64Array;
  readonly value: number;
  readonly iterations: number;
  readonly converged: boolean;
}

export function minimize(given: Objective, start: ArrayLike<number>, options: MinimizeOptions = {}): Minimum {
  const n = start.length;
  const maxEvaluations = options.maxEvaluations ?? Infinity;
  let evaluations = 0;
  const objective: Objective = (x, gradient) => {
    evaluations++;
    return given(x, gradient);
  };
  const maxIterations = options.maxIterations ?? 500;
  const gradientTolerance = options.gradientTolerance ?? 1e-10;
  const relativeTolerance = options.relativeTolerance ?? 1e-13;
  const memory = options.memory ?? 8;
  let x: Float64Array = Float64Array.from(start);
  let g: Float64Array = new Float64Array(n);
  let f = objective(x, g);
  if (!Number.isFinite(f)) return { x, value: f, iterations: 0, converged: false };
  const s: Float64Array[] = [];
  const y: Float64Array[] = [];
  const rho: number[] = [];
  const alpha = new Float64Array(memory);
  const direction = new Float64Array(n);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    if (maxAbs(g) < gradientTolerance) return { x, value: f, iterations: iteration - 1, converged: true };
    if (evaluations >= maxEvaluations) return { x, value: f, iterations: iteration - 1, converged: false };
    // Two-loop recursion: direction = -H·g.
    for (let i = 0; i < n; i++) direction[i] = -g[i]!;
    for (let k = s.length - 1; k >= 0; k--) {
      alpha[k] = rho[k]! * dot(s[k]!, direction);
      axpy(-alpha[k]!, y[k]!, direction);
    }
    const last = s.length - 1;
    const gamma = last >= 0 ? dot(s[last]!, y[last]!) / dot(y[last]!, y[last]!) : 1 / Math.max(1, Math.sqrt(dot(g, g)));
    for (let i = 0; i < n; i++) direction[i]! *= gamma;
    for (let k = 0; k < s.length; k++) axpy(alpha[k]! - rho[k]! * dot(y[k]!, direction), s[k]!, direction);
    if (dot(direction, g) >= 0) {
      // Not a descent direction (curvature lost): restart from steepest descent.
      s.length = y.length = rho.length = 0;
      for (let i = 0; i < n; i++) direction[i] = -g[i]! / Math.max(1, Math.sqrt(dot(g, g)));
    }
    const step = lineSearch(objective, x, f, g, direction);
    if (!step) return { x, value: f, iterations: iteration, converged: s.length === 0 ? maxAbs(g) < gradientTolerance * 1e3 : true };
    const sk = new Float64Array(n);
    const yk = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      sk[i] = step.x[i]! - x[i]!;
      yk[i] = step.g[i]! - g[i]!;
    }
    const improvement = f - step.f;
    x = step.x;
    g = step.g;
    f = step.f;
    const curvature = dot(sk, yk);
    if (curvature > 1e-300) {
      if (s.length === memory) {
        s.shift();
        y.shift();
        rho.shift();
      }
      s.push(sk);
      y.push(yk);
      rho.push(1 / curvature);
    }
    if (improvement <= relativeTolerance * Math.max(Math.abs(f), 1e-300)) return { x, value: f, iterations: iteration, converged: true };
  }
  return { x, value: f, iterations: maxIterations, converged: false };
}

interface Point {
  readonly x: Float64Array;
  readonly f: number;
  readonly g: Float64Array;
  readonly slope: number;
}

const C1 = 1e-4;
const C2 = 0.9;

function lineSearch(objective: Objective, x0: Float64Array, f0: number, g0: Float64Array, direction: Float64Array): Point | undefined {
  const slope0 = dot(g0, direction);
  const at = (t: number): Point => {
    const x = new Float64Array(x0.length);
    for (let i = 0; i < x.length; i++) x[i] = x0[i]! + t * direction[i]!;
    const g = new Float64Array(x0.length);
    const f = objective(x, g);
    return { x, f: Number.isFinite(f) ? f : Infinity, g, slope: dot(g, direction) };
  };
  const zoom = (lo: number, flo: number, hi: number): Point | undefined => {
    let best: Point | undefined;
    for (let i = 0; i < 40; i++) {
      const t = (lo + hi) / 2;
      const point = at(t);
      if (point.f > f0 + C1 * t * slope0 || point.f >= flo) hi = t;
      else {
        best = point;
        if (Math.abs(point.slope) <= -C2 * slope0) return point;
        if (point.slope * (hi - lo) >= 0) hi = lo;
        lo = t;
        flo = point.f;
      }
      if (Math.abs(hi - lo) < 1e-16 * Math.max(1, Math.abs(lo))) break;
    }
    return best;
  };
  let previousT = 0;
  let previousF = f0;
  let t = 1;
  for (let i = 0; i < 30; i++) {
    const point = at(t);
    if (point.f === Infinity) {
      t = previousT + (t - previousT) / 4;
      continue;
    }
    if (point.f > f0 + C1 * t * slope0 || (i > 0 && point.f >= previousF)) return zoom(previousT, previousF, t);
    if (Math.abs(point.slope) <= -C2 * slope0) return point;
    if (point.slope >= 0) return zoom(t, point.f, previousT) ?? point;
    previousT = t;
    previousF = point.f;
    t *= 2;
  }
  return undefined;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

function axpy(scale: number, x: Float64Array, into: Float64Array): void {
  for (let i = 0; i < x.length; i++) into[i]! += scale * x[i]!;
}

function maxAbs(a: Float64Array): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]!));
  return max;
}
