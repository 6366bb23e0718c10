/**
 * torchtitan's own model args, by `[model] name` and `flavor`, as pytorch/torchtitan defines them
 * at commit 238fa9953e4aec2a62582121564273d7cbb1e9f1 (the last with TOML train configs):
 * `torchtitan/models/llama3/__init__.py` (llama3_args) with `TransformerModelArgs` defaults from
 * `llama3/model/args.py`, and `torchtitan/models/qwen3/__init__.py` (qwen3_args) with
 * `Qwen3ModelArgs` defaults from `qwen3/model/args.py`, and `torchtitan/models/llama4/__init__.py`
 * (llama4_args) with `llama4/model/args.py` and `MoEArgs` defaults from `models/moe/moe.py`.
 */
export const TORCHTITAN_COMMIT = '238fa9953e4aec2a62582121564273d7cbb1e9f1';

export interface TitanFlavor {
  readonly source: string;
  readonly dim: number;
  readonly layers: number;
  readonly heads: number;
  readonly kvHeads: number;
  readonly headDim?: number;
  readonly ffn: number;
  readonly vocab: number;
  readonly tied: boolean;
  /** Qwen3's q_norm and k_norm, RMSNorm over one head each. */
  readonly qkNorm: boolean;
  /** How the MLP width was reached, for hovers. */
  readonly ffnNote: string;
  readonly moe?: { readonly experts: number; readonly topK: number; readonly ffn: number; readonly sharedFfn?: number; readonly moeLayers?: number };
}

/**
 * llama3 `FeedForward`: hidden = 4·dim, then int(2·hidden/3), then int(ffn_dim_multiplier·hidden),
 * rounded up to a multiple of `multiple_of` (llama3/model/model.py).
 */
function llamaFfn(dim: number, multipleOf: number, multiplier?: number): { ffn: number; note: string } {
  let hidden = Math.trunc((2 * 4 * dim) / 3);
  if (multiplier !== undefined) hidden = Math.trunc(multiplier * hidden);
  const ffn = multipleOf * Math.ceil(hidden / multipleOf);
  return {
    ffn,
    note: `int(2 × 4 × ${dim} / 3)${multiplier !== undefined ? ` × ffn_dim_multiplier ${multiplier}` : ''}, rounded up to a multiple of ${multipleOf}`,
  };
}

function llama3(
  dim: number,
  layers: number,
  heads: number,
  options: { kvHeads?: number; vocab?: number; multipleOf?: number; multiplier?: number } = {},
): TitanFlavor {
  // TransformerModelArgs defaults: n_kv_heads None (= n_heads), vocab_size 128256, multiple_of 256; tok_embeddings and output are separate.
  const { ffn, note } = llamaFfn(dim, options.multipleOf ?? 256, options.multiplier);
  return {
    source: 'torchtitan/models/llama3/__init__.py llama3_args',
    dim,
    layers,
    heads,
    kvHeads: options.kvHeads ?? heads,
    ffn,
    ffnNote: note,
    vocab: options.vocab ?? 128256,
    tied: false,
    qkNorm: false,
  };
}

function qwen3(
  dim: number,
  layers: number,
  heads: number,
  kvHeads: number,
  ffn: number,
  options: { vocab?: number; tied?: boolean; moe?: TitanFlavor['moe'] } = {},
): TitanFlavor {
  // Qwen3ModelArgs defaults: head_dim 128, vocab_size 151936, qk_norm True, enable_weight_tying False.
  return {
    source: 'torchtitan/models/qwen3/__init__.py qwen3_args',
    dim,
    layers,
    heads,
    kvHeads,
    headDim: 128,
    ffn,
    ffnNote: `hidden_dim ${ffn}`,
    vocab: options.vocab ?? 151936,
    tied: options.tied ?? false,
    qkNorm: true,
    moe: options.moe,
  };
}

/**
 * llama4 (llama4/model/model.py TransformerBlock): block `layer_id` is an MoE when
 * (layer_id + 1) % interleave_moe_layer_step == 0 (default step 2), else a llama3-style FeedForward.
 * An MoE's expert width is int(2·4·dim/3), × ffn_dim_multiplier (int), ÷ (top_k + num_shared_experts)
 * (auto_scale_hidden_dim, int), rounded up to multiple_of; its one shared expert
 * (MoEArgs num_shared_experts 1) is a FeedForward of that width; top_k 1; router without bias;
 * vocab_size 202048; tok_embeddings and output separate.
 */
