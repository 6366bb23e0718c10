import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';
import type { Architecture } from '../../../src/core/architecture/architecture';
import { averageChunkKeys, detailedFlops } from '../../../src/core/budget/detailedFlops';
import { findModel } from '../../../src/core/catalog/models';
import { fact } from '../../../src/core/source/fact';

function architectureOf(config: object): Architecture {
  const architecture = analyze(JSON.stringify(config), 'config.json').model.architecture;
  assert.ok(architecture, 'no architecture');
  return architecture;
}

const catalog = (id: string) => architectureOf(findModel(id)!.config);

function within(ours: number, theirs: number, tolerance: number, what: string): void {
  assert.ok(Math.abs(ours / theirs - 1) < tolerance, `${what}: ${ours} vs ${theirs} (${((ours / theirs - 1) * 100).toFixed(3)}%)`);
}

/**
 * NVIDIA/Megatron-LM@d98e8a64ddf34856e74b24714e3bedb2f5a39553:megatron/training/training.py,
 * `num_floating_point_operations`, GQA path, per token of a BSHD batch: 3·2·h·(f·(3/2·2 for SwiGLU))·L
 * + 3·2·(h·(q + 2kv) + q·h)·L + 3·2·q·s/2·2·L (core attention, halved for the causal mask)
 * + MTP: its layers added to the dense layers, 3·2·(3h + 2h²) each, and logits × (mtp + 1).
 */
function megatron(shape: { h: number; L: number; a: number; g: number; d: number; f: number; V: number; s: number; mtp?: number }): number {
  const { h, L, a, g, d, f, V, s } = shape;
  const mtp = shape.mtp ?? 0;
  const layers = L + mtp;
  const q = a * d;
  const kv = g * d;
  const mlp = 3 * 2 * h * (f * 3) * layers; // ffn_expansion_factor 3 for SwiGLU (gate, up, down)
  const projections = 3 * 2 * (h * (q + 2 * kv) + q * h) * layers;
  const core = ((3 * 2 * q) / 2) * 2 * s * layers;
  const mtpExtra = 3 * 2 * mtp * (3 * h + 2 * h * h);
  const logits = 3 * 2 * h * V * (mtp + 1);
  return mlp + projections + core + mtpExtra + logits;
}

/**
 * The same `num_floating_point_operations` on its multi-latent-attention and MoE path, per token
 * (BSHD): dense MLPs on the dense layers, top-k experts and the shared expert on the MoE layers (the
 * MTP layer is an MoE layer when the last layer is), MLA's projections, core attention halved for the
 * causal mask, MTP norms and projection, logits × (mtp + 1). Routers are not counted there.
 */
function megatronMla(shape: {
  h: number;
  dense: number;
  moe: number;
  a: number;
  f: number;
  fe: number;
  k: number;
  shared: number;
  qLora: number;
  kvLora: number;
  qk: number;
  rope: number;
  v: number;
  V: number;
  s: number;
  mtp: number;
}): number {
  const { h, dense, a, f, fe, k, shared, qLora, kvLora, qk, rope, v, V, s, mtp } = shape;
  const moe = shape.moe + mtp;
  const layers = dense + shape.moe + mtp;
  const qTerm = qLora * (h + a * (qk + rope) + 1);
  const attention = 6 * (qTerm + kvLora * (h + a * (qk + v) + 1) + h * rope + a * v * h) * layers;
  const core = 6 * ((a * (qk + rope)) / 2 + (a * v) / 2) * s * layers;
  const mlp = 6 * h * (f * 3 * dense + fe * k * 3 * moe + shared * 3 * moe);
  const mtpExtra = 6 * mtp * (3 * h + 2 * h * h);
  const logits = 6 * h * V * (mtp + 1);
  return mlp + attention + core + mtpExtra + logits;
}

/**
 * AI-Hypercomputer/maxtext@e591f30cbbf217ed67ef71263ec0538239f9c3b8:src/maxtext/utils/maxtext_utils.py,
 * `calculate_tflops_training_per_device` with `calculate_mixed_attention_model_tflops_training_per_device`,
 * per token: weights 3·(ffn + qkv + projection)·L + 3·embedding, local causal attention
 * 3·4·(T·W − W²/2)·a·d / T per local layer, global causal 3·2·T²·a·d / T per global layer.
 */
