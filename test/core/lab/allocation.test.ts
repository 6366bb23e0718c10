import assert from 'node:assert/strict';
import { fitAllocation, fitRunsText } from '../../../src/core/lab/fit';
import { BESIROGLU_2024, computeOptimal } from '../../../src/core/lab/lossLaw';
import { runsCsv } from './synthetic';

/** Fits each seed's runs and counts how often the interval on N* holds the true law's N*. */
function coverage(design: { sizes: number; smallest?: number; ratios: readonly number[] }, compute: number, seeds: number) {
  let covered = 0;
  let determined = 0;
  const truth = computeOptimal(BESIROGLU_2024, compute).parameters;
  for (let seed = 1; seed <= seeds; seed++) {
    const report = fitRunsText(runsCsv({ ...design, seed }), { minTokens: 0, bootstrap: 60, seed, compute });
    const allocation = fitAllocation(report.fit!, compute);
    const { low, high } = allocation.intervals!.parameters;
    if (low <= truth && truth <= high) covered++;
    if (allocation.determined) determined++;
  }
  return { covered: covered / seeds, determined: determined / seeds };
}

describe('how sure the lab is of a compute-optimal split', () => {
  it('holds the true N* inside its 95% interval in at least 90% of 20 seeds, for runs spanning 2.5 to 320 tokens per parameter at 10x the largest run', () => {
    const design = { sizes: 8, smallest: 20e6, ratios: [2.5, 5, 10, 20, 40, 80, 160, 320] };
    const result = coverage(design, 10 * 6 * 2.56e9 * 2.56e9 * 320, 20);
    assert.ok(result.covered >= 0.9, JSON.stringify(result));
    assert.ok(result.determined >= 0.5, JSON.stringify(result));
  });

  it('holds the true N* inside its interval in at least 90% of 20 seeds for the 7-size, 5-to-80-ratio design, and calls it determined in few', () => {
    const design = { sizes: 7, ratios: [5, 10, 20, 40, 80] };
    const result = coverage(design, 10 * 6 * 3.2e9 * 3.2e9 * 80, 20);
    assert.ok(result.covered >= 0.9, JSON.stringify(result));
    assert.ok(result.determined <= 0.2, JSON.stringify(result));
  });

  it('says a design with one token ratio cannot pin the law, and gives no determined split', () => {
    const report = fitRunsText(runsCsv({ ratios: [20] }), { minTokens: 0, bootstrap: 30, compute: 1e22 });
    assert.ok(report.findings.some((f) => f.code === 'lab-under-determined'));
    assert.equal(report.fit!.determined, false);
  });

  it('says so when two neighbouring ratios leave the split wider than 30% either side', () => {
    const report = fitRunsText(runsCsv({ ratios: [10, 20] }), { minTokens: 0, bootstrap: 60, compute: 1e23 });
    const wide = report.findings.find((f) => f.code === 'lab-allocation-wide')!;
    assert.equal(wide.severity, 'warning');
    assert.match(wide.message, /is not determined: its 95% interval .* is wider than 30% either side of/);
    assert.equal(report.fit!.determined, false);
  });

  it('gives no interval and says so when the bootstrap is off', () => {
    const report = fitRunsText(runsCsv(), { minTokens: 0, bootstrap: 0, compute: 1e21 });
    const allocation = fitAllocation(report.fit!, 1e21);
    assert.equal(allocation.intervals, null);
    assert.equal(allocation.determined, false);
    assert.match(report.findings.find((f) => f.code === 'lab-allocation-wide')!.message, /^No interval on the split/);
  });

  it('names no extrapolation at 10x the largest run or below, and the factor past it', () => {
    const largest = 6 * 3.2e9 * 3.2e9 * 80;
    const at = (compute: number) => fitRunsText(runsCsv(), { minTokens: 0, bootstrap: 0, compute }).findings.filter((f) => f.code === 'lab-extrapolation');
    assert.equal(at(10 * largest).length, 0);
    assert.match(at(40 * largest)[0]!.message, / is 40x the largest run's compute/);
  });
});
