import assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';
import { analyzeExample } from '../formats/examples';

// The shapes below are the published architectures (model cards and the configs' values); the
// expected counts are derived by hand from transformers' modeling code, not from this project.
const count = (config: Record<string, unknown>) => analyze(JSON.stringify(config), 'config.json').parameters;

describe('multi-head latent attention (DeepSeek-V2/V3)', () => {
  it('counts DeepSeek-V2-Lite (q_lora_rank null: one full q projection) at 15,706,484,224', () => {
    // Attention per layer 2048×16×192 + 2048×576 + 512 + 512×16×256 + 16×128×2048 = 13,763,072;
    // 1 dense layer 3×2048×10944; 26 MoE layers of 64 experts of 3×2048×1408, 2 shared, a 2048×64 router.
    const { total } = count({
      model_type: 'deepseek_v2',
      hidden_size: 2048,
      intermediate_size: 10944,
      moe_intermediate_size: 1408,
      num_hidden_layers: 27,
      num_attention_heads: 16,
      num_key_value_heads: 16,
      n_routed_experts: 64,
      n_shared_experts: 2,
      num_experts_per_tok: 6,
      first_k_dense_replace: 1,
      moe_layer_freq: 1,
      q_lora_rank: null,
      kv_lora_rank: 512,
      qk_nope_head_dim: 128,
      qk_rope_head_dim: 64,
      v_head_dim: 128,
      vocab_size: 102400,
      tie_word_embeddings: false,
    });
    assert.equal(total, 15_706_484_224);
  });

  it('counts DeepSeek-V3 at 671,026,419,200 (the 671B of the paper, without the multi-token-prediction layer)', () => {
    const { total, active } = count({
      model_type: 'deepseek_v3',
      hidden_size: 7168,
      intermediate_size: 18432,
      moe_intermediate_size: 2048,
      num_hidden_layers: 61,
      num_attention_heads: 128,
      num_key_value_heads: 128,
      n_routed_experts: 256,
      n_shared_experts: 1,
      num_experts_per_tok: 8,
      first_k_dense_replace: 3,
      q_lora_rank: 1536,
      kv_lora_rank: 512,
      qk_nope_head_dim: 128,
      qk_rope_head_dim: 64,
      v_head_dim: 128,
      vocab_size: 129280,
      tie_word_embeddings: false,
      topk_method: 'noaux_tc',
      num_nextn_predict_layers: 1,
    });
    assert.equal(total, 671_026_419_200);
    assert.equal(active, 37_552_297_472);
  });
});

describe('hybrid Mamba/attention stacks', () => {
  it('counts Jamba v0.1 at 51,570,323,328 total and 12,110,311,296 active (published 52B / 12B)', () => {
    // 4 attention and 28 Mamba layers (period 8, offset 4); 16 MoE layers (period 2, offset 1) of
    // 16 experts; mixer 105,308,448 per layer with in/conv/x/dt/out projections, A_log, D and the dt/B/C norms.
    const { total, active } = count({
      model_type: 'jamba',
      hidden_size: 4096,
      intermediate_size: 14336,
      num_hidden_layers: 32,
      num_attention_heads: 32,
      num_key_value_heads: 8,
      num_experts: 16,
      num_experts_per_tok: 2,
      attn_layer_period: 8,
      attn_layer_offset: 4,
      expert_layer_period: 2,
      expert_layer_offset: 1,
      mamba_d_state: 16,
      mamba_d_conv: 4,
      mamba_expand: 2,
      mamba_dt_rank: 256,
      mamba_conv_bias: true,
      mamba_proj_bias: false,
      vocab_size: 65536,
      tie_word_embeddings: false,
    });
    assert.equal(total, 51_570_323_328);
    assert.equal(active, 12_110_311_296);
  });

  it('lays Nemotron-H out from hybrid_override_pattern: one block per layer, one norm each', () => {
    // 2 layers: a Mamba-2 mixer and an MLP. Mixer: in_proj 64 × (256 + 384 + 4), conv 384 × 4 + 384,
    // dt_bias/A_log/D 3 × 4, gated norm 256, out_proj 256 × 64; MLP 2 × 64 × 128 (relu², not gated).
    const { total } = count({
      model_type: 'nemotron_h',
      hidden_size: 64,
      intermediate_size: 128,
      num_hidden_layers: 2,
      num_attention_heads: 4,
      num_key_value_heads: 2,
      head_dim: 16,
      hybrid_override_pattern: 'M-',
      mamba_num_heads: 4,
      mamba_head_dim: 64,
      ssm_state_size: 16,
      n_groups: 4,
      conv_kernel: 4,
      vocab_size: 100,
      tie_word_embeddings: false,
    });
    const mixer = 64 * (256 + 384 + 4) + 384 * 4 + 384 + 12 + 256 + 256 * 64;
    const mlp = 2 * 64 * 128;
    assert.equal(total, 2 * 100 * 64 + mixer + mlp + 2 * 64 + 64);
  });
});

