import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../src/core/analyze';
import { acceleratorTable } from '../../../src/core/hardware/accelerators';
import { planStepCount, planSteps, startingHardware } from '../../../src/core/planner/planSteps';

const examples = path.join(__dirname, '..', '..', '..', '..', 'test', 'examples');
const read = (relative: string) => fs.readFileSync(path.join(examples, relative), 'utf8');

describe("the planner's steps", () => {
  it('counts the path of the highlighted choice, so taking it keeps the count (no 1/2 then 2/6)', () => {
    // On the first step, with "Hardware" highlighted, the count is already the hardware path's.
    const shownFirst = planStepCount({}, 'source', 'hardware');
    const shownNext = planSteps({ source: 'hardware' }).length;
    assert.equal(shownFirst, 6);
    assert.equal(shownNext, shownFirst);
    assert.equal(planStepCount({}, 'source', 'config'), 2);
    assert.equal(planStepCount({}, 'source', 'flops'), 3);
  });

  it('adds the target value step while a target that needs one is highlighted', () => {
    assert.equal(planStepCount({ source: 'flops' }, 'target', 'chinchilla'), 3);
    assert.equal(planStepCount({ source: 'flops' }, 'target', 'multiple'), 4);
    assert.equal(planSteps({ source: 'flops', target: 'multiple' }).length, 4);
    assert.deepEqual(planSteps({ source: 'hardware', target: 'inference' }), ['source', 'accelerator', 'count', 'days', 'mfu', 'target', 'targetValue']);
  });
});

describe('the hardware the planner starts from', () => {
  const table = acceleratorTable();

  it("starts from the config's own accelerator, count, days and utilisation", () => {
    const analysis = analyze(read('regulatory/hardware-h100.budget.yaml'), 'hardware-h100.budget.yaml');
    assert.deepEqual(startingHardware(analysis, table), { accelerator: 'H100', count: 2048, days: 60, mfu: 0.4 });
  });

  it('takes an accelerator and a count stated without a time', () => {
    const analysis = analyze(read('generic/llama-2-7b-run.yaml'), 'llama-2-7b-run.yaml');
    assert.deepEqual(startingHardware(analysis, table), { accelerator: 'A100', count: 2048 });
  });

  it('starts from nothing a config does not say', () => {
    const analysis = analyze('model:\n  parameters: 7B\ntraining:\n  tokens: 2T\n', 'plain.budget.yaml');
    assert.deepEqual(startingHardware(analysis, table), {});
    assert.deepEqual(startingHardware(undefined, table), {});
  });
});
