import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../src/core/analyze';

const example = (path: string) => readFileSync(join(__dirname, '..', '..', '..', '..', 'test', 'examples', path), 'utf8');

describe('fine-tuning compute with LoRA adapters', () => {
  it('counts Axolotl’s rank-32 LoRA on every linear layer of Llama-3-8B as 83,886,080 trainable parameters', () => {
    // Per layer r·(in + out): q 32·(4096+4096), k and v 32·(4096+1024), o 32·(4096+4096),
    // gate, up and down 32·(4096+14336); × 32 layers = 83,886,080 (what PEFT prints for this setup).
    const analysis = analyze(`# compute-budget: dataset_tokens=25M\n${example('axolotl/llama-3-lora-8b.yml')}`, 'llama-3-lora-8b.yml');
    assert.equal(analysis.adapter?.kind, 'lora');
    assert.equal(analysis.adapter?.rank, 32);
    assert.deepEqual(analysis.adapter?.modules, ['q', 'k', 'v', 'o', 'gate', 'up', 'down']);
    assert.equal(analysis.adapter?.trainable, 83_886_080);
    // (4·N + 2·N_trainable)·D with D = 4 epochs × 25M × 95% = 95M tokens.
    assert.equal(analysis.flops, (4 * 8_030_261_248 + 2 * 83_886_080) * 95e6);
  });

  it('reads torchtune’s lora_attn_modules and apply_lora_to_mlp for Llama-3.2-1B at rank 64', () => {
    // q 64·(2048+2048), v 64·(2048+512), output_proj 64·(2048+2048), gate/up/down 64·(2048+8192), × 16 layers.
    const analysis = analyze(example('torchtune/llama3_2-1B_lora_single_device.yaml'), 'llama3_2-1B_lora_single_device.yaml');
    assert.deepEqual(analysis.adapter?.modules, ['q', 'v', 'o', 'gate', 'up', 'down']);
    assert.equal(analysis.adapter?.trainable, 64 * 16 * (4096 + 2560 + 4096 + 3 * 10240));
  });

  it('reads LitGPT’s lora_query and lora_value on Llama-2-7B at rank 32', () => {
    const analysis = analyze(example('litgpt/llama-2-7b-lora.yaml'), 'llama-2-7b-lora.yaml');
    assert.deepEqual(analysis.adapter?.modules, ['q', 'v']);
    assert.equal(analysis.adapter?.trainable, 2 * 32 * 32 * (4096 + 4096));
  });

  it('names the LoRA targets it cannot count instead of guessing', () => {
    const text =
      'base_model: meta-llama/Llama-2-7b-hf\nadapter: lora\nlora_r: 16\nlora_target_modules: [q_proj, v_proj, rotary_thing, constructor]\n# compute-budget: tokens=1B\n';
    const analysis = analyze(text, 'lora.yml');
    assert.deepEqual(analysis.adapter?.modules, ['q', 'v']);
    assert.equal(analysis.adapter?.trainable, 2 * 16 * 32 * 8192);
    assert.ok(
      analysis.findings.some((finding) => /"rotary_thing", "constructor"/.test(finding.message)),
      analysis.findings.map((finding) => finding.message).join('\n'),
    );
  });

  it('leaves full fine-tunes at 6·N·D', () => {
    const full = analyze(`# compute-budget: dataset_tokens=10M\n${example('axolotl/lfm2-350m-fft.yaml')}`, 'lfm2-350m-fft.yaml');
    assert.equal(full.adapter, null);
  });
});