describe('GPT-BigCode and PhiMoE', () => {
  it('counts SantaCoder (multi-query attention, learned positions, biases) at 1,124,886,528', () => {
    const { total } = count({
      model_type: 'gpt_bigcode',
      n_embd: 2048,
      n_layer: 24,
      n_head: 16,
      n_positions: 2048,
      n_inner: null,
      vocab_size: 49280,
      multi_query: true,
    });
    assert.equal(total, 1_124_886_528);
  });

  it('counts Phi-3.5-MoE at 41,873,121,280 total and 6,640,967,680 active (published 41.9B / 6.6B), experts without biases', () => {
    const { total, active } = count({
      model_type: 'phimoe',
      hidden_size: 4096,
      intermediate_size: 6400,
      num_hidden_layers: 32,
      num_attention_heads: 32,
      num_key_value_heads: 8,
      num_local_experts: 16,
      num_experts_per_tok: 2,
      vocab_size: 32064,
      tie_word_embeddings: false,
      attention_bias: true,
    });
    assert.equal(total, 41_873_121_280);
    assert.equal(active, 6_640_967_680);
  });

  it('adds the output-layer bias when PhiMoE sets lm_head_bias (32,064 more)', () => {
    const { total } = count({
      model_type: 'phimoe',
      hidden_size: 4096,
      intermediate_size: 6400,
      num_hidden_layers: 32,
      num_attention_heads: 32,
      num_key_value_heads: 8,
      num_local_experts: 16,
      num_experts_per_tok: 2,
      vocab_size: 32064,
      tie_word_embeddings: false,
      attention_bias: true,
      lm_head_bias: true,
    });
    assert.equal(total, 41_873_121_280 + 32_064);
  });
});

describe('dense layers that outnumber the stack', () => {
  it('leaves no MoE layers rather than a negative count', () => {
    const { total, active } = count({
      model_type: 'deepseek_v2',
      hidden_size: 64,
      intermediate_size: 128,
      moe_intermediate_size: 32,
      num_hidden_layers: 2,
      num_attention_heads: 4,
      n_routed_experts: 4,
      num_experts_per_tok: 2,
      first_k_dense_replace: 1e30,
      kv_lora_rank: 16,
      qk_nope_head_dim: 8,
      qk_rope_head_dim: 8,
      v_head_dim: 8,
      vocab_size: 100,
    });
    assert.ok(total === null || total > 0, String(total));
    assert.ok(active === null || active > 0, String(active));
  });
});

describe('Hub config.json files', () => {
  it("counts DeepSeek-V3's own config.json (Hub bytes, via ai-dynamo/aiconfigurator@0b077da) at 671,026,419,200", () => {
    assert.equal(analyzeExample('huggingface/deepseek-v3.config.json').analysis.parameters.total, 671_026_419_200);
  });

  it("reads Nemotron-H-56B's config.json, which holds a bare Infinity, without a parse error", () => {
    const { analysis } = analyzeExample('huggingface/nemotron-h-56b-base-8k.config.json');
    assert.ok(!analysis.findings.some((finding) => finding.code === 'parse-error'));
    assert.ok((analysis.parameters.total ?? 0) > 50e9);
  });
});
