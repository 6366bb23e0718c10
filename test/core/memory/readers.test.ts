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
