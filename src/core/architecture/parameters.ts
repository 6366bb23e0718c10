import type { Fact } from '../source/fact';
import type { Architecture, NormKind } from './architecture';
import { latentAttentionFacts, latentAttentionParameters } from './latentAttention';
import { mambaFacts, mambaParameters } from './mamba';
import { layerBlockTerms } from './layerBlocks';

/** One term of the parameter count, with the arithmetic shown the way a person checks it. */
export interface ParameterPart {
  readonly id:
    | 'embedding'
    | 'output'
    | 'positions'
    | 'attention'
    | 'mamba'
    | 'mlp'
    | 'experts'
    | 'router'
    | 'shared-experts'
    | 'norms'
    | 'final-norm'
    | 'prediction-layers';
  readonly label: string;
  /** e.g. "3 × 4096 × 11008"; per layer when `perLayer` is set. */
  readonly formula: string;
  readonly perLayer?: number;
  /** Layers this part repeats over (1 for embeddings). */
  readonly repeats: number;
  readonly total: number;
  /** The part's share of a forward pass for one token (MoE experts count top-k of E). */
  readonly active: number;
  /** The facts this part depends on, so a hover on any of their keys can explain it. */
  readonly facts: readonly Fact<unknown>[];
}

export interface ParameterCount {
  readonly total: number;
  readonly active: number;
  readonly parts: readonly ParameterPart[];
  /**
   * Parts a training run computes but the count leaves out, as the checkpoint's loader does
   * (DeepSeek-V3's multi-token-prediction module, which transformers does not load): the FLOP
   * count includes them, `total` and `active` do not.
   */
  readonly outside?: readonly ParameterPart[];
}

export function normParameters(kind: NormKind, width: number): number {
  return kind === 'rms' || kind === 'layernorm-no-bias' ? width : kind === 'layernorm' ? 2 * width : 0;
}

function mlpParameters(hidden: number, ffn: number, gated: boolean, bias: boolean): number {
  const weights = (gated ? 3 : 2) * hidden * ffn;
  const biases = bias ? (gated ? 2 * ffn : ffn) + hidden : 0;
  return weights + biases;
}

const n = (value: number) => String(value);

/**
 * The parameter count of a decoder-only transformer, by the formulas in the fixtures README:
 * attention q,k,v,o = h·a·d + 2·h·k·d + a·d·h; MLP 3·h·f gated, 2·h·f plain; norms h (RMS) or
 * 2h (LayerNorm with bias); embeddings V·h, doubled when untied; learned positions n_pos·h.
 */
