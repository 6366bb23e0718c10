import assert from 'node:assert/strict';
import { analyze, type Analysis } from '../../../src/core/analyze';

/**
 * Published parameter counts of models that are not among the shared fixtures, each read from
 * the Hugging Face config.json the model ships with (the fields that fix the count; other keys
 * such as dropout or rope settings are left out).
 */
function count(config: Record<string, unknown>): Analysis {
  const analysis = analyze(JSON.stringify(config, null, 2), 'config.json');
  assert.equal(analysis.framework, 'huggingface');
  return analysis;
}

const llama = (hidden: number, layers: number, heads: number, kvHeads: number, ffn: number, vocab: number) => ({
  architectures: ['LlamaForCausalLM'],
  model_type: 'llama',
  hidden_size: hidden,
  num_hidden_layers: layers,
  num_attention_heads: heads,
  num_key_value_heads: kvHeads,
  intermediate_size: ffn,
  vocab_size: vocab,
  hidden_act: 'silu',
  rms_norm_eps: 1e-5,
  tie_word_embeddings: false,
});

const neox = (hidden: number, layers: number, heads: number, vocab: number) => ({
  architectures: ['GPTNeoXForCausalLM'],
  model_type: 'gpt_neox',
  hidden_size: hidden,
  num_hidden_layers: layers,
  num_attention_heads: heads,
  intermediate_size: 4 * hidden,
  vocab_size: vocab,
  hidden_act: 'gelu',
  use_parallel_residual: true,
  rotary_pct: 0.25,
  tie_word_embeddings: false,
});

const gpt2 = (hidden: number, layers: number, heads: number) => ({
  architectures: ['GPT2LMHeadModel'],
  model_type: 'gpt2',
  n_embd: hidden,
  n_layer: layers,
  n_head: heads,
  n_ctx: 1024,
  n_positions: 1024,
  vocab_size: 50257,
  activation_function: 'gelu_new',
});