function maxtext(shape: { h: number; L: number; a: number; g: number; d: number; f: number; V: number; T: number; W: number; localLayers: number }): number {
  const { h, L, a, g, d, f, V, T, W, localLayers } = shape;
  const ffn = 2 * h * f * 2 + 2 * f * h;
  const qkv = 2 * h * (a + 2 * g) * d;
  const projection = 2 * h * a * d;
  const embedding = 2 * h * V;
  const window = Math.min(W, T);
  const local = (4 * (T * window - 0.5 * window * window) * a * d) / T;
  const global = (2 * T * T * a * d) / T;
  return 3 * ((ffn + qkv + projection) * L + embedding) + 3 * (localLayers * local + (L - localLayers) * global);
}

/**
 * pytorch/torchtitan@76dd118bd11ff2e52550378f8d3bc74917a8d38d:torchtitan/models/utils.py, `get_num_flop_per_token`:
 * 6·(N − embedding) + 12·L·H·Q·T, every key attended. karpathy/nanoGPT model.py `estimate_mfu`
 * (PaLM appendix B) is the same 6·N + 12·L·H·Q·T with N the parameters less the position embedding.
 */
function torchtitan(shape: { nonEmbedding: number; L: number; a: number; d: number; T: number }): number {
  const { nonEmbedding, L, a, d, T } = shape;
  return 6 * nonEmbedding + 12 * L * a * d * T;
}

