import type { Fact } from '../source/fact';
import type { LatentAttention } from './latentAttention';
import type { LayerBlocks } from './layerBlocks';
import type { MambaMixer } from './mamba';

export type NormKind = 'rms' | 'layernorm' | 'layernorm-no-bias' | 'none';

/** Mixture-of-experts MLP: `experts` copies of an MLP of width `ffn`, `topK` of them used per token. */
export interface MixtureOfExperts {
  readonly experts: Fact;
  readonly topK: Fact;
  readonly ffn: Fact;
  /** Total width of the always-on shared expert(s), if the family has them (Qwen2-MoE, DeepSeek). */
  readonly sharedFfn?: Fact;
  /** Qwen2-MoE gates its shared expert with one extra h×1 projection. */
  readonly sharedGate: boolean;
  /** How many of the layers are MoE layers; the rest use the dense MLP. */
  readonly moeLayers: number;
  /** DeepSeek-V3's per-expert routing bias (`e_score_correction_bias`, with `topk_method: noaux_tc`). */
  readonly routerBias?: boolean;
  /** Experts in each MoE layer when they differ (Megatron-DeepSpeed's PR-MoE pyramid); `experts` is then the largest. */
  readonly expertsPerLayer?: readonly number[];
  /** DeepSpeed's residual MoE: a dense MLP beside the experts, mixed by a Linear(h, 2) coefficient with bias. */
  readonly residual?: boolean;
}

/**
 * Hybrid stacks (Jamba, Nemotron-H): which layers hold attention, a Mamba mixer, a dense MLP.
 * Absent, every layer is attention followed by an MLP (or the MoE block on `moe.moeLayers`).
 */
export interface LayerStack {
  readonly attentionLayers: number;
  readonly mambaLayers: number;
  readonly mixer?: MambaMixer;
  /** Layers with the dense MLP; the MoE block sits on `moe.moeLayers` others. */
  readonly mlpLayers: number;
  /** The key that lays the stack out (`hybrid_override_pattern`, `attn_layer_period`), for hovers. */
  readonly layout: Fact<string>;
}

/**
 * Attention limited to a window of recent keys (sliding window: Mistral 7B v0.1, Gemma 2/3 local
 * layers, Qwen with `use_sliding_window`) or to the keys of the token's own chunk (Llama 4's
 * `attention_chunk_size`). `layers[i]` says whether layer i is local; the others see every key.
 */
export interface LocalAttention {
  readonly kind: 'sliding' | 'chunked';
  readonly size: Fact;
  readonly layers: readonly boolean[];
  /** The key that lays the local layers out (`layer_types`, `sliding_window_pattern`, ...), for hovers. */
  readonly layout: string;
}

/**
 * A decoder-only transformer, described by the numbers that fix its parameter count.
 * Every number is a Fact: the key it came from, or that it was assumed or taken from the catalog.
 */
export interface Architecture {
  /** Human-readable family, e.g. "Llama (Hugging Face config)". */
  readonly family: string;
  readonly hidden: Fact;
  readonly layers: Fact;
  readonly heads: Fact;
  readonly kvHeads: Fact;
  readonly headDim: Fact;
  /** Width of one MLP branch (for gated MLPs, the width of the gate and of the up projection each). */
  readonly ffn: Fact;
  readonly gated: Fact<boolean>;
  /** Rows of the embedding matrix, after any padding. */
  readonly vocab: Fact;
  readonly tied: Fact<boolean>;
  /** Learned absolute positions (GPT-2, GPT-3); absent for rotary and ALiBi. */
  readonly learnedPositions?: Fact;
  /** 'qkv': biases on q, k, v only (Qwen2); 'all': on q, k, v and the output projection (GPT-2). */
  /** `out`: only the output projection has a bias (GPT-Neo). */
  readonly attentionBias: 'none' | 'qkv' | 'out' | 'all';
  readonly mlpBias: boolean;
  readonly norm: NormKind;
  /** Norms per layer: 2 for most, 1 for Falcon-7B's parallel block, 4 for Gemma 2. */
  readonly normsPerLayer: number;
  /** Parameters per layer of norms on queries and keys (OLMo 2: a·d + k·d; Qwen3, Gemma 3: 2·d); 0 for most. */
  readonly qkNorm: number;
  readonly moe?: MixtureOfExperts;
  /** Multi-head latent attention in place of q, k, v, o projections (DeepSeek-V2/V3). */
  readonly latentAttention?: LatentAttention;
  /** A bias on the output layer (PhiMoE's `lm_head_bias`): V more parameters. */
  readonly outputBias?: boolean;
  readonly stack?: LayerStack;
  /**
   * Layers that differ one from another (Nemotron-NAS `block_configs`): the count sums them layer by
   * layer; `stack` then says how many attend and have an MLP, `kvHeads` and `ffn` the common and mean values.
   */
  readonly blocks?: LayerBlocks;
  /** Multi-token prediction layers (Megatron-LM `--mtp-num-layers`): each two norms in, a 2h×h projection, one more layer, a norm out. */
  readonly mtpLayers?: Fact;
  /**
   * The prediction layers are trained but not part of the model its loader builds (DeepSeek-V3's
   * `num_nextn_predict_layers`: transformers does not load them): counted in FLOPs, not in N.
   */
  readonly mtpOutsideCount?: boolean;
  readonly localAttention?: LocalAttention;
}
