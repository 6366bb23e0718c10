import type { Architecture } from '../architecture/architecture';
import type { MemoryLayout } from './layout';

/**
 * Activation bytes one transformer layer keeps for the backward pass, for one micro-batch on one
 * device, after Korthikanti et al. 2022 ("Reducing Activation Recomputation in Large Transformer
 * Models", §4, Table 2), generalised term by term:
 * - norms: their inputs, 4sbh;
 * - attention: the QKV input 2sbh, Q 2sb·(a·d), K and V 2sb·(k·d) each (grouped-query attention's
 *   smaller K/V), the output projection's input 2sb·(a·d), a dropout mask sbh; unfused attention
 *   adds the s² terms 5·a·s²·b (softmax 2, its dropout mask 1, dropout output 2; 2 without dropout),
 *   flash attention instead a fp32 log-sum-exp per row;
 * - MLP: its input 2sbh, 4sb·f (GeLU input and output), or 6sb·f for SwiGLU (gate, up and their
 *   product, Megatron's `gated_linear_multiplier = 3/2`), a dropout mask sbh;
 * - MoE: every routed token's copy (top-k per token) through its expert's MLP, and fp32 router logits.
 * Without sequence parallelism the norm, dropout and input terms are whole on every tensor-parallel
 * rank (the `10` of `sbh(10 + 24/t + 5as/(ht))`); with it, everything is divided by t (`34/t`).
 * Selective recomputation drops the s² terms; full recomputation keeps only the layer input, 2sbh.
 * torchtitan's per-op selective AC (`op`) keeps the layer input and the outputs of the matmuls it
 * saves: counting a layer's matmuls (wq, wk, wv, wo, then w1, w3, w2) every second one is
 * recomputed, so Q, V, attention's output with its log-sum-exp, the MLP's first projection and its
 * output stay (torchtitan `activation_checkpoint.py`, `SelectiveAC`); Mamba and MoE layers fall
 * back to the selective terms.
 */
export interface LayerActivations {
  /** Bytes the whole stack of layers keeps under the layout's recomputation, for one micro-batch. */
  readonly kept: number;
  /** Bytes of the largest layer with nothing recomputed: the working set while one layer is recomputed. */
  readonly largestLayer: number;
}

interface Terms {
  readonly kept: number;
  readonly full: number;
}

