import type { Architecture } from '../architecture/architecture';
import { countParameters, type ParameterCount, type ParameterPart } from '../architecture/parameters';

/**
 * Training FLOPs per token, component by component, as trainers' MFU counters count them
 * (Narayanan et al. 2021, appendix; PaLM, appendix B): every weight matrix costs 2 FLOPs per
 * parameter per token forward, and the backward pass twice that, so training is 3 × forward.
 * Beyond 6·N it adds what 6·N leaves out (attention over the context) and removes what it
 * wrongly includes (embedding lookups are not matmuls; MoE experts not routed to do no work).
 *
 * What is not counted, as in those counters: norms, activations, softmax, rotary embeddings,
 * biases' additions and Mamba's selective scan (a few per cent at most for today's shapes).
 */
export interface FlopComponent {
  readonly id: 'dense' | 'experts' | 'router' | 'attention-scores' | 'prediction-layers' | 'logits';
  readonly label: string;
  /** Training FLOPs per token (forward and backward). */
  readonly perToken: number;
  /** How it was computed, for a hover: "6 × 6,476,267,520 matmul parameters". */
  readonly formula: string;
}

export interface DetailedFlopsOptions {
  /** The architecture's parameter count when the caller has it already (it is not counted twice). */
  readonly count?: ParameterCount;
  /** Tokens each token attends over: the training sequence length. */
  readonly sequenceLength: number;
  /**
   * Causal masking: a token attends to the tokens before it, half the context on average. Kernels
   * such as FlashAttention skip the masked half; Megatron-LM's and PaLM's counters do not
   * (default true: the work done; false: the counters' convention).
   */
  readonly causal?: boolean;
  /** Sliding-window attention in place of the architecture's own (Mistral 7B v0.1): at most this many keys. */
  readonly slidingWindow?: number;
  /** Of the attention layers, how many use `slidingWindow` (default all, when a window is given). */
  readonly windowedLayers?: number;
}

/**
 * How attention over the context is counted. 'causal': a query sees the keys before it, (s + 1) / 2
 * on average, as Megatron-LM (since 2025), MaxText and NeMo count and FlashAttention computes.
 * 'full': every key, as torchtitan, nanoGPT and PaLM's MFU counters count.
 */
export type AttentionConvention = 'causal' | 'full';

export interface DetailedFlops {
  readonly components: readonly FlopComponent[];
  /** Training FLOPs per token: the sum of the components. */
  readonly perToken: number;
  /** 6 × active parameters: the figure thresholds use, for comparison. */
  readonly sixN: number;
  /** perToken ÷ sixN − 1: how far the detailed count is from 6·N. */
  readonly difference: number;
  /** The convention of `perToken` and of the attention component. */
  readonly convention: AttentionConvention;
  /** perToken with every key attended (windows and chunks still cap the keys): torchtitan's and PaLM's convention. */
  readonly fullAttentionPerToken: number;
}

/** Parts that are weight matrices multiplied by every token (the router and experts are their own components). */
const DENSE_PARTS = new Set<ParameterPart['id']>(['attention', 'mamba', 'mlp', 'shared-experts']);

export function detailedFlops(arch: Architecture, options: DetailedFlopsOptions): DetailedFlops {
  const count = options.count ?? countParameters(arch);
  const components: FlopComponent[] = [];
  const grouped = (value: number) => Math.round(value).toLocaleString('en-US');

  const dense = count.parts.filter((part) => DENSE_PARTS.has(part.id)).reduce((sum, part) => sum + part.active, 0);
  components.push({ id: 'dense', label: 'Attention and MLP projections', perToken: 6 * dense, formula: `6 × ${grouped(dense)} parameters` });

  const experts = count.parts.find((part) => part.id === 'experts');
  if (experts)
    components.push({
      id: 'experts',
      label: 'Experts routed to',
      perToken: 6 * experts.active,
      formula: `6 × ${grouped(experts.active)} parameters of the top-${arch.moe!.topK.value} experts`,
    });
  const router = count.parts.find((part) => part.id === 'router');
  if (router) components.push({ id: 'router', label: 'MoE routers', perToken: 6 * router.total, formula: `6 × ${grouped(router.total)} router parameters` });

  const causal = options.causal ?? true;
  const scores = attentionScores(arch, options, causal);
  if (scores) components.push(scores);
  const fullScores = causal ? attentionScores(arch, options, false) : scores;

  const h = arch.hidden.value;
  const V = arch.vocab.value;
  // Multi-token prediction (Megatron-LM `--mtp-num-layers`): each depth runs its projection and one
  // more layer over every token, attends over the context like a layer of the model, and computes
  // logits again through the shared output layer.
  const mtp = arch.mtpLayers?.value ?? 0;
  const prediction = [...count.parts, ...(count.outside ?? [])].find((part) => part.id === 'prediction-layers');
  const perLayerScores = (component: FlopComponent | undefined) => (component ? component.perToken / attentionLayers(arch) : 0);
  const mtpPerToken = (component: FlopComponent | undefined) => (prediction ? 6 * prediction.active + mtp * (perLayerScores(component) + 6 * h * V) : 0);
  if (prediction && mtp > 0)
    components.push({
      id: 'prediction-layers',
      label: 'Multi-token prediction',
      perToken: mtpPerToken(scores),
      formula: `6 × ${grouped(prediction.active)} parameters + ${mtp} × (one layer's attention over the context + 6 × ${grouped(h)} × ${grouped(V)} logits)`,
    });

  components.push({ id: 'logits', label: 'Output logits', perToken: 6 * h * V, formula: `6 × ${grouped(h)} × ${grouped(V)}` });

  const perToken = components.reduce((sum, component) => sum + component.perToken, 0);
  const fullAttentionPerToken = perToken - (scores?.perToken ?? 0) - mtpPerToken(scores) + (fullScores?.perToken ?? 0) + mtpPerToken(fullScores);
  const sixN = 6 * count.active;
  return { components, perToken, sixN, difference: perToken / sixN - 1, convention: causal ? 'causal' : 'full', fullAttentionPerToken };
}

