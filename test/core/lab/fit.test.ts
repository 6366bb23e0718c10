import assert from 'node:assert/strict';
import { fitRunsText } from '../../../src/core/lab/fit';
import { BESIROGLU_2024, computeOptimal, predictLoss } from '../../../src/core/lab/lossLaw';
import { runsCsv } from './synthetic';

const codes = (report: { findings: readonly { code: string }[] }) => report.findings.map((f) => f.code);

describe('fitting L(N, D) = E + A/N^α + B/D^β to small runs', () => {
  const report = fitRunsText(runsCsv(), { minTokens: 0, bootstrap: 60 });
  const fit = report.fit!;

  it("recovers Besiroglu et al.'s constants from 35 runs with 0.5% noise: E within 2%, α and β within 0.03, A and B within 30%", () => {
    const c = fit.constants;
    assert.ok(Math.abs(c.E / BESIROGLU_2024.E - 1) < 0.02, `E = ${c.E}`);
    assert.ok(Math.abs(c.alpha - BESIROGLU_2024.alpha) < 0.03, `alpha = ${c.alpha}`);
    assert.ok(Math.abs(c.beta - BESIROGLU_2024.beta) < 0.03, `beta = ${c.beta}`);
    assert.ok(Math.abs(c.A / BESIROGLU_2024.A - 1) < 0.3, `A = ${c.A}`);
    assert.ok(Math.abs(c.B / BESIROGLU_2024.B - 1) < 0.3, `B = ${c.B}`);
    assert.ok(fit.converged && fit.determined);
  });

  it('recovers the constants exactly (to 0.1%) from noiseless data', () => {
    const exact = fitRunsText(runsCsv({ noise: 0 }), { minTokens: 0, bootstrap: 0 }).fit!.constants;
    for (const key of ['E', 'A', 'alpha', 'B', 'beta'] as const) assert.ok(Math.abs(exact[key] / BESIROGLU_2024[key] - 1) < 1e-3, `${key} = ${exact[key]}`);
  });

  it('gives bootstrap intervals that hold the true exponents and are the same on every run', () => {
    const { alpha, beta, E } = fit.intervals!;
    assert.ok(alpha.low < BESIROGLU_2024.alpha && BESIROGLU_2024.alpha < alpha.high, JSON.stringify(alpha));
    assert.ok(beta.low < BESIROGLU_2024.beta && BESIROGLU_2024.beta < beta.high, JSON.stringify(beta));
    assert.ok(E.low < BESIROGLU_2024.E && BESIROGLU_2024.E < E.high, JSON.stringify(E));
    const again = fitRunsText(runsCsv(), { minTokens: 0, bootstrap: 60 }).fit!;
    assert.deepEqual(again.intervals, fit.intervals);
  });

  it('checks the fit on the largest model left out and reports an ARE at the ~4% floor for clean data', () => {
    assert.equal(fit.heldOut!.parameters, 50e6 * 2 ** 6);
    assert.equal(fit.heldOut!.rows, 5);
    assert.ok(fit.heldOut!.are < 0.04, `ARE ${fit.heldOut!.are}`);
    assert.ok(codes(report).includes('lab-are-floor'));
    const finding = report.findings.find((f) => f.code === 'lab-are-floor')!;
    assert.deepEqual(finding.lines, { first: 32, last: 36 });
  });

  it("puts the fit's compute-optimal N* within 10% of the closed form under the true law", () => {
    for (const compute of [1e21, 1e23, 1e25]) {
      const ours = computeOptimal(fit.constants, compute).parameters;
      const truth = computeOptimal(BESIROGLU_2024, compute).parameters;
      assert.ok(Math.abs(ours / truth - 1) < 0.1, `${compute}: ${ours} vs ${truth}`);
    }
  });

  it('has a closed-form N* that minimises the loss along C = 6ND (checked by a search over N)', () => {
    const compute = 1e23;
    const closed = computeOptimal(BESIROGLU_2024, compute);
    let best = { n: 0, loss: Infinity };
    for (let log = 8; log <= 12; log += 1e-4) {
      const n = 10 ** log;
      const loss = predictLoss(BESIROGLU_2024, n, compute / 6 / n);
      if (loss < best.loss) best = { n, loss };
    }
    assert.ok(Math.abs(best.n / closed.parameters - 1) < 1e-3, `${best.n} vs ${closed.parameters}`);
    assert.ok(Math.abs(closed.tokens - compute / 6 / closed.parameters) < 1);
  });

  it('warns below 5 model sizes, as Choshen et al. advise', () => {
    const few = fitRunsText(runsCsv({ sizes: 3 }), { minTokens: 0, bootstrap: 0 });
    assert.ok(codes(few).includes('lab-too-few-sizes'));
    assert.ok(!codes(report).includes('lab-too-few-sizes'));
  });

  it('says the fit is under-determined when every run has the same tokens per parameter', () => {
    const tied = fitRunsText(runsCsv({ ratios: [20] }), { minTokens: 0, bootstrap: 0 });
    assert.ok(codes(tied).includes('lab-under-determined'));
    assert.equal(tied.fit!.determined, false);
  });

  it('warns that the ARE is worse than useful when the largest model does not follow the others', () => {
    const text = runsCsv()
      .split('\n')
      .map((line, i) => (i >= 31 && line ? line.replace(/,([\d.]+)$/, (_, loss) => `,${Number(loss) * 1.5}`) : line))
      .join('\n');
    const bent = fitRunsText(text, { minTokens: 0, bootstrap: 0 });
    assert.ok(codes(bent).includes('lab-are-poor'), codes(bent).join(' '));
  });

  it("leaves out checkpoints before 10B tokens by default but keeps each run's last row", () => {
    const text = ['run,step,parameters,tokens,loss', 'a,1,70M,1B,4.0', 'a,2,70M,2B,3.8', 'a,3,70M,12B,3.5', 'b,1,1B,5B,3.0'].join('\n');
    const r = fitRunsText(text, { bootstrap: 0 });
    const early = r.findings.filter((f) => f.code === 'lab-early-checkpoint');
    assert.equal(early.length, 1);
    assert.deepEqual(early[0]!.lines, { first: 2, last: 3 });
    assert.ok(codes(r).includes('lab-too-few-runs'), 'two rows are left, too few for five constants');
    const kept = fitRunsText(text, { bootstrap: 0, minTokens: 0 });
    assert.ok(!kept.findings.some((f) => f.code === 'lab-early-checkpoint'));
  });
});