/** Every layer of the model for one micro-batch on one device (before dividing among pipeline stages). */
export function stackActivations(arch: Architecture, layout: MemoryLayout): LayerActivations {
  const every = layout.recomputeEvery?.value ?? 1;
  if (layout.recompute.value === 'full' && every > 1) {
    // torchtitan's layer-level AC wraps layers k, 2k, … in a full checkpoint; the rest keep all.
    const whole = { ...layout, recomputeEvery: undefined };
    const recomputed = stackActivations(arch, whole);
    const kept = stackActivations(arch, { ...whole, recompute: { ...layout.recompute, value: 'none' } });
    const share = Math.floor(arch.layers.value / every) / arch.layers.value;
    return { kept: share * recomputed.kept + (1 - share) * kept.kept, largestLayer: recomputed.largestLayer };
  }
  const t = layout.tensorParallel.value;
  const s = layout.sequenceLength.value / layout.contextParallel.value;
  const sb = s * layout.microBatch.value;
  const h = arch.hidden.value;
  const sp = layout.sequenceParallel.value || t === 1;
  // Terms that sequence parallelism splits: whole on every rank without it.
  const whole = (bytes: number) => (sp ? bytes / t : bytes);
  const mask = layout.dropout.value ? 1 : 0;
  const recompute = layout.recompute.value;
  // Under full recomputation a layer keeps only its input; an MLP that follows attention in the same layer keeps nothing.
  const startsLayer = (starts: boolean) => (starts ? whole(2 * sb * h) : 0);
  const keep = (full: number, quadratic = 0, starts = true, op?: number): Terms => ({
    full,
    kept:
      recompute === 'full'
        ? startsLayer(starts)
        : recompute === 'op' && op !== undefined
          ? op
          : recompute === 'selective' || recompute === 'op'
            ? full - quadratic
            : full,
  });
  const norm = whole(2 * sb * h);

  const attention = (): Terms => {
    const a = arch.heads.value;
    const mla = arch.latentAttention;
    const qk = mla ? a * (mla.qkNopeHeadDim.value + mla.qkRopeHeadDim.value) : a * arch.headDim.value;
    const k = mla ? qk : arch.kvHeads.value * arch.headDim.value;
    const v = mla ? a * mla.vHeadDim.value : arch.kvHeads.value * arch.headDim.value;
    const out = mla ? v : qk;
    let bytes = norm + whole(2 * sb * h + mask * sb * h) + (2 * sb * (qk + k + v + out)) / t;
    let quadratic = 0;
    if (layout.flashAttention.value) bytes += (4 * sb * a) / t;
    else quadratic = ((2 + 3 * mask) * a * s * sb) / t;
    const op = startsLayer(true) + (2 * sb * (qk + v + out) + 4 * sb * a) / t;
    return keep(bytes + quadratic, quadratic, true, op);
  };
  const mamba = (): Terms => {
    const mixer = arch.stack!.mixer!;
    const inner = mixer.kind === 'mamba2' ? mixer.heads.value * mixer.headDim.value : mixer.inner.value;
    const groups = mixer.kind === 'mamba2' ? mixer.groups.value : 1;
    const heads = mixer.kind === 'mamba2' ? mixer.heads.value : 0;
    // in_proj input, its output (x, z, B, C, dt), the conv output, the scan output and the gated norm's output.
    return keep(norm + whole(2 * sb * h) + (2 * sb * (2 * inner + 2 * groups * mixer.stateSize.value + heads) + 6 * sb * inner) / t);
  };
  const ffnBytes = arch.gated.value ? 6 : 4;
  // Per-op AC: the first projection's output, and the second's (w2 of a gated MLP) as every second matmul is kept.
  const mlpOp = (2 * sb * arch.ffn.value) / t + (arch.gated.value ? whole(2 * sb * h) : 0);
  const mlp = (): Terms => keep(norm + whole(2 * sb * h + mask * sb * h) + (ffnBytes * sb * arch.ffn.value) / t, 0, !!arch.stack, mlpOp);
  const moe = (): Terms => {
    const routed = arch.moe!;
    const topK = Math.min(routed.topK.value, routed.experts.value);
    const etp = layout.expertTensorParallel?.value ?? t;
    // Each token's top-k copies pass through an expert's MLP; balanced routing spreads them evenly.
    const experts = (sb * topK * (2 * h + ffnBytes * routed.ffn.value)) / (sp ? t : etp);
    const shared = routed.sharedFfn ? (ffnBytes * sb * routed.sharedFfn.value) / t : 0;
    return keep(norm + whole(2 * sb * h + mask * sb * h + 4 * sb * routed.experts.value) + experts + shared, 0, !!arch.stack);
  };

  const L = arch.layers.value;
  const stack = arch.stack;
  const moeLayers = arch.moe ? arch.moe.moeLayers : 0;
  const groups: [number, () => Terms][] = stack
    ? [
        [stack.attentionLayers, attention],
        [stack.mixer ? stack.mambaLayers : 0, mamba],
        [stack.mlpLayers, mlp],
        [moeLayers, moe],
      ]
    : [
        [L, attention],
        [L - moeLayers, mlp],
        [moeLayers, moe],
      ];
  let kept = 0;
  let largest = 0;
  let mixerLargest = 0;
  for (const [count, terms] of groups) {
    if (count <= 0) continue;
    const value = terms();
    kept += count * value.kept;
    if (terms === attention || terms === mamba) mixerLargest = Math.max(mixerLargest, value.full);
    else largest = Math.max(largest, value.full);
  }
  // A plain layer is attention followed by its MLP: the largest layer holds both.
  return { kept, largestLayer: stack ? Math.max(largest, mixerLargest) : largest + mixerLargest };
}