describe('the FLOP count names its attention convention and agrees with the counters that use it', () => {
  it('counts causal attention as Megatron-LM does, within 0.5%, for Llama-2-7B at 4,096 tokens', () => {
    const ours = detailedFlops(catalog('meta-llama/Llama-2-7b-hf'), { sequenceLength: 4096 });
    assert.equal(ours.convention, 'causal');
    within(ours.perToken, megatron({ h: 4096, L: 32, a: 32, g: 32, d: 128, f: 11008, V: 32000, s: 4096 }), 0.005, 'Megatron-LM');
  });

  it('gives torchtitan’s full-attention figure beside it, within 0.5%, for Llama-3-8B at 8,192 tokens', () => {
    const ours = detailedFlops(catalog('meta-llama/Meta-Llama-3-8B'), { sequenceLength: 8192 });
    const theirs = torchtitan({ nonEmbedding: 8_030_261_248 - 128_256 * 4096, L: 32, a: 32, d: 128, T: 8192 });
    within(ours.fullAttentionPerToken, theirs, 0.005, 'torchtitan');
    // The causal figure is well below it at this context: the convention matters.
    assert.ok(ours.perToken < 0.9 * theirs, `${ours.perToken} vs ${theirs}`);
  });

  it('gives nanoGPT’s estimate_mfu figure for GPT-2 (124M) at 1,024 tokens in the full convention, within 0.5%', () => {
    const ours = detailedFlops(catalog('openai-community/gpt2'), { sequenceLength: 1024 });
    // nanoGPT's get_num_params(): 124,439,808 with the tied token embedding, less 1,024 × 768 positions.
    within(ours.fullAttentionPerToken, torchtitan({ nonEmbedding: 124_439_808 - 1024 * 768, L: 12, a: 12, d: 64, T: 1024 }), 0.005, 'nanoGPT');
  });

  it('caps Mistral-7B-v0.1’s attention at its 4,096-token window at 32k, within 0.5% of MaxText’s count', () => {
    const arch = catalog('mistralai/Mistral-7B-v0.1');
    assert.equal(arch.localAttention?.size.value, 4096);
    assert.equal(arch.localAttention?.layers.filter(Boolean).length, 32);
    const ours = detailedFlops(arch, { sequenceLength: 32768 });
    within(ours.perToken, maxtext({ h: 4096, L: 32, a: 32, g: 8, d: 128, f: 14336, V: 32000, T: 32768, W: 4096, localLayers: 32 }), 0.005, 'MaxText');
    // The windowed attention is far below full causal attention over 32k keys.
    const unwindowed = detailedFlops({ ...arch, localAttention: undefined }, { sequenceLength: 32768 });
    assert.ok(ours.perToken < 0.75 * unwindowed.perToken, `${ours.perToken} vs ${unwindowed.perToken}`);
    // Every key in the window, no causal half: the full convention.
    const scores = (value: typeof ours) => value.components.find((c) => c.id === 'attention-scores')!.perToken;
    within(ours.fullAttentionPerToken - ours.perToken + scores(ours), 6 * 32 * 32 * 256 * 4096, 1e-9, 'full-convention window');
  });

  it('counts multi-token prediction as Megatron-LM does, within 0.5%: one more layer, its projection and logits per depth', () => {
    const base = catalog('meta-llama/Llama-2-7b-hf');
    const withMtp: Architecture = { ...base, mtpLayers: fact(1, 'config', { key: 'mtp_num_layers' }) };
    const ours = detailedFlops(withMtp, { sequenceLength: 4096 });
    within(ours.perToken, megatron({ h: 4096, L: 32, a: 32, g: 32, d: 128, f: 11008, V: 32000, s: 4096, mtp: 1 }), 0.005, 'Megatron-LM with MTP');
    const without = detailedFlops(base, { sequenceLength: 4096 });
    assert.ok(ours.components.some((c) => c.id === 'prediction-layers'));
    assert.ok(ours.perToken > 1.03 * without.perToken, `${ours.perToken} vs ${without.perToken}`);
  });

  it('counts DeepSeek-V3’s num_nextn_predict_layers as Megatron-LM counts --mtp-num-layers 1, within 0.5%, and keeps N at 671.0B', () => {
    const arch = catalog('deepseek-ai/DeepSeek-V3');
    assert.equal(arch.mtpLayers?.value, 1);
    assert.equal(analyze(JSON.stringify(findModel('deepseek-ai/DeepSeek-V3')!.config), 'config.json').parameters.total, 671_026_419_200);
    const ours = detailedFlops(arch, { sequenceLength: 4096 });
    const shape = {
      h: 7168,
      dense: 3,
      moe: 58,
      a: 128,
      f: 18432,
      fe: 2048,
      k: 8,
      shared: 2048,
      qLora: 1536,
      kvLora: 512,
      qk: 128,
      rope: 64,
      v: 128,
      V: 129280,
      s: 4096,
    };
    within(ours.perToken, megatronMla({ ...shape, mtp: 1 }), 0.005, 'Megatron-LM DeepSeek-V3 with MTP');
    // The prediction module adds about 4% per token (the issue measured +4.1%).
    const without = detailedFlops({ ...arch, mtpLayers: undefined }, { sequenceLength: 4096 });
    within(ours.perToken / without.perToken, megatronMla({ ...shape, mtp: 1 }) / megatronMla({ ...shape, mtp: 0 }), 0.005, 'MTP share');
    assert.ok(ours.perToken > 1.035 * without.perToken, `${ours.perToken} vs ${without.perToken}`);
  });

  it('gives the catalog’s Gemma 2 and Gemma 3 their windows, so a catalog model is counted as MaxText counts it, within 0.5%', () => {
    const gemma2 = catalog('google/gemma-2-9b');
    assert.equal(gemma2.localAttention?.size.value, 4096);
    const ours = detailedFlops(gemma2, { sequenceLength: 8192 });
    within(ours.perToken, maxtext({ h: 3584, L: 42, a: 16, g: 8, d: 256, f: 14336, V: 256000, T: 8192, W: 4096, localLayers: 21 }), 0.005, 'MaxText Gemma 2');
    const gemma3 = catalog('google/gemma-3-27b-pt');
    assert.deepEqual([gemma3.localAttention?.size.value, gemma3.localAttention?.layers.filter(Boolean).length], [1024, 52]);
    assert.equal(catalog('google/gemma-3-1b-pt').localAttention?.size.value, 512);
  });

  it('gives Phi-3 mini and medium 4k the Hub’s window of 2,047 (not LitGPT’s 2,048), and their 128k models none', () => {
    assert.equal(catalog('microsoft/Phi-3-mini-4k-instruct').localAttention?.size.value, 2047);
    assert.equal(catalog('microsoft/Phi-3-medium-4k-instruct').localAttention?.size.value, 2047);
    assert.equal(catalog('microsoft/Phi-3-mini-128k-instruct').localAttention, undefined);
    assert.equal(catalog('microsoft/Phi-3-medium-128k-instruct').localAttention, undefined);
  });

  it('reads Megatron-LM’s --window-size and --window-attn-skip-freq, so a Mistral-shaped launch is counted as MaxText counts Mistral, within 0.5%', () => {
    const launch = (flags: string) =>
      analyze(
        '#!/bin/bash\ntorchrun pretrain_gpt.py --num-layers 32 --hidden-size 4096 --ffn-hidden-size 14336 --num-attention-heads 32 ' +
          '--group-query-attention --num-query-groups 8 --swiglu --normalization RMSNorm --disable-bias-linear ' +
          '--untie-embeddings-and-output-weights --position-embedding-type rope --vocab-size 32000 --make-vocab-size-divisible-by 128 ' +
          `--seq-length 32768 --max-position-embeddings 32768 ${flags} --train-iters 10 --global-batch-size 8\n`,
        'train.sh',
      ).model.architecture!;
    // Transformer Engine's (left, right) window: 4,095 keys before a token and the token itself.
    const every = launch('--window-size 4095,0');
    assert.equal(every.localAttention?.size.value, 4096);
    const ours = detailedFlops(every, { sequenceLength: 32768 });
    within(ours.perToken, maxtext({ h: 4096, L: 32, a: 32, g: 8, d: 128, f: 14336, V: 32000, T: 32768, W: 4096, localLayers: 32 }), 0.005, 'MaxText');
    // is_layer_window_attention: layer_number % N != 0 is windowed (1-indexed), or a pattern, 1 windowed.
    assert.equal(launch('--window-size 4095,0 --window-attn-skip-freq 4').localAttention?.layers.filter(Boolean).length, 24);
    assert.deepEqual(launch('--window-size 4095,0 --window-attn-skip-freq "([1,0]*16)"').localAttention?.layers.slice(0, 3), [true, false, true]);
    assert.equal(launch('').localAttention, undefined);
  });

  it('reads MaxText’s sliding_window_size where its gemma2 block uses it (local, then global) and not on blocks that build global attention', () => {
    const gemma2 = analyze('model_name: gemma2-9b\nmax_target_length: 8192\nsteps: 10\nper_device_batch_size: 1\n', 'gemma2.yml').model.architecture!;
    assert.equal(gemma2.localAttention?.size.value, 4096);
    assert.deepEqual(gemma2.localAttention?.layers.slice(0, 4), [true, false, true, false]);
    within(
      detailedFlops(gemma2, { sequenceLength: 8192 }).perToken,
      maxtext({ h: 3584, L: 42, a: 16, g: 8, d: 256, f: 14336, V: 256128, T: 8192, W: 4096, localLayers: 21 }),
      0.005,
      'MaxText gemma2-9b',
    );
    const mistral = analyze(
      'decoder_block: mistral\nbase_emb_dim: 4096\nbase_num_query_heads: 32\nbase_num_kv_heads: 8\nbase_mlp_dim: 14336\n' +
        'base_num_decoder_layers: 32\nhead_dim: 128\nvocab_size: 32000\nsliding_window_size: 4096\nattention_type: local_sliding\n',
      'mistral.yml',
    ).model.architecture!;
    assert.equal(mistral.family, 'MaxText mistral');
    assert.equal(mistral.localAttention, undefined);
  });

  it('agrees within 0.5% with NeMo’s llama2 and llama3 formulas on NeMo’s own example (causal: half the s² term)', () => {
    // NVIDIA/NeMo@8cfedd7203462cb251a914e700e5605444277561:tests/utils/test_flops_formulas.py: gbs 1, enc_seq_len 128, hs 768,
    // 12 layers, ffn_hs 3072, 12 heads, 12 query groups; nemo/utils/flops_formulas.py llama2/llama3 with
    // LLM_VOCAB_SIZE_MAP's 32,000 and 128,256 (nemo/collections/common/parts/perf_metrics_utils.py). FLOPs per batch of 128 tokens.
    const shape = { model_type: 'llama', hidden_size: 768, num_hidden_layers: 12, num_attention_heads: 12, intermediate_size: 3072 };
    for (const [vocab, nemo] of [
      [32_000, 106_753_425_408],
      [128_256, 163_527_524_352],
    ]) {
      const ours = detailedFlops(architectureOf({ ...shape, vocab_size: vocab }), { sequenceLength: 128 });
      within(ours.perToken * 128, nemo, 0.005, `NeMo (vocabulary ${vocab})`);
    }
  });

  it('reads Llama 4’s chunked attention with every fourth layer global, within 0.5% of MaxText’s chunked count', () => {
    const arch = architectureOf({
      model_type: 'llama4_text',
      architectures: ['Llama4ForCausalLM'],
      hidden_size: 5120,
      num_hidden_layers: 48,
      num_attention_heads: 40,
      num_key_value_heads: 8,
      head_dim: 128,
      intermediate_size: 16384,
      vocab_size: 202048,
      attention_chunk_size: 8192,
    });
    assert.equal(arch.localAttention?.kind, 'chunked');
    assert.equal(arch.localAttention?.layers.filter(Boolean).length, 36);
    const s = 32768;
    const scores = detailedFlops(arch, { sequenceLength: s }).components.find((c) => c.id === 'attention-scores')!;
    // MaxText's calculate_llama4_attention_tflops: non-causal chunks (Σ c²) and global layers (s²), halved, × 3.
    const maxtextPerToken = (3 * (36 * 4 * (4 * 8192 ** 2) * 40 * 128 + 12 * 4 * s * s * 40 * 128)) / 2 / s;
    within(scores.perToken, maxtextPerToken, 0.005, 'MaxText Llama 4');
    assert.equal(averageChunkKeys(10, false, 4), (2 * 16 + 4) / 10);
  });
});