export function countParameters(arch: Architecture): ParameterCount {
  const h = arch.hidden.value;
  const L = arch.layers.value;
  const a = arch.heads.value;
  const k = arch.kvHeads.value;
  const d = arch.headDim.value;
  const f = arch.ffn.value;
  const V = arch.vocab.value;
  const gated = arch.gated.value;
  const parts: ParameterPart[] = [];
  const outside: ParameterPart[] = [];
  const add = (part: Omit<ParameterPart, 'total' | 'active'> & { total?: number; active?: number }) => {
    const total = part.total ?? (part.perLayer ?? 0) * part.repeats;
    parts.push({ ...part, total, active: part.active ?? total });
  };

  add({ id: 'embedding', label: 'Token embedding', formula: `${n(V)} × ${n(h)}`, repeats: 1, total: V * h, facts: [arch.vocab, arch.hidden] });
  if (!arch.tied.value || arch.outputBias) {
    const weights = arch.tied.value ? 0 : V * h;
    const bias = arch.outputBias ? V : 0;
    const formula = [weights ? `${n(V)} × ${n(h)}` : '', bias ? `${n(V)} (bias)` : ''].filter(Boolean).join(' + ');
    add({
      id: 'output',
      label: arch.tied.value ? 'Output bias' : 'Output layer (untied)',
      formula,
      repeats: 1,
      total: weights + bias,
      facts: [arch.vocab, arch.hidden, arch.tied],
    });
  }
  if (arch.learnedPositions) {
    const P = arch.learnedPositions.value;
    add({ id: 'positions', label: 'Learned positions', formula: `${n(P)} × ${n(h)}`, repeats: 1, total: P * h, facts: [arch.learnedPositions, arch.hidden] });
  }

  const perNorm = normParameters(arch.norm, h);
  if (arch.blocks) {
    // Per-layer shapes: attention, MLP and norms summed layer by layer.
    const shape = {
      hidden: h,
      heads: a,
      headDim: d,
      gated,
      qkvBias: arch.attentionBias === 'qkv' || arch.attentionBias === 'all',
      outBias: arch.attentionBias === 'all' || arch.attentionBias === 'out',
      perNorm,
      facts: [arch.hidden, arch.heads, arch.headDim, arch.layers],
    };
    for (const term of layerBlockTerms(shape, arch.blocks)) add(term);
    if (perNorm > 0)
      add({ id: 'final-norm', label: 'Final norm', formula: perNorm === h ? n(h) : `2 × ${n(h)}`, repeats: 1, total: perNorm, facts: [arch.hidden] });
    return { total: parts.reduce((sum, part) => sum + part.total, 0), active: parts.reduce((sum, part) => sum + part.active, 0), parts };
  }

  const stack = arch.stack;
  const attentionLayers = stack?.attentionLayers ?? L;
  const stackFacts = stack ? [stack.layout] : [];
  if (arch.latentAttention) {
    const latent = latentAttentionParameters(h, a, arch.latentAttention);
    add({
      id: 'attention',
      label: 'Latent attention (q, kv_a, kv_b, o)',
      formula: latent.formula,
      perLayer: latent.perLayer,
      repeats: attentionLayers,
      facts: [arch.hidden, arch.heads, arch.layers, ...latentAttentionFacts(arch.latentAttention)],
    });
  } else if (attentionLayers > 0) {
    const qkvBias = arch.attentionBias === 'qkv' || arch.attentionBias === 'all' ? a * d + 2 * k * d : 0;
    const outBias = arch.attentionBias === 'all' || arch.attentionBias === 'out' ? h : 0;
    const qkNorm = arch.qkNorm;
    const attention = h * a * d + 2 * h * k * d + a * d * h + qkvBias + outBias + qkNorm;
    const attentionFormula = k === a && a * d === h ? `4 × ${n(h)} × ${n(h)}` : `${n(h)} × (${n(a)}+2×${n(k)}) × ${n(d)} + ${n(a)} × ${n(d)} × ${n(h)}`;
    add({
      id: 'attention',
      label: 'Attention (q, k, v, o)',
      formula: attentionFormula + (qkvBias + outBias ? ' + biases' : '') + (qkNorm ? ' + q/k norms' : ''),
      perLayer: attention,
      repeats: attentionLayers,
      facts: [arch.hidden, arch.heads, arch.kvHeads, arch.headDim, arch.layers, ...stackFacts],
    });
  }
  if (stack?.mixer && stack.mambaLayers > 0) {
    const mixer = mambaParameters(h, stack.mixer);
    add({
      id: 'mamba',
      label: stack.mixer.kind === 'mamba2' ? 'Mamba-2 mixer' : 'Mamba mixer',
      formula: mixer.formula,
      perLayer: mixer.perLayer,
      repeats: stack.mambaLayers,
      facts: [arch.hidden, ...mambaFacts(stack.mixer), ...stackFacts],
    });
  }

  const moe = arch.moe;
  const denseLayers = stack ? stack.mlpLayers : moe ? L - moe.moeLayers : L;
  const perMlp = mlpParameters(h, f, gated, arch.mlpBias);
  const mlpFormula = `${gated ? 3 : 2} × ${n(h)} × ${n(f)}${arch.mlpBias ? ' + biases' : ''}`;
  if (denseLayers > 0)
    add({
      id: 'mlp',
      label: gated ? 'MLP (gated)' : 'MLP',
      formula: mlpFormula,
      perLayer: perMlp,
      repeats: denseLayers,
      facts: [arch.hidden, arch.ffn, arch.gated, arch.layers],
    });

  // One MoE layer's MLP block, total and per token, for the prediction layers below.
  let moeBlock: { total: number; active: number } | undefined;
  if (moe) {
    const E = moe.experts.value;
    const K = Math.min(moe.topK.value, E);
    const perExpert = mlpParameters(h, moe.ffn.value, gated, arch.mlpBias);
    // PR-MoE gives each expert layer its own number of experts; otherwise every one has E.
    const slots = moe.expertsPerLayer ? moe.expertsPerLayer.reduce((sum, value) => sum + value, 0) : E * moe.moeLayers;
    const pyramid = moe.expertsPerLayer ? ` (${moe.expertsPerLayer.join(' + ')} experts over the layers)` : '';
    add({
      id: 'experts',
      label: `Experts (${moe.expertsPerLayer ? `up to ${E}` : E}, top-${K} active)`,
      formula: `${moe.expertsPerLayer ? 'experts' : n(E)} × ${gated ? 3 : 2} × ${n(h)} × ${n(moe.ffn.value)}${pyramid}`,
      perLayer: moe.expertsPerLayer ? undefined : E * perExpert,
      repeats: moe.moeLayers,
      total: slots * perExpert,
      active: K * perExpert * moe.moeLayers,
      facts: [moe.experts, moe.topK, moe.ffn, arch.hidden, arch.layers],
    });
    add({
      id: 'router',
      label: 'Router',
      formula: `${n(h)} × ${moe.expertsPerLayer ? 'experts' : n(E)}${moe.routerBias ? ` + ${n(E)} (bias)` : ''}`,
      perLayer: moe.expertsPerLayer ? undefined : h * E + (moe.routerBias ? E : 0),
      repeats: moe.moeLayers,
      total: h * slots + (moe.routerBias ? slots : 0),
      facts: [moe.experts, arch.hidden],
    });
    let shared = 0;
    if (moe.sharedFfn) {
      shared = mlpParameters(h, moe.sharedFfn.value, gated, arch.mlpBias) + (moe.sharedGate ? h : 0);
      add({
        id: 'shared-experts',
        label: 'Shared expert',
        formula: `${gated ? 3 : 2} × ${n(h)} × ${n(moe.sharedFfn.value)}${moe.sharedGate ? ` + ${n(h)} (gate)` : ''}`,
        perLayer: shared,
        repeats: moe.moeLayers,
        facts: [moe.sharedFfn, arch.hidden],
      });
    } else if (moe.residual) {
      // DeepSpeed's residual MoE: the dense MLP runs beside the experts, mixed by Linear(h, 2).
      shared = perMlp + 2 * h + 2;
      add({
        id: 'shared-experts',
        label: 'Residual MLP and its coefficient',
        formula: `${mlpFormula} + ${n(h)} × 2 + 2`,
        perLayer: shared,
        repeats: moe.moeLayers,
        facts: [arch.hidden, arch.ffn],
      });
    }
    moeBlock = { total: E * perExpert + h * E + (moe.routerBias ? E : 0) + shared, active: K * perExpert + h * E + (moe.routerBias ? E : 0) + shared };
  }

  if (perNorm > 0 && arch.normsPerLayer > 0) {
    add({
      id: 'norms',
      label: `Norms (${arch.normsPerLayer} per layer)`,
      formula: `${arch.normsPerLayer} × ${perNorm === h ? n(h) : `2 × ${n(h)}`}`,
      perLayer: arch.normsPerLayer * perNorm,
      repeats: L,
      facts: [arch.hidden, arch.layers],
    });
  }
  if (perNorm > 0)
    add({ id: 'final-norm', label: 'Final norm', formula: perNorm === h ? n(h) : `2 × ${n(h)}`, repeats: 1, total: perNorm, facts: [arch.hidden] });

  if (arch.mtpLayers && arch.mtpLayers.value > 0) {
    // Megatron-LM's MultiTokenPredictionLayer: enorm, hnorm, eh_proj (2h → h, no bias), one more
    // layer of the model (its MoE block when the model has experts) and a final norm.
    const attention = parts.find((part) => part.id === 'attention')?.perLayer ?? 0;
    const block = moeBlock ?? { total: perMlp, active: perMlp };
    const fixed = 3 * perNorm + 2 * h * h + attention + arch.normsPerLayer * perNorm;
    const prediction = {
      id: 'prediction-layers' as const,
      label: 'Multi-token prediction layers',
      formula: `3 norms + 2 × ${n(h)} × ${n(h)} + one layer`,
      perLayer: fixed + block.total,
      repeats: arch.mtpLayers.value,
      active: (fixed + block.active) * arch.mtpLayers.value,
      facts: [arch.mtpLayers, arch.hidden],
    };
    if (!arch.mtpOutsideCount) add(prediction);
    else outside.push({ ...prediction, total: prediction.perLayer * prediction.repeats });
  }

  return {
    total: parts.reduce((sum, part) => sum + part.total, 0),
    active: parts.reduce((sum, part) => sum + part.active, 0),
    parts,
    outside: outside.length > 0 ? outside : undefined,
  };
}
