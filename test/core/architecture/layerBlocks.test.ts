import assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';
import { detailedFlops } from '../../../src/core/budget/detailedFlops';
import { ffnMultToWidth } from '../../../src/core/formats/huggingface/blockConfigs';
import { analyzeExample } from '../formats/examples';

// Expected counts are worked out by hand from the way NVIDIA/TensorRT-LLM@4d36536824297d167f4f5cfbd0217eb723014b81
// (tensorrt_llm/_torch/models/modeling_nemotron_nas.py) builds each layer from its block config:
// attention `no_op` drops the attention and its norm, `replace_with_linear` is a norm and one h×h
// linear layer, else q, k, v, o with heads ÷ n_heads_in_group KV heads; the same for the MLP, whose
// width is int(2·ffn_mult·h/3) rounded up to a multiple of 256.
describe('per-layer shapes (Nemotron-NAS / DeciLM block_configs)', () => {
  it('reads Llama-3.3-Nemotron-Super-49B-v1 as 49,867,145,216 parameters, not a uniform 80-layer 88B', () => {
    // 49 attention layers of 8192×(64+16)×128 + 64×128×8192 = 150,994,944; 31 without attention.
    // MLP widths: 49 × 28,672 (ffn_mult 5.25), 10 × 7,168, 8 × 5,632, 6 × 14,336, 6 × 2,816, 1 × 17,920:
    // 3 × 8192 × 1,642,496 = 40,365,981,696. Norms: 49 + 80 = 129 of 8192. Embedding and untied output 2 × 128,256 × 8192.
    const { analysis } = analyzeExample('huggingface/llama-3_3-nemotron-super-49b-v1.config.json');
    const expected = 2 * 128_256 * 8192 + 49 * 150_994_944 + 40_365_981_696 + 129 * 8192 + 8192;
    assert.equal(expected, 49_867_145_216);
    assert.equal(analysis.parameters.total, expected);
    assert.ok(!analysis.findings.some((finding) => finding.severity === 'error' || finding.code === 'invalid-number'));
  });

  it('reads Llama-3.1-Nemotron-Ultra-253B-v1 (81 layers without an MLP) as 253,401,268,224', () => {
    const { analysis } = analyzeExample('huggingface/llama-3_1-nemotron-ultra-253b-v1.config.json');
    assert.equal(analysis.parameters.total, 253_401_268_224);
  });

  it('rounds ffn_mult widths as _ffn_mult_to_intermediate_size does', () => {
    assert.equal(ffnMultToWidth(5.25, 8192), 28_672);
    assert.equal(ffnMultToWidth(3.28125, 8192), 17_920);
    assert.equal(ffnMultToWidth(1, 1000), 768); // int(666.67) = 666, up to 768
  });

  const small = (blocks: unknown[]) =>
    analyze(
      JSON.stringify({
        model_type: 'nemotron-nas',
        architectures: ['DeciLMForCausalLM'],
        hidden_size: 512,
        num_attention_heads: 8,
        num_hidden_layers: blocks.length,
        num_key_value_heads: null,
        intermediate_size: null,
        vocab_size: 1000,
        tie_word_embeddings: false,
        block_configs: blocks,
      }),
      'config.json',
    );

  it('counts a layer replaced by linear layers as a norm and one h×h matrix each', () => {
    const analysis = small([
      { attention: { n_heads_in_group: 4, no_op: false, replace_with_linear: false }, ffn: { ffn_mult: 1.5, no_op: false, replace_with_linear: false } },
      { attention: { no_op: false, replace_with_linear: true }, ffn: { no_op: false, replace_with_linear: true } },
      { attention: { no_op: true }, ffn: { no_op: true } },
    ]);
    // Layer 0: attention 512×(8+2×2)×64 + 8×64×512 = 655,360; MLP width int(2×1.5×512/3) = 512, 3×512×512 = 786,432; 2 norms.
    // Layer 1: 2 × 512×512 = 524,288 and 2 norms. Layer 2: nothing. Final norm; embedding and output 2 × 1000 × 512.
    assert.equal(analysis.parameters.total, 655_360 + 786_432 + 524_288 + 4 * 512 + 512 + 2 * 1000 * 512);
    const arch = analysis.model.architecture!;
    // Only the one real attention layer attends over the context.
    const scores = detailedFlops(arch, { sequenceLength: 1024 }).components.find((component) => component.id === 'attention-scores')!;
    assert.equal(scores.perToken, 6 * 1 * 8 * (64 + 64) * (1025 / 2));
  });

  it('warns at block_configs and does not read it when a layer has no n_heads_in_group', () => {
    const analysis = small([{ attention: { no_op: false }, ffn: { ffn_mult: 1 } }]);
    const warning = analysis.findings.find((finding) => finding.code === 'invalid-number');
    assert.ok(warning && /n_heads_in_group/.test(warning.message), JSON.stringify(analysis.findings));
    assert.equal(analysis.model.architecture?.blocks, undefined);
  });

  it('does not read a block whose MLP width is beyond any real model, so no count is infinite (fuzz case)', () => {
    for (const ffn of [{ ffn_mult: 1e308 }, { intermediate_size: 1e300 }]) {
      const analysis = small([{ attention: { n_heads_in_group: 4 }, ffn }]);
      const warning = analysis.findings.find((finding) => finding.code === 'invalid-number');
      assert.ok(warning && /beyond any real model/.test(warning.message), JSON.stringify(analysis.findings));
      assert.equal(analysis.model.architecture?.blocks, undefined);
      assert.ok(analysis.parameters.total === null || Number.isFinite(analysis.parameters.total), String(analysis.parameters.total));
    }
  });
});