describe('which layers attend locally, read from a Hugging Face config', () => {
  const shape = {
    hidden_size: 2304,
    num_hidden_layers: 26,
    num_attention_heads: 8,
    num_key_value_heads: 4,
    head_dim: 256,
    intermediate_size: 9216,
    vocab_size: 256000,
  };

  it('alternates local and global layers in Gemma 2, the even layers local', () => {
    const arch = architectureOf({ model_type: 'gemma2', ...shape, sliding_window: 4096 });
    assert.deepEqual(arch.localAttention?.layers.slice(0, 4), [true, false, true, false]);
  });

  it('makes five of every six Gemma 3 layers local, or follows layer_types when given', () => {
    const pattern = architectureOf({ model_type: 'gemma3_text', ...shape, num_hidden_layers: 12, sliding_window: 512 });
    assert.equal(pattern.localAttention?.layers.filter(Boolean).length, 10);
    const types = architectureOf({
      model_type: 'gemma3_text',
      ...shape,
      num_hidden_layers: 3,
      sliding_window: 512,
      layer_types: ['full_attention', 'sliding_attention', 'full_attention'],
    });
    assert.deepEqual(types.localAttention?.layers, [false, true, false]);
  });

  it('applies Qwen’s window only with use_sliding_window, from max_window_layers on', () => {
    const off = architectureOf({ model_type: 'qwen2', ...shape, num_hidden_layers: 4, sliding_window: 4096, max_window_layers: 2 });
    assert.equal(off.localAttention, undefined);
    const on = architectureOf({ model_type: 'qwen2', ...shape, num_hidden_layers: 4, sliding_window: 4096, max_window_layers: 2, use_sliding_window: true });
    assert.deepEqual(on.localAttention?.layers, [false, false, true, true]);
  });

  it('leaves a null sliding_window (Mistral v0.2 and later) as full attention', () => {
    assert.equal(architectureOf({ model_type: 'mistral', ...shape, sliding_window: null }).localAttention, undefined);
  });
});
