import * as assert from 'node:assert/strict';
import { PlanError } from '../../../src/core/planner/plan';
import { planInputFrom } from '../../../src/core/planner/planRequest';

describe('reading a plan request (the CLI’s flags and the command’s arguments alike)', () => {
  it('reads counts as configs write them, and plain numbers as numbers', () => {
    const input = planInputFrom({ flops: '5.76e23', gpu: 'H100', count: '1K', mfu: '0.45', pricePerAcceleratorHour: 2, target: 'multiple:4' });
    assert.deepEqual(input.budget, { kind: 'flops', flops: 5.76e23 });
    assert.equal(input.accelerator, 'H100');
    assert.equal(input.count, 1000);
    assert.equal(input.mfu, 0.45);
    assert.equal(input.pricePerAcceleratorHour, 2);
    assert.deepEqual(input.target, { kind: 'multiple', multiple: 4 });
  });

  it('makes a hardware budget from an accelerator, a count and days', () => {
    assert.deepEqual(planInputFrom({ gpu: 'A100', count: 512, days: 30 }).budget, {
      kind: 'hardware',
      accelerator: 'A100',
      count: 512,
      days: 30,
      mfu: undefined,
      precision: undefined,
    });
  });

  it('falls back to the open config’s compute and the settings, the request winning', () => {
    const input = planInputFrom({ mfu: 0.5 }, { flops: 8.4e22, mfu: 0.4, pricePerAcceleratorHour: 3, fit: 'hoffmann2022' });
    assert.deepEqual(input.budget, { kind: 'flops', flops: 8.4e22 });
    assert.equal(input.mfu, 0.5);
    assert.equal(input.pricePerAcceleratorHour, 3);
    assert.equal(input.fit, 'hoffmann2022');
  });

  it('names the wrong field the way the asker spells it', () => {
    assert.throws(
      () => planInputFrom({ gpu: 'H100', count: 8 }),
      (error: Error) => error instanceof PlanError && error.message === 'gpu needs count and days (or give flops)',
    );
    assert.throws(
      () =>
        planInputFrom({ pricePerAcceleratorHour: 'cheap', flops: 1e24 }, {}, (field) =>
          field === 'pricePerAcceleratorHour' ? '--price-per-hour' : `--${field}`,
        ),
      /^Error: --price-per-hour must be a number, not "cheap"$/,
    );
    assert.throws(() => planInputFrom({ flops: 1e24, precision: 'fp4' }), /precision must be bf16 or fp8/);
    assert.throws(() => planInputFrom({ flops: 1e24, fit: 'mine' }), /fit must be one of hoffmann2022, epoch2024/);
    assert.throws(() => planInputFrom({}), /give flops, or gpu with count and days/);
  });
});