function attentionLayers(arch: Architecture): number {
  return arch.stack?.attentionLayers ?? arch.layers.value;
}

/**
 * QKᵀ and the weighted sum of values: per layer and token, 2·a·(d_qk + d_v)·keys forward, so
 * 6·a·(d_qk + d_v)·keys in training; keys = the context (s), half of it under a causal mask
 * ((s + 1) / 2 on average), at most the window's w, the chunk's c on chunked layers.
 */
function attentionScores(arch: Architecture, options: DetailedFlopsOptions, causal: boolean): FlopComponent | undefined {
  const s = options.sequenceLength;
  if (!(s > 0)) return undefined;
  const layers = attentionLayers(arch);
  if (layers <= 0) return undefined;
  const a = arch.heads.value;
  const mla = arch.latentAttention;
  const qk = mla ? mla.qkNopeHeadDim.value + mla.qkRopeHeadDim.value : arch.headDim.value;
  const v = mla ? mla.vHeadDim.value : arch.headDim.value;
  const full = averageKeys(s, causal, undefined);
  const local = localLayers(arch, options, layers);
  const localKeys = !local ? full : local.kind === 'chunked' ? averageChunkKeys(s, causal, local.size) : averageKeys(s, causal, local.size);
  const counted = local ? local.layers : 0;
  const keys = ((layers - counted) * full + counted * localKeys) / layers;
  const perToken = 6 * layers * a * (qk + v) * keys;
  const how = `${causal ? 'causal' : 'every key'}, ${local ? `${local.kind === 'chunked' ? 'chunk' : 'window'} ${local.size} on ${counted} of ${layers} layers, ` : ''}context ${s}`;
  return {
    id: 'attention-scores',
    label: 'Attention over the context',
    perToken,
    formula: `6 × ${layers} layers × ${a} heads × (${qk} + ${v}) × ${round(keys)} keys on average (${how})`,
  };
}

/** The local layers that limit keys at this context: the caller's window, else the architecture's own. */
function localLayers(
  arch: Architecture,
  options: DetailedFlopsOptions,
  layers: number,
): { kind: 'sliding' | 'chunked'; size: number; layers: number } | undefined {
  if (options.slidingWindow !== undefined) {
    if (!(options.slidingWindow < options.sequenceLength)) return undefined;
    return { kind: 'sliding', size: options.slidingWindow, layers: Math.min(layers, options.windowedLayers ?? layers) };
  }
  const local = arch.localAttention;
  if (!local || !(local.size.value < options.sequenceLength)) return undefined;
  // Hybrid stacks list every layer; only attention layers attend, so the share of local layers carries over.
  const share = local.layers.filter(Boolean).length / Math.max(1, local.layers.length);
  return { kind: local.kind, size: local.size.value, layers: Math.round(share * layers) };
}

/** Keys a query attends to on average when attention stays within chunks of c tokens (Llama 4). */
export function averageChunkKeys(s: number, causal: boolean, c: number): number {
  const whole = Math.floor(s / c);
  const rest = s - whole * c;
  if (!causal) return (whole * c * c + rest * rest) / s;
  return ((whole * c * (c + 1)) / 2 + (rest * (rest + 1)) / 2) / s;
}

/** Keys a query attends to on average over the positions 1…s. */
export function averageKeys(s: number, causal: boolean, window: number | undefined): number {
  if (!causal) return window !== undefined ? Math.min(window, s) : s;
  if (window === undefined || window >= s) return (s + 1) / 2;
  // Positions 1…w see 1…w keys; the s − w after them see w each.
  return ((window * (window + 1)) / 2 + (s - window) * window) / s;
}

function round(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
