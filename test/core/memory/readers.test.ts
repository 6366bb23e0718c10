import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';

const knob = (analysis: ReturnType<typeof analyze>, name: string) => analysis.memory?.layout.find((entry) => entry.knob === name)?.value;

const TITAN = `[model]
name = "llama3"
flavor = "8B"

[training]
local_batch_size = 2
seq_len = 8192
steps = 1000

[parallelism]
data_parallel_shard_degree = -1

[activation_checkpoint]
mode = "selective"
selective_ac_option = "op"
`;

const TUNE = `model:
  _component_: torchtune.models.llama3_2.llama3_2_3b
tokenizer:
  _component_: torchtune.models.llama3.llama3_tokenizer
  max_seq_len: 4096
batch_size: 2
epochs: 1
optimizer:
  _component_: torch.optim.AdamW
loss:
  _component_: torchtune.modules.loss.CEWithChunkedOutputLoss
enable_activation_checkpointing: True
enable_activation_offloading: True
dtype: bf16
`;

describe('memory knobs as the frameworks write them', () => {
  it("reads torchtitan's selective AC as per-op and its default global batch as local × data-parallel", () => {
    const analysis = analyze(TITAN, 'llama3_8b.toml', { facts: { accelerator: 'H100', gpus: 8 } });
    assert.equal(knob(analysis, 'recompute'), 'op');
    assert.equal(knob(analysis, 'globalBatch'), 16);
    assert.equal(analysis.throughput?.tokensPerStep, 16 * 8192);
  });

  it('uses torchtitan\'s own default when the TOML leaves recompute out: "selective" with option "2", every second layer fully recomputed', () => {
    const withoutOption = TITAN.replace('selective_ac_option = "op"\n', '');
    const withoutSection = withoutOption.replace('[activation_checkpoint]\nmode = "selective"\n', '');
    const perOp = analyze(TITAN, 'llama3_8b.toml', { facts: { accelerator: 'H100', gpus: 8 } });
    const everyAll = analyze(withoutOption.replace('mode = "selective"', 'mode = "full"'), 'llama3_8b.toml', { facts: { accelerator: 'H100', gpus: 8 } });
    const none = analyze(withoutOption.replace('mode = "selective"', 'mode = "none"'), 'llama3_8b.toml', { facts: { accelerator: 'H100', gpus: 8 } });
    for (const text of [withoutOption, withoutSection]) {
      const analysis = analyze(text, 'llama3_8b.toml', { facts: { accelerator: 'H100', gpus: 8 } });
      assert.equal(knob(analysis, 'recompute'), 'full');
      assert.equal(knob(analysis, 'recomputeEvery'), 2);
      // Half the layers keep everything, so it sits between full recompute and none.
      const activations = analysis.memory!.parts.activations;
      assert.ok(activations > everyAll.memory!.parts.activations && activations < none.memory!.parts.activations);
    }
    const assumed = analyze(withoutSection, 'llama3_8b.toml', { facts: { accelerator: 'H100', gpus: 8 } }).memory!.layout.find(
      (entry) => entry.knob === 'recompute',
    )!;
    assert.equal(assumed.origin, 'assumed');
    assert.match(assumed.note ?? '', /torchtitan@e347b1e5/);
    assert.equal(knob(perOp, 'recomputeEvery'), undefined);
  });

  it("reads Megatron's --recompute-activations as selective recompute, and each framework's default off with where it is defined", () => {
    const script =
      'torchrun pretrain_gpt.py --num-layers 24 --hidden-size 2048 --num-attention-heads 16 --seq-length 4096 --micro-batch-size 1 --recompute-activations';
    assert.equal(knob(analyze(script, 'train.sh'), 'recompute'), 'selective');
    const tune = analyze(TUNE.replace('enable_activation_checkpointing: True\nenable_activation_offloading: True\n', ''), '3B_full_single_device.yaml', {
      facts: { accelerator: 'A100' },
    }).memory!.layout.find((entry) => entry.knob === 'recompute')!;
    assert.equal(tune.value, 'none');
    assert.match(tune.note ?? '', /torchtune@01067f61/);
  });

  it("times torchtitan's own 8-GPU H100 benchmark run within 25%, at the published H100 MFU over model FLOPs with attention", () => {
    // pytorch/torchtitan@820504e2 benchmarks/llama3_h100_202412_torchtitan.md table 1, "FSDP":
    // this config on 8 H100s measured 5,762 tokens/s/GPU, so 16 × 8192 / (8 × 5762) s a step.
    const throughput = analyze(TITAN, 'llama3_8b.toml', { facts: { accelerator: 'H100', gpus: 8 } }).throughput!;
    const ratio = throughput.stepSeconds / ((16 * 8192) / (8 * 5762));
    assert.ok(Math.abs(ratio - 1) <= 0.25, `estimate ÷ measured: ${ratio}`);
    assert.equal(throughput.mfu, 0.4);
    assert.match(throughput.mfuSource, /Llama 3 paper/);
  });

  it('gives the cost of the run only from a stated price per accelerator-hour', () => {
    const unpriced = analyze(TITAN, 'llama3_8b.toml', { facts: { accelerator: 'H100', gpus: 8 } }).throughput!;
    assert.equal(unpriced.cost, null);
    assert.equal(unpriced.pricePerHour, null);
    const priced = analyze(TITAN, 'llama3_8b.toml', { facts: { accelerator: 'H100', gpus: 8, price_per_hour: 2.5 } }).throughput!;
    assert.equal(priced.acceleratorHours, priced.days! * 24 * 8);
    assert.equal(priced.cost, priced.acceleratorHours! * 2.5);
  });

  it("reads torchtune's chunked loss (8 chunks) and activation offloading", () => {
    const analysis = analyze(TUNE, '3B_full_single_device.yaml', { facts: { accelerator: 'A100' } });
    assert.equal(knob(analysis, 'lossChunks'), 8);
    assert.equal(knob(analysis, 'offloadActivations'), true);
    assert.equal(knob(analysis, 'recompute'), 'full');
  });
});
