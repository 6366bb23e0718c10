import assert from 'node:assert/strict';
import { minimize } from '../../../src/core/lab/lbfgs';

describe('the L-BFGS optimiser the law fit uses', () => {
  it('finds the minimum of the Rosenbrock function from the textbook start (-1.2, 1)', () => {
    const result = minimize(
      (x, g) => {
        const [a, b] = [x[0]!, x[1]!];
        g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
        g[1] = 200 * (b - a * a);
        return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
      },
      [-1.2, 1],
    );
    assert.ok(result.converged);
    assert.ok(Math.abs(result.x[0]! - 1) < 1e-5 && Math.abs(result.x[1]! - 1) < 1e-5, `stopped at ${result.x.join(', ')}`);
  });

  it('solves a badly scaled quadratic in few iterations', () => {
    const scale = [1, 100, 1e4];
    const result = minimize(
      (x, g) => {
        let f = 0;
        for (let i = 0; i < 3; i++) {
          f += scale[i]! * (x[i]! - i) ** 2;
          g[i] = 2 * scale[i]! * (x[i]! - i);
        }
        return f;
      },
      [5, 5, 5],
    );
    result.x.forEach((value, i) => assert.ok(Math.abs(value - i) < 1e-6, `x${i} = ${value}`));
    assert.ok(result.iterations < 60, `${result.iterations} iterations`);
  });

  it('gives up without throwing when the objective is not finite at the start', () => {
    const result = minimize(() => NaN, [0, 0]);
    assert.equal(result.converged, false);
  });

  it('stops, not converged, once it has evaluated the objective as often as it may', () => {
    let calls = 0;
    const rosenbrock = (x: Float64Array, g: Float64Array): number => {
      calls++;
      const [a, b] = [x[0]!, x[1]!];
      g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
      g[1] = 200 * (b - a * a);
      return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
    };
    const result = minimize(rosenbrock, [-1.2, 1], { maxEvaluations: 10 });
    assert.equal(result.converged, false);
    // The last line search may finish past the budget; it is checked before each iteration.
    assert.ok(calls >= 10 && calls < 40, `${calls} evaluations`);
    calls = 0;
    assert.equal(minimize(rosenbrock, [-1.2, 1]).converged, true);
    assert.ok(calls > 40, `unbounded, it takes ${calls} evaluations`);
  });
});
