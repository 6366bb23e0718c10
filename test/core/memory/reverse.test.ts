import * as assert from 'node:assert/strict';
import { estimateMemory } from '../../../src/core/memory/estimate';
import { fewestDataParallel, fewestDataParallelByCurve, largest, largestLinear, MAX_ACCELERATORS } from '../../../src/core/memory/reverse';
import { fact } from '../../../src/core/source/fact';
import type { MemoryLayout } from '../../../src/core/memory/layout';
import { LLAMA_3_1_8B } from './measuredRows';
import { counted, decoder, layout } from './shapes';

const GiB = 2 ** 30;
const gpt = decoder({ hidden: 2048, layers: 24, heads: 16, ffn: 8192, vocab: 50257, gated: false, tied: true });

const LAYOUTS: readonly [string, MemoryLayout][] = [
  ['Megatron, unfused attention (s² terms)', layout({ flashAttention: fact(false, 'config'), tensorParallel: 2, dataParallel: 4 })],
  ['Megatron, distributed optimizer, pipeline 2', layout({ shardStage: 1, dataParallel: 8, pipelineParallel: 2, globalBatch: 64 })],
  ['FSDP, one micro-batch (peak phase changes)', layout({ regime: 'fsdp', shardStage: 3, dataParallel: 8, globalBatch: 8, sequenceLength: 8192 })],
  ['DeepSpeed ZeRO-2, full recompute', layout({ regime: 'deepspeed', shardStage: 2, dataParallel: 16, recompute: fact('full', 'config') })],
];

describe('the reverse question in few estimates', () => {
  for (const [name, base] of LAYOUTS)
    for (const arch of [gpt, LLAMA_3_1_8B])
      it(`gives the plain search's answers for ${name}, ${arch === gpt ? 'a 1.3B GPT' : 'Llama 3.1 8B'}, at 24, 40 and 80 GiB`, () => {
        const peak = (changed: MemoryLayout) => estimateMemory(arch, counted(arch), changed).peakBytesPerDevice;
        for (const usable of [24 * GiB, 40 * GiB, 80 * GiB]) {
          const micro = (b: number) => peak({ ...base, microBatch: fact(b, 'derived') });
          assert.equal(
            largestLinear(micro, usable, 4096),
            largest((b) => micro(b) <= usable, 4096),
            `micro-batch at ${usable / GiB} GiB`,
          );
          const sequence = (n: number) => peak({ ...base, sequenceLength: fact(n * 128, 'derived') });
          assert.equal(
            largestLinear(sequence, usable, 8192),
            largest((n) => sequence(n) <= usable, 8192),
            `sequence at ${usable / GiB} GiB`,
          );
          const replicas = (dp: number) => peak({ ...base, dataParallel: fact(dp, 'derived') });
          const limit = MAX_ACCELERATORS / (base.tensorParallel.value * base.pipelineParallel.value);
          assert.equal(
            fewestDataParallelByCurve(replicas, usable, limit),
            fewestDataParallel((dp) => replicas(dp) <= usable, limit),
            `data parallel at ${usable / GiB} GiB`,
          );
        }
      });
});
