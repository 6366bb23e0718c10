import type { Fact } from '../source/fact';

/**
 * Multi-head latent attention (DeepSeek-V2/V3, Kimi K2): queries and keys/values pass through
 * low-rank projections with their own RMSNorms, and part of each head carries the rotary position.
 */
export interface LatentAttention {
  /** Rank of the query compression; absent (`q_lora_rank: null`) means one full q projection. */
  readonly qLoraRank?: Fact;
  readonly kvLoraRank: Fact;
  readonly qkNopeHeadDim: Fact;
  readonly qkRopeHeadDim: Fact;
  readonly vHeadDim: Fact;
  /** `attention_bias`: biases on q_a (or nothing without q compression), kv_a and o, as DeepSeek's code builds them. */
  readonly bias: boolean;
  /**
   * Megatron-LM's MLASelfAttention builds every q/kv projection without bias and gives only the
   * output projection one (with `add_bias_linear`); `bias` then means that one.
   */
  readonly outputBiasOnly?: boolean;
  /** Parameters per unit of width in the q and kv norms: 1 (RMSNorm, the default), 2 (LayerNorm), 0 (none: Megatron without --qk-layernorm). */
  readonly normFactor?: 0 | 1 | 2;
}

/**
 * Per layer, as `DeepseekV2Attention`/`DeepseekV3Attention` build it:
 * q = h·r_q + r_q (norm) + r_q·a·(d_nope+d_rope), or h·a·(d_nope+d_rope) without compression;
 * kv_a = h·(r_kv + d_rope) + r_kv (norm); kv_b = r_kv·a·(d_nope + d_v); o = a·d_v·h.
 */
export function latentAttentionParameters(hidden: number, heads: number, mla: LatentAttention): { perLayer: number; formula: string } {
  const h = hidden;
  const a = heads;
  const nope = mla.qkNopeHeadDim.value;
  const rope = mla.qkRopeHeadDim.value;
  const v = mla.vHeadDim.value;
  const kv = mla.kvLoraRank.value;
  const rq = mla.qLoraRank?.value;
  const norm = mla.normFactor ?? 1;
  const q = rq !== undefined ? h * rq + norm * rq + rq * a * (nope + rope) : h * a * (nope + rope);
  const kvA = h * (kv + rope) + norm * kv;
  const kvB = kv * a * (nope + v);
  const o = a * v * h;
  const bias = !mla.bias ? 0 : mla.outputBiasOnly ? h : (rq !== undefined ? rq : 0) + kv + rope + h;
  const qNorm = norm ? ` + ${norm * (rq ?? 0)}` : '';
  const qFormula = rq !== undefined ? `${h} × ${rq}${qNorm} + ${rq} × ${a} × ${nope + rope}` : `${h} × ${a} × ${nope + rope}`;
  const kvNorm = norm ? ` + ${norm * kv}` : '';
  const formula = `${qFormula} (q) + ${h} × ${kv + rope}${kvNorm} (kv_a) + ${kv} × ${a} × ${nope + v} (kv_b) + ${a} × ${v} × ${h} (o)${bias ? ' + biases' : ''}`;
  return { perLayer: q + kvA + kvB + o + bias, formula };
}

/** The facts a hover on any latent-attention key should explain. */
export function latentAttentionFacts(mla: LatentAttention): Fact[] {
  return [mla.qLoraRank, mla.kvLoraRank, mla.qkNopeHeadDim, mla.qkRopeHeadDim, mla.vHeadDim].filter((item): item is Fact => item !== undefined);
}
