import * as assert from 'node:assert/strict';
import { estimateMemory } from '../../../src/core/memory/estimate';
import { layoutsThatFit } from '../../../src/core/memory/layouts';
import { fact } from '../../../src/core/source/fact';
import { counted, layout } from './shapes';
import { LLAMA_3_1_8B } from './measuredRows';

describe('layouts that fit', () => {
  const usable = 72 * 2 ** 30;
  const base = layout({
    regime: 'megatron',
    shardStage: 1,
    dataParallel: 8,
    microBatch: 1,
    sequenceLength: 8192,
    recompute: 'selective',
    sequenceParallel: true,
  });
  const proposals = layoutsThatFit(LLAMA_3_1_8B, counted(LLAMA_3_1_8B), base, usable);

  it('proposes the fewest accelerators first, each layout fitting with one replica fewer not fitting', () => {
    assert.ok(proposals.length > 0);
    for (let i = 1; i < proposals.length; i++) assert.ok(proposals[i - 1].accelerators <= proposals[i].accelerators);
    for (const proposal of proposals) {
      const at = (dp: number) =>
        estimateMemory(LLAMA_3_1_8B, counted(LLAMA_3_1_8B), {
          ...base,
          tensorParallel: fact(proposal.tensorParallel, 'derived'),
          pipelineParallel: fact(proposal.pipelineParallel, 'derived'),
          dataParallel: fact(dp, 'derived'),
        }).peakBytesPerDevice;
      assert.equal(at(proposal.dataParallel), proposal.peakBytes);
      assert.ok(proposal.peakBytes <= usable, `${proposal.tensorParallel}·${proposal.pipelineParallel}·${proposal.dataParallel}`);
      if (proposal.dataParallel > 1) assert.ok(at(proposal.dataParallel - 1) > usable);
      assert.equal(proposal.accelerators, proposal.tensorParallel * proposal.pipelineParallel * proposal.dataParallel);
    }
  });

  it('keeps tensor parallelism to divisors of the heads within a node and pipelines to divisors of the layers', () => {
    for (const proposal of layoutsThatFit(LLAMA_3_1_8B, counted(LLAMA_3_1_8B), base, usable, { limit: 100 })) {
      assert.ok([1, 2, 4, 8].includes(proposal.tensorParallel));
      assert.equal(32 % proposal.pipelineParallel, 0);
    }
  });

  it('proposes nothing when no layout fits', () => {
    assert.deepEqual(layoutsThatFit(LLAMA_3_1_8B, counted(LLAMA_3_1_8B), base, 2 ** 30), []);
  });
});
