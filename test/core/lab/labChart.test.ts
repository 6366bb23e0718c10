import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { boundaryText } from '../../../src/core/lab/boundary';
import { boundaryView, curveView, runsView, MAX_SIZES } from '../../../src/core/lab/labChart';
import { fitWorkspaceRuns, workspaceLabel } from '../../../src/core/lab/workspaceFit';
import { stopWorkspaceLog } from '../../../src/core/lab/workspaceStop';
import { runsCsv } from './synthetic';
import { minOf } from '../../../src/core/numbers/extent';

const EXAMPLES = path.resolve(__dirname, '../../../../test/examples/lab');
const read = (name: string): string => fs.readFileSync(path.join(EXAMPLES, name), 'utf8');

describe('what the chart’s lab views draw', () => {
  it('groups runs by size with the law’s curve, the residuals and the held-out size marked', () => {
    const result = fitWorkspaceRuns(read('runs.csv'), 'runs.csv', { minTokens: 0 });
    const view = runsView({ ...result, fit: result.fit! }, 'lab/runs.csv', workspaceLabel(result));
    assert.equal(view.sizes.length, 6);
    assert.deepEqual(
      view.sizes.map((size) => size.heldOut),
      [false, false, false, false, false, true],
    );
    assert.equal(
      view.sizes.reduce((sum, size) => sum + size.runs.length, 0),
      24,
    );
    for (const size of view.sizes) for (const run of size.runs) assert.ok(Math.abs(run.residual - (run.loss - run.predicted) / run.predicted) < 1e-12);
    assert.ok(view.meanResidual < 0.02, String(view.meanResidual));
    assert.match(view.summary, /held-out loss error \(ARE\) 0\.53% on 2\.8B$/);
  });

  it('keeps the largest sizes when there are more than it can tell apart', () => {
    const result = fitWorkspaceRuns(runsCsv({ sizes: 10, ratios: [10, 40] }), 'x.runs.csv', { minTokens: 0, bootstrap: 0 });
    const view = runsView({ ...result, fit: result.fit! }, 'x', 'x');
    assert.equal(view.sizes.length, MAX_SIZES);
    assert.equal(view.sizes[view.sizes.length - 1]!.parameters, 50e6 * 2 ** 9);
  });

  it('draws the loss log with the stop rule’s window and the fitted curve out to the planned length', () => {
    const stop = stopWorkspaceLog(read('loss.csv'), 'loss.csv', { tokensPerStep: 1048576, plannedTokens: 209.7e9 });
    const view = curveView(stop, 'lab/loss.csv', 209.7e9);
    assert.equal(view.lowReturns, true);
    assert.ok(view.window!.fromTokens > 120e9 && view.window!.toTokens > 150e9);
    assert.equal(view.fitted[view.fitted.length - 1]!.tokens, 209.7e9);
    assert.equal(view.planned!.tokens, 209.7e9);
    assert.match(view.summary, /^Low returns: loss −0\.010 per 100B tokens, perplexity −0\.1\d*% per 10B/);
  });

  it('places the planned run on the boundary at its compute', () => {
    const report = boundaryText(read('evals.csv'), { file: 'evals.csv', numberStyle: 'unicode' });
    const view = boundaryView(report, 'lab/evals.csv', 1e22)!;
    assert.equal(view.task, report.fits[0]!.task);
    assert.ok(view.planned!.score > 0 && view.planned!.score < 1);
    assert.ok(view.curve[0]!.compute < minOf(view.points.map((p) => p.compute)));
    assert.match(view.summary, /^At 1\.0 × 10²² FLOP the 98th-percentile boundary on mmlu is 0\.\d+ · /);
  });

  it("labels a plan drawn into the boundary as the plan, and a config's own run as the run", () => {
    const report = boundaryText(read('evals.csv'), { file: 'evals.csv', numberStyle: 'unicode' });
    assert.equal(boundaryView(report, 'lab/evals.csv', 1e22, 'plan')!.planned!.label, 'This plan');
    assert.equal(boundaryView(report, 'lab/evals.csv', 1e22, 'config')!.planned!.label, 'This run');
  });
});
