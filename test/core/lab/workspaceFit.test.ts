import assert from 'node:assert/strict';
import { BESIROGLU_2024, computeOptimal, predictLoss } from '../../../src/core/lab/lossLaw';
import { fitWorkspaceRuns, workspaceLabel, workspaceLaw, workspaceLoss } from '../../../src/core/lab/workspaceFit';
import { chartForPlan } from '../../../src/core/planner/chartData';
import { plan } from '../../../src/core/planner/plan';
import { planSheet } from '../../../src/core/planner/planSheet';
import { runsCsv } from './synthetic';

describe('the workspace fit: your law for the editor', () => {
  const result = fitWorkspaceRuns(runsCsv(), 'scaling-runs.csv', { minTokens: 0 });
  const ready = { ...result, fit: result.fit! };

  it('counts the runs the fit stands on and labels the law with them and the held-out loss error (the ARE of a loss, not of a split)', () => {
    assert.equal(result.runs, 35);
    assert.match(workspaceLabel(result), /^your fit \(35 runs, held-out loss error \d+(\.\d+)?%\)$/);
    assert.match(workspaceLabel({ ...result, fit: { ...ready.fit, heldOut: undefined } }), /loss error not checked/);
  });

  it('keeps the rows for the runs chart, thinned to at most 2,000', () => {
    assert.equal(result.rows.length, 35);
    const many = [
      'run,parameters,tokens,loss',
      ...Array.from({ length: 2100 }, (_, i) => `r${i},${1e8 * (1 + (i % 7))},${1e10 * (1 + (i % 11))},${3 + (i % 5) / 10}`),
    ].join('\n');
    assert.ok(fitWorkspaceRuns(many, 'x.runs.csv', { bootstrap: 0 }).rows.length <= 2000);
  });

  it('predicts a loss with a bootstrap interval around it that holds the true law', () => {
    const prediction = workspaceLoss(ready.fit, 7e9, 1.4e12);
    const truth = predictLoss(BESIROGLU_2024, 7e9, 1.4e12);
    assert.ok(prediction.low <= prediction.loss && prediction.loss <= prediction.high);
    assert.ok(prediction.low < truth * 1.01 && truth * 0.99 < prediction.high, JSON.stringify({ prediction, truth }));
    assert.equal(prediction.level, 0.95);
  });

  it('never throws on a file that holds nothing to fit: no fit, a finding instead', () => {
    const empty = fitWorkspaceRuns('run,parameters\n', 'x.runs.csv');
    assert.equal(empty.fit, undefined);
    assert.ok(empty.findings.length > 0);
  });

  it('plans the loss-optimal N and D under your law and names it in the plan sheet and the chart', () => {
    const law = workspaceLaw(ready);
    const result = plan({ budget: { kind: 'flops', flops: 1e23 }, target: { kind: 'chinchilla' }, fit: law });
    const expected = computeOptimal(law, 1e23);
    assert.equal(result.optima.fit, 'workspace');
    assert.ok(Math.abs(result.optima.byFit.parameters / expected.parameters - 1) < 1e-12);
    assert.equal(result.loss[0]!.label, law.label);
    assert.equal(result.loss.length, 3, 'your law first, then both published fits');
    const rows = planSheet(result).sections.flatMap((section) => section.rows.map((row) => row.label));
    assert.ok(rows.includes(`Loss-optimal for this budget (${law.label})`), rows.join('\n'));
    const chart = chartForPlan(result, { fit: law });
    assert.equal(chart.loss!.fit, 'workspace');
    assert.equal(chart.loss!.fitLabel, law.label);
  });

  it("puts the bootstrap interval on N with the loss view's optimum under your law, and none under a published fit", () => {
    const law = workspaceLaw(ready);
    const result = plan({ budget: { kind: 'flops', flops: 1e23 }, target: { kind: 'chinchilla' }, fit: law });
    const optimum = chartForPlan(result, { fit: law }).loss!.marks.find((mark) => mark.kind === 'optimum')!;
    assert.ok(optimum.interval, "no interval on your fit's optimum");
    assert.ok(optimum.interval.low <= optimum.parameters && optimum.parameters <= optimum.interval.high, JSON.stringify(optimum.interval));
    assert.equal(optimum.interval.level, 0.95);
    assert.match(optimum.detail.join(' '), /95% interval [\d.]+B–[\d.]+B parameters/);
    const published = chartForPlan(plan({ budget: { kind: 'flops', flops: 1e23 }, target: { kind: 'chinchilla' } }), {});
    assert.equal(published.loss!.marks.find((mark) => mark.kind === 'optimum')!.interval, undefined);
  });

  it("gives the plan's split under your law its bootstrap interval, its extrapolation factor and whether it is determined", () => {
    const law = workspaceLaw(ready);
    const result = plan({ budget: { kind: 'flops', flops: 1e24 }, target: { kind: 'chinchilla' }, fit: law });
    const uncertainty = result.optima.byFit.uncertainty!;
    const n = uncertainty.intervals!.parameters;
    assert.ok(n.low <= result.optima.byFit.parameters && result.optima.byFit.parameters <= n.high, JSON.stringify(n));
    assert.ok(Math.abs(uncertainty.extrapolation - 1e24 / (6 * 3.2e9 * 3.2e9 * 80)) < 1e-9);
    const row = planSheet(result)
      .sections.flatMap((section) => section.rows)
      .find((each) => each.label.startsWith('Loss-optimal for this budget'))!;
    assert.match(row.note!, /^95% interval [\d.]+B–[\d.]+B on [\d.]+[BT]–[\d.]+[BT], [\d.]+–[\d.]+ tokens per parameter, loss \d\.\d{3}–\d\.\d{3}; /);
    assert.match(row.note!, /; (not )?determined \(N (within|wider than) 30% either side\); 20\d× the largest run's compute: an extrapolation$/);
    const published = plan({ budget: { kind: 'flops', flops: 1e24 }, target: { kind: 'chinchilla' }, fit: 'epoch2024' });
    assert.equal(published.optima.byFit.uncertainty, undefined);
  });

  it('plans with the published fit by id as before', () => {
    const result = plan({ budget: { kind: 'flops', flops: 1e23 }, target: { kind: 'chinchilla' }, fit: 'hoffmann2022' });
    assert.equal(result.optima.fit, 'hoffmann2022');
    assert.equal(result.loss.length, 2);
  });
});
