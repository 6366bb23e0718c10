import assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';
import { detailedFlops } from '../../../src/core/budget/detailedFlops';
import { analyzeExample } from '../formats/examples';

const read = (relative: string) => analyzeExample(relative).analysis;

// Llama 4 as huggingface/transformers@b17cfe48c5a9631dcf9f57f3865a055903800f81 builds it
// (models/llama4/configuration_llama4.py, Llama4TextConfig; modeling_llama4.py Llama4TextMoe):
// an MoE layer holds num_local_experts experts of width intermediate_size, a router h×E and one
// shared expert of the same width; the other layers a dense MLP of width intermediate_size_mlp.
describe('Llama 4 (interleaved experts with a shared expert)', () => {
  it('reads Llama-4-Scout-17B-16E at 107,769,861,120 text parameters and 17,172,894,720 active', () => {
    // Per layer: attention 5120×(40+16)×128 + 40×128×5120 = 62,914,560; 16 experts 2,013,265,920;
    // router 81,920; shared expert 3×5120×8192 = 125,829,120; 2 norms 10,240: 2,202,101,760 × 48,
    // + 2 × 202,048 × 5120 + 5120. The same figures torchtitan's own 17bx16e flavor gives.
    const analysis = read('huggingface/llama-4-scout-17b-16e.config.json');
    assert.equal(analysis.parameters.total, 107_769_861_120);
    assert.equal(analysis.parameters.active, 17_172_894_720);
    assert.ok(analysis.model.count?.parts.some((part) => part.id === 'shared-experts'));
  });

  it('puts experts on every second layer with interleave_moe_layer_step 2 (Maverick: 400,711,848,960 total)', () => {
    const scout = JSON.parse(analyzeExample('huggingface/llama-4-scout-17b-16e.config.json').text) as { text_config: Record<string, unknown> };
    const text: Record<string, unknown> = { ...scout.text_config, num_local_experts: 128, interleave_moe_layer_step: 2 };
    delete text.moe_layers; // Scout lists every layer; Maverick's come from the step
    const maverick = { ...scout, text_config: text };
    const analysis = analyze(JSON.stringify(maverick), 'config.json');
    // 24 MoE layers (1, 3, …, 47) of 128 experts with a shared expert, 24 dense layers of 3 × 5120 × 16384.
    assert.equal(analysis.parameters.total, 400_711_848_960);
    assert.equal(analysis.parameters.active, 17_184_691_200);
  });
});

// MambaConfig / Mamba2Config and their mixers (huggingface/transformers models/mamba, models/mamba2):
// each layer is one RMSNorm and one mixer; no attention, no MLP.
describe('pure Mamba and Mamba-2 configs', () => {
  it('reads state-spaces/mamba-130m-hf at 129,135,360', () => {
    // Mixer: in 768×3072 + conv 1536×4 + 1536 + x 1536×(48+32) + dt 48×1536 + 1536 + A 1536×16 + D 1536
    // + out 1536×768 = 3,770,880, one norm 768: 3,771,648 × 24 + tied embedding 50,280 × 768 + final norm.
    const analysis = read('huggingface/mamba-130m-hf.config.json');
    assert.equal(analysis.parameters.total, 3_771_648 * 24 + 50_280 * 768 + 768);
    assert.equal(analysis.parameters.total, 129_135_360);
    assert.equal(analysis.model.architecture?.stack?.attentionLayers, 0);
  });

  it('reads mistralai/Mamba-Codestral-7B-v0.1 (Mamba-2) at 7,285,403,648', () => {
    // Mixer: in 4096 × (8192 + 10240 + 128) + conv 10240 × 4 + 10240 + 3 × 128 + norm 8192 + out 8192 × 4096
    // = 109,635,968, one norm 4096; × 64, + untied embeddings 2 × 32,768 × 4096 + final norm.
    const analysis = read('huggingface/mamba-codestral-7b-v0.1.config.json');
    assert.equal(analysis.parameters.total, (109_635_968 + 4096) * 64 + 2 * 32_768 * 4096 + 4096);
    assert.equal(analysis.parameters.total, 7_285_403_648);
  });

  it('takes Mamba2Config’s defaults for keys not written, and says they were assumed', () => {
    const analysis = analyze(
      JSON.stringify({ model_type: 'mamba2', hidden_size: 1536, num_hidden_layers: 48, vocab_size: 50288, num_heads: 48, n_groups: 1 }),
      'config.json',
    );
    // head_dim 64, state_size 128, conv_kernel 4 by default: the mamba2-780m shape (tie_word_embeddings false by default).
    assert.equal(analysis.parameters.total, 780_161_280 + 50_288 * 1536);
    const mixer = analysis.model.architecture?.stack?.mixer;
    assert.ok(mixer?.kind === 'mamba2' && mixer.stateSize.origin === 'assumed' && /Mamba2Config default/.test(mixer.stateSize.note ?? ''));
  });

  it('has no attention over the context in the FLOP count', () => {
    const arch = read('huggingface/mamba-130m-hf.config.json').model.architecture!;
    const flops = detailedFlops(arch, { sequenceLength: 2048 });
    assert.deepEqual(
      flops.components.map((component) => component.id),
      ['dense', 'logits'],
    );
  });
});