describe('parameter counts of published models from their config.json', () => {
  it('counts Mistral-7B-v0.1 at 7,241,732,096 (GQA with 8 KV heads, SwiGLU 14,336)', () => {
    assert.equal(
      count({ ...llama(4096, 32, 32, 8, 14336, 32000), architectures: ['MistralForCausalLM'], model_type: 'mistral', sliding_window: 4096 }).parameters.total,
      7_241_732_096,
    );
  });

  it('counts Gemma-7B at 8,537,680,896 (head size 256 × 16 heads ≠ hidden 3,072; tied embeddings)', () => {
    const analysis = count({
      architectures: ['GemmaForCausalLM'],
      model_type: 'gemma',
      hidden_size: 3072,
      num_hidden_layers: 28,
      num_attention_heads: 16,
      num_key_value_heads: 16,
      head_dim: 256,
      intermediate_size: 24576,
      vocab_size: 256000,
      hidden_act: 'gelu',
    });
    assert.equal(analysis.parameters.total, 8_537_680_896);
    assert.equal(analysis.model.architecture?.tied.value, true);
  });

  it('counts Falcon-7B at 6,921,720,704 (multi-query attention, parallel block with one LayerNorm, no biases)', () => {
    const analysis = count({
      architectures: ['FalconForCausalLM'],
      model_type: 'falcon',
      hidden_size: 4544,
      num_hidden_layers: 32,
      num_attention_heads: 71,
      multi_query: true,
      parallel_attn: true,
      bias: false,
      new_decoder_architecture: false,
      alibi: false,
      vocab_size: 65024,
    });
    assert.equal(analysis.parameters.total, 6_921_720_704);
    assert.equal(analysis.model.architecture?.kvHeads.value, 1);
  });

  it('counts Llama-2-70B at 68,976,648,192', () => {
    assert.equal(count(llama(8192, 80, 64, 8, 28672, 32000)).parameters.total, 68_976_648_192);
  });

  it('counts Llama-3-70B at 70,553,706,496 (the same body with a 128,256-token vocabulary)', () => {
    assert.equal(count(llama(8192, 80, 64, 8, 28672, 128256)).parameters.total, 70_553_706_496);
  });

  it('counts the Pythia suite: 160M, 410M, 1.4B and 12B', () => {
    assert.equal(count(neox(768, 12, 12, 50304)).parameters.total, 162_322_944);
    assert.equal(count(neox(1024, 24, 16, 50304)).parameters.total, 405_334_016);
    assert.equal(count(neox(2048, 24, 16, 50304)).parameters.total, 1_414_647_808);
    assert.equal(count(neox(5120, 36, 40, 50688)).parameters.total, 11_846_072_320);
  });

  it('counts Qwen2-7B at 7,615,616,512 (biases on q, k and v only)', () => {
    const analysis = count({
      architectures: ['Qwen2ForCausalLM'],
      model_type: 'qwen2',
      hidden_size: 3584,
      num_hidden_layers: 28,
      num_attention_heads: 28,
      num_key_value_heads: 4,
      intermediate_size: 18944,
      vocab_size: 152064,
      tie_word_embeddings: false,
    });
    assert.equal(analysis.parameters.total, 7_615_616_512);
    assert.equal(analysis.model.architecture?.attentionBias, 'qkv');
  });

  it('counts GPT-2 medium, large and XL with learned positions and tied embeddings', () => {
    assert.equal(count(gpt2(1024, 24, 16)).parameters.total, 354_823_168);
    assert.equal(count(gpt2(1280, 36, 20)).parameters.total, 774_030_080);
    assert.equal(count(gpt2(1600, 48, 25)).parameters.total, 1_557_611_200);
  });

  it('counts Qwen1.5-MoE-A2.7B at 14,315,784,192 total and 2,689,173,504 active', () => {
    // By hand, h = 2048, L = 24, vocabulary 151,936, untied:
    //   embeddings         2 × 151,936 × 2,048                        =    622,329,856
    //   per layer:
    //     attention        4 × 2,048² + q,k,v biases 3 × 2,048        =     16,783,360
    //     60 experts       60 × 3 × 2,048 × 1,408 (8,650,752 each)    =    519,045,120
    //     router           2,048 × 60                                 =        122,880
    //     shared expert    3 × 2,048 × 5,632 + its gate 2,048         =     34,605,056
    //     2 RMSNorms       2 × 2,048                                  =          4,096
    //                                                       per layer =    570,560,512
    //   24 layers                                                     = 13,693,452,288
    //   final norm                                                    =          2,048
    //   total                                                         = 14,315,784,192
    // Active: top-4 of the 60 experts, 4 × 8,650,752 = 34,603,008 per layer instead of 519,045,120,
    //   so 86,118,400 per layer × 24 = 2,066,841,600, + 622,329,856 + 2,048 = 2,689,173,504 (≈ 2.7B: "A2.7B").
    const analysis = count({
      architectures: ['Qwen2MoeForCausalLM'],
      model_type: 'qwen2_moe',
      hidden_size: 2048,
      num_hidden_layers: 24,
      num_attention_heads: 16,
      num_key_value_heads: 16,
      intermediate_size: 5632,
      moe_intermediate_size: 1408,
      shared_expert_intermediate_size: 5632,
      num_experts: 60,
      num_experts_per_tok: 4,
      decoder_sparse_step: 1,
      mlp_only_layers: [],
      norm_topk_prob: false,
      vocab_size: 151936,
      tie_word_embeddings: false,
    });
    assert.equal(analysis.parameters.total, 14_315_784_192);
    assert.equal(analysis.parameters.active, 2_689_173_504);
  });

  it('follows the active count for compute: 6 × active × tokens', () => {
    const text = JSON.stringify({
      model_type: 'qwen2_moe',
      hidden_size: 2048,
      num_hidden_layers: 24,
      num_attention_heads: 16,
      intermediate_size: 5632,
      moe_intermediate_size: 1408,
      shared_expert_intermediate_size: 5632,
      num_experts: 60,
      num_experts_per_tok: 4,
      vocab_size: 151936,
      tie_word_embeddings: false,
    });
    const analysis = analyze(text, 'config.json', { facts: { tokens: '1T' } });
    assert.equal(analysis.flops, 6 * 2_689_173_504 * 1e12);
  });
});
