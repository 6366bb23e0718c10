import * as assert from 'node:assert/strict';
import { stackActivations } from '../../../src/core/memory/activations';
import { estimateMemory } from '../../../src/core/memory/estimate';
import { modelStates } from '../../../src/core/memory/modelStates';
import { kvCache, servingCapacity } from '../../../src/core/memory/kvCache';
import { peakPhaseNote } from '../../../src/core/memory/peakPhase';
import { stepTime } from '../../../src/core/memory/stepTime';
import { LLAMA_3_1_8B } from './measuredRows';
import { counted, decoder, layout } from './shapes';

// Korthikanti et al. 2022's model: MHA, GeLU MLP of 4h, dropout on, unfused attention.
const h = 4096;
const a = 32;
const s = 2048;
const b = 1;
const L = 32;
const gpt = decoder({ hidden: h, layers: L, heads: a, ffn: 4 * h, vocab: 51200, gated: false, tied: true });
const korthikanti = (overrides: Parameters<typeof layout>[0]) =>
  layout({ sequenceLength: s, microBatch: b, dropout: true, flashAttention: false, ...overrides });
const close = (actual: number, expected: number, what: string) => assert.ok(Math.abs(actual / expected - 1) < 1e-9, `${what}: ${actual} vs ${expected}`);

