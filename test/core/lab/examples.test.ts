import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { ASCII_NUMBERS, UNICODE_NUMBERS } from '../../../src/core/report/format';
import {
  boundaryText,
  fitRunsText,
  stopText,
  formatFit,
  formatStop,
  formatBoundary,
  fitJson,
  stopJson,
  boundaryJson,
  BESIROGLU_2024,
  computeOptimal,
  fitAllocation,
} from '../../../src/core/lab';

const EXAMPLES = path.resolve(__dirname, '../../../../test/examples/lab');
const read = (name: string): string => fs.readFileSync(path.join(EXAMPLES, name), 'utf8');

/** The parts of `fit --json` this test reads, as the README documents them. */
interface FitJson {
  version: number;
  fit: {
    constants: Record<string, number>;
    intervals: Record<string, object>;
    samples?: unknown;
    determined: boolean;
    allocation: { parameters: number; intervals: Record<'parameters' | 'tokens' | 'tokensPerParameter' | 'loss', { low: number; high: number }> };
  };
  findings: Record<string, unknown>[];
}

describe('the lab on its example files', () => {
  it('fits runs.csv, points at its broken row, and prints the constants with intervals in ASCII', () => {
    const report = fitRunsText(read('runs.csv'), { minTokens: 0 });
    const bad = report.findings.find((f) => f.code === 'lab-bad-row')!;
    assert.deepEqual(bad.lines, { first: 9, last: 9 });
    assert.ok(Math.abs(report.fit!.constants.alpha - BESIROGLU_2024.alpha) < 0.1);
    const text = formatFit(report, ASCII_NUMBERS, { compute: 1e23, parameters: 7e9, tokens: 140e9 });
    assert.match(text, /^24 rows, 6 model sizes/);
    assert.match(text, /\n {2}alpha +0\.\d+ +\[0\.\d+, 0\.\d+\]/);
    assert.match(text, /Compute-optimal at 1\.0e23 FLOP \(95% intervals\), [\d.]+x the largest run: an extrapolation:\n {2}N +[\d.]+B \[[\d.]+B, [\d.]+B\]/);
    assert.match(text, /Predicted loss at N 7B, D 140B: 2\.\d{3} \[2\.\d{3}, 2\.\d{3}\]/);
    assert.match(text, /Findings:\n {2}line 9: error lab-bad-row: Row left out of the fit: tokens missing/);
    assert.ok(!/[^\x00-\x7f]/.test(text.replace(/Theil–Sen/g, '')), 'ASCII output');
    assert.match(formatFit(report, UNICODE_NUMBERS), /α/);
  });

  it('follows the documented JSON contract for fit, without the bootstrap samples', () => {
    const json = JSON.parse(JSON.stringify(fitJson(fitRunsText(read('runs.csv'), { minTokens: 0 }), { compute: 1e23 }))) as FitJson;
    assert.equal(json.version, 1);
    assert.deepEqual(Object.keys(json.fit.constants).sort(), ['A', 'B', 'E', 'alpha', 'beta']);
    assert.deepEqual(Object.keys(json.fit.intervals.E), ['low', 'high']);
    assert.equal(json.fit.samples, undefined);
    assert.ok(json.fit.allocation.parameters > 0);
    for (const key of ['parameters', 'tokens', 'tokensPerParameter', 'loss'] as const)
      assert.deepEqual(Object.keys(json.fit.allocation.intervals[key]), ['low', 'high'], key);
    assert.deepEqual(Object.keys(json.findings[0]).sort(), ['code', 'lines', 'message', 'severity', 'span']);
  });

  it('pins the compute-optimal split from small-models.runs.csv (8 sizes, 2.5 to 320 tokens per parameter): determined at 1e22 FLOP, its interval holding the true optimum', () => {
    const compute = 1e22;
    const report = fitRunsText(read('small-models.runs.csv'), { compute });
    const truth = computeOptimal(BESIROGLU_2024, compute);
    const a = fitAllocation(report.fit!, compute);
    assert.equal(report.fit!.rowsUsed, 64);
    assert.ok(a.determined && report.fit!.determined);
    for (const key of ['parameters', 'tokens', 'tokensPerParameter', 'loss'] as const) {
      const { low, high } = a.intervals![key];
      assert.ok(low <= truth[key] && truth[key] <= high, `${key}: ${truth[key]} outside [${low}, ${high}]`);
    }
    assert.ok(!report.findings.some((f) => f.severity !== 'information'), JSON.stringify(report.findings));
    assert.match(formatFit(report, ASCII_NUMBERS, { compute }), /The split is determined: the interval on N lies within \+\/-30% of N\./);
  });

  it('says a budget 79.5x past the largest example run is an extrapolation, and that its split is not determined', () => {
    const report = fitRunsText(read('small-models.runs.csv'), { compute: 1e24 });
    const extrapolation = report.findings.find((f) => f.code === 'lab-extrapolation')!;
    assert.match(extrapolation.message, /^The budget 1\.0e24 FLOP is 79\.5x the largest run's compute \(6ND\)/);
    assert.ok(report.findings.some((f) => f.code === 'lab-allocation-wide' && f.severity === 'warning'));
    assert.equal(report.fit!.determined, false);
    assert.equal((fitJson(report, { compute: 1e24 }) as { fit: { allocation: { extrapolation: number } } }).fit.allocation.extrapolation.toFixed(1), '79.5');
  });

  it('reads a W&B export with tokens per step and says the run has reached low returns', () => {
    const report = stopText(read('loss.csv'), { tokensPerStep: 4_194_304, plannedTokens: 1e12 });
    assert.equal(report.log.columns.loss, 'small_run_train_loss');
    assert.ok(report.findings.some((f) => f.code === 'lab-bad-row' && f.severity === 'information' && f.lines.first === 152));
    assert.equal(report.signal!.lowReturns, true);
    const text = formatStop(report, ASCII_NUMBERS);
    assert.match(text, /^Low returns: window 503B to 629B tokens \(61 points, lines 242-302\)/);
    assert.match(text, /remaining 371B planned tokens: loss 2\.\d{3} -> 2\.\d{3} \(gain 0\.00\d\)/);
    assert.equal((stopJson(report) as { points: number }).points, 300);
  });

  it('fits the boundary of evals.csv and places 1e24 FLOP on it', () => {
    const report = boundaryText(read('evals.csv'), { compute: 1e24 });
    const text = formatBoundary(report, ASCII_NUMBERS);
    assert.match(text, /^mmlu: 30 models, quantile 98%/);
    assert.match(text, /at 1\.0e24 FLOP: 0\.\d+/);
    assert.equal((boundaryJson(report) as { fits: unknown[] }).fits.length, 1);
  });
});
