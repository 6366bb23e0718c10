import * as assert from 'node:assert/strict';
import { memoryBar } from '../../../src/core/planner/memoryBar';
import type { MemoryReport } from '../../../src/core/memory/report';

const GiB = 2 ** 30;
const report = (overrides: Partial<MemoryReport>): MemoryReport => ({
  peakBytesPerDevice: 100 * GiB,
  statistic: 'max_allocated',
  stages: [{ stage: 0, peakBytes: 100 * GiB }],
  parts: { weights: 20 * GiB, gradients: 10 * GiB, optimizer: 40 * GiB, activations: 25 * GiB, logits: 5 * GiB, other: 0 },
  peakPhase: 'every part',
  rank: 'every device (no pipeline parallelism)',
  reserved: { low: 100 * GiB, high: 125 * GiB },
  accelerator: { name: 'NVIDIA H100 (SXM)', bytes: 80 * GiB },
  fits: false,
  reverse: null,
  layout: [],
  ...overrides,
});

describe('the memory stacked bar', () => {
  it('stacks the six parts of the peak against the capacity and its 90% line, on a scale that holds both', () => {
    const bar = memoryBar(report({}), 0.9)!;
    assert.deepEqual(
      bar.parts.map((part) => [part.id, part.bytes / GiB]),
      [
        ['weights', 20],
        ['gradients', 10],
        ['optimizer', 40],
        ['activations', 25],
        ['logits', 5],
        ['other', 0],
      ],
    );
    assert.equal(bar.scaleBytes, 100 * GiB);
    assert.equal(bar.capacity!.usableBytes, 72 * GiB);
    assert.equal(
      bar.summary,
      'Peak 100.0 GiB against the 80.0 GiB of NVIDIA H100 (SXM), on every device (no pipeline parallelism): does not fit. Weights 20.0 GiB, gradients 10.0 GiB, optimizer states 40.0 GiB, activations 25.0 GiB, logits and loss 5.0 GiB.',
    );
  });

  it('scales to the capacity when the peak is below it, and says it fits', () => {
    const bar = memoryBar(report({ peakBytesPerDevice: 40 * GiB, fits: true }), 0.9)!;
    assert.equal(bar.scaleBytes, 80 * GiB);
    assert.match(bar.summary, /: fits\. /);
  });

  it('draws no capacity without an accelerator and no bar without an estimate', () => {
    const bar = memoryBar(report({ accelerator: null, fits: null }), 0.9)!;
    assert.equal(bar.capacity, null);
    assert.match(bar.summary, /no accelerator named: add accelerator=NAME/);
    assert.equal(memoryBar(null, 0.9), null);
  });
});