describe('memory engine', () => {
  it("keeps Korthikanti et al.'s activations per layer: sbh(34 + 5as/h) whole, sbh(10 + 24/t + 5as/(ht)) under tensor parallelism", () => {
    close(stackActivations(gpt, korthikanti({})).kept / L, s * b * h * (34 + (5 * a * s) / h), 'no parallelism');
    for (const t of [2, 8])
      close(stackActivations(gpt, korthikanti({ tensorParallel: t })).kept / L, s * b * h * (10 + 24 / t + (5 * a * s) / (h * t)), `t=${t}`);
  });

  it('divides every term by t with sequence parallelism, drops the s² terms under selective recompute and keeps 2sbh/t under full', () => {
    const t = 8;
    close(stackActivations(gpt, korthikanti({ tensorParallel: t, sequenceParallel: true })).kept / L, (s * b * h * (34 + (5 * a * s) / h)) / t, 'SP');
    close(
      stackActivations(gpt, korthikanti({ tensorParallel: t, sequenceParallel: true, recompute: 'selective' })).kept / L,
      (34 * s * b * h) / t,
      'SP + selective',
    );
    close(stackActivations(gpt, korthikanti({ tensorParallel: t, sequenceParallel: true, recompute: 'full' })).kept / L, (2 * s * b * h) / t, 'full');
  });

  it('stores smaller K and V under grouped-query attention and a third tensor for SwiGLU', () => {
    const mha = decoder({ hidden: h, layers: 1, heads: a, ffn: 11008, vocab: 32000, gated: true, tied: false });
    const gqa = decoder({ hidden: h, layers: 1, heads: a, kvHeads: 8, ffn: 11008, vocab: 32000, gated: true, tied: false });
    const plain = decoder({ hidden: h, layers: 1, heads: a, ffn: 11008, vocab: 32000, gated: false, tied: false });
    const at = layout({ sequenceLength: s });
    // K and V: 2 tensors of 2sb·(a − k)·d bytes fewer.
    close(stackActivations(mha, at).kept - stackActivations(gqa, at).kept, 2 * 2 * s * (a - 8) * 128, 'GQA');
    // SwiGLU keeps gate, up and their product (6sbf) where GeLU keeps its input and output (4sbf).
    close(stackActivations(mha, at).kept - stackActivations(plain, at).kept, 2 * s * 11008, 'SwiGLU');
  });

  it("holds 18 bytes per parameter in Megatron's layout, 6 + 12/DP with the distributed optimizer, and ZeRO's 16 → 4 + 12/DP → 2 + 14/DP → 16/DP", () => {
    const shard = { stage: 0, dense: 1e9, experts: 0, layers: 1, edges: 0 };
    const total = (states: { weights: number; gradients: number; optimizer: number }) => (states.weights + states.gradients + states.optimizer) / 1e9;
    assert.equal(total(modelStates(shard, layout({ regime: 'megatron' }))), 18);
    assert.equal(total(modelStates(shard, layout({ regime: 'megatron', shardStage: 1, dataParallel: 8 }))), 6 + 12 / 8);
    const zero = (stage: number) => total(modelStates(shard, layout({ regime: 'deepspeed', shardStage: stage, dataParallel: 8 })));
    assert.deepEqual([0, 1, 2, 3].map(zero), [16, 4 + 12 / 8, 2 + 14 / 8, 16 / 8]);
    assert.equal(total(modelStates(shard, layout({ regime: 'pure', optimizer: 'adam-8bit' }))), 2 + 2 + 2);
  });

  it('names the busiest rank: the first pipeline stage holds p micro-batches in flight', () => {
    const estimate = estimateMemory(gpt, counted(gpt), korthikanti({ pipelineParallel: 4, recompute: 'selective', flashAttention: true }));
    assert.equal(estimate.stages.length, 4);
    assert.match(estimate.rank, /pipeline stage 0 of 4 \(first\)/);
    assert.ok(estimate.stages[0].parts.activations > 3.9 * estimate.stages[3].parts.activations);
    assert.equal(estimate.statistic, 'max_allocated');
    assert.ok(estimate.reserved.high > estimate.reserved.low);
  });

  it('counts KV-cache bytes per token for GQA and for multi-head latent attention', () => {
    const llama = decoder({ hidden: 4096, layers: 32, heads: 32, kvHeads: 8, ffn: 14336, vocab: 128256, gated: true, tied: false });
    assert.equal(kvCache(llama, 2).bytesPerToken, 131_072);
    const deepseek = {
      ...llama,
      layers: { value: 61, origin: 'config' as const },
      latentAttention: {
        kvLoraRank: { value: 512, origin: 'config' as const },
        qkNopeHeadDim: { value: 128, origin: 'config' as const },
        qkRopeHeadDim: { value: 64, origin: 'config' as const },
        vHeadDim: { value: 128, origin: 'config' as const },
        bias: false,
      },
    };
    assert.equal(kvCache(deepseek, 2).bytesPerToken, 61 * (512 + 64) * 2);
  });

  it("applies vLLM's budget: total × utilisation, less weights and the profiling peak, over the bytes of a token", () => {
    const answer = servingCapacity({
      capacityBytes: 80e9,
      devices: 1,
      utilization: 0.9,
      weightBytes: 16e9,
      activationBytes: 2e9,
      nonTorchBytes: 0.5e9,
      bytesPerToken: 131_072,
    });
    assert.equal(answer.maxTokens, Math.floor((72e9 - 16e9 - 2e9 - 0.5e9) / 131_072));
    assert.equal(
      servingCapacity({ capacityBytes: 24e9, devices: 1, utilization: 0.9, weightBytes: 140e9, activationBytes: 1e9, nonTorchBytes: 0, bytesPerToken: 1 })
        .maxTokens,
      0,
    );
  });

  it('adds the pipeline bubble only when the MFU is not measured, and no recompute pass (published MFUs were reached with it)', () => {
    const base = {
      flopsPerToken: 6e9,
      tokensPerStep: 1e6,
      accelerators: 8,
      peak: 1e15,
      mfu: 0.5,
      mfuSource: 'test',
      pipeline: 4,
      virtualStages: 1,
      microBatches: 8,
      trainingTokens: 1e9,
    };
    const measured = stepTime({ ...base, mfuMeasured: true });
    assert.equal(measured.stepSeconds, (6e9 * 1e6) / (8 * 1e15 * 0.5));
    assert.equal(measured.days, ((1e9 / 1e6) * measured.stepSeconds) / 86_400);
    const estimated = stepTime({ ...base, mfuMeasured: false });
    close(estimated.stepSeconds, measured.stepSeconds * (1 + 3 / 8), 'bubble');
  });
});

describe('why a part reads 0 at the peak', () => {
  it('says gradients 0 when the peak is at the start of the backward of a PyTorch loop with one micro-batch', () => {
    const fsdp = layout({ regime: 'fsdp', shardStage: 3, dataParallel: 8, microBatch: 1, globalBatch: 8, sequenceLength: 8192 });
    const estimate = estimateMemory(LLAMA_3_1_8B, counted(LLAMA_3_1_8B), fsdp);
    assert.equal(estimate.peakPhase, 'backward start');
    assert.equal(estimate.parts.gradients, 0);
    assert.match(peakPhaseNote(estimate.peakPhase), /gradients 0, as zero_grad\(\) freed them/);
  });

  it('says nothing when every part is live (Megatron-LM keeps its gradient buffer)', () => {
    const estimate = estimateMemory(LLAMA_3_1_8B, counted(LLAMA_3_1_8B), layout({ sequenceLength: 4096 }));
    assert.equal(estimate.peakPhase, 'every part');
    assert.equal(peakPhaseNote(estimate.peakPhase), '');
    assert.ok(estimate.parts.gradients > 0 && estimate.parts.activations > 0);
  });
});