function llama4(
  dim: number,
  layers: number,
  heads: number,
  options: { kvHeads?: number; vocab?: number; multipleOf?: number; multiplier?: number; experts?: number; step?: number } = {},
): TitanFlavor {
  const multipleOf = options.multipleOf ?? 256;
  const { ffn, note } = llamaFfn(dim, multipleOf, options.multiplier);
  let expert = Math.trunc((2 * 4 * dim) / 3);
  if (options.multiplier !== undefined) expert = Math.trunc(options.multiplier * expert);
  expert = Math.trunc(expert / 2);
  expert = multipleOf * Math.ceil(expert / multipleOf);
  const moeLayers = Math.floor(layers / (options.step ?? 2));
  return {
    source: 'torchtitan/models/llama4/__init__.py llama4_args',
    dim,
    layers,
    heads,
    kvHeads: options.kvHeads ?? heads,
    ffn,
    ffnNote: `dense blocks: ${note}`,
    vocab: options.vocab ?? 202048,
    tied: false,
    qkNorm: false,
    moe: { experts: options.experts ?? 8, topK: 1, ffn: expert, sharedFfn: expert, moeLayers },
  };
}

const LLAMA4_DEBUG = llama4(256, 6, 16, { vocab: 2048 });
const LLAMA4_16E = llama4(5120, 48, 40, { kvHeads: 8, multiplier: 1.2, multipleOf: 2048, experts: 16, step: 1 });
const LLAMA4_128E = llama4(5120, 48, 40, { kvHeads: 8, multiplier: 1.2, multipleOf: 2048, experts: 128 });

const LLAMA3_DEBUG = llama3(256, 6, 16, { vocab: 2048 });
const LLAMA3_8B = llama3(4096, 32, 32, { kvHeads: 8, multiplier: 1.3, multipleOf: 1024 });

export const TORCHTITAN_FLAVORS: Readonly<Record<string, Readonly<Record<string, TitanFlavor>>>> = {
  llama3: {
    debugmodel: LLAMA3_DEBUG,
    debugmodel_flex_attn: LLAMA3_DEBUG,
    debugmodel_varlen_attn: LLAMA3_DEBUG,
    '8B': LLAMA3_8B,
    '8B_flex': LLAMA3_8B,
    '8B_varlen': LLAMA3_8B,
    '70B': llama3(8192, 80, 64, { kvHeads: 8, multiplier: 1.3, multipleOf: 4096 }),
    '405B': llama3(16384, 126, 128, { kvHeads: 8, multiplier: 1.2, multipleOf: 4096 }),
  },
  llama4: {
    debugmodel: LLAMA4_DEBUG,
    debugmodel_irope: LLAMA4_DEBUG,
    '17bx16e': LLAMA4_16E,
    '17bx16e_irope': LLAMA4_16E,
    '17bx128e': LLAMA4_128E,
    '17bx128e_irope': LLAMA4_128E,
  },
  qwen3: {
    debugmodel: qwen3(256, 8, 16, 8, 3072, { vocab: 2048, tied: true }),
    '0.6B': qwen3(1024, 28, 16, 8, 3072, { tied: true }),
    '1.7B': qwen3(2048, 28, 16, 8, 6144, { tied: true }),
    '4B': qwen3(2560, 36, 32, 8, 9728, { tied: true }),
    '8B': qwen3(4096, 36, 32, 8, 12288),
    '14B': qwen3(5120, 40, 40, 8, 17408),
    '32B': qwen3(5120, 64, 64, 8, 25600),
    // Qwen3-MoE: every layer's MLP is an MoE (moe_enabled), no shared experts, router without bias.
    debugmodel_moe: qwen3(256, 8, 16, 8, 3072, { vocab: 2048, moe: { experts: 64, topK: 8, ffn: 768 } }),
    '30B-A3B': qwen3(2048, 48, 32, 4, 6144, { moe: { experts: 128, topK: 8, ffn: 768 } }),
    '235B-A22B': qwen3(4096, 94, 64, 4, 12288, { moe: { experts: 128, topK: 8, ffn: 1536 } }),
  },
};
