// Models whose layers differ one from another (Nemotron-NAS / DeciLM `block_configs`): each layer
// has its own attention (grouped-query with its own KV heads, a linear layer, or none) and its
// own MLP width. The uniform fields of the architecture cannot say this, so the count sums per layer.
import type { Fact } from '../source/fact';

/** One layer, as TensorRT-LLM's `NemotronNASDecoderLayer` builds it from its block config. */
export interface LayerBlock {
  /** 'attention': q, k, v, o with `kvHeads`; 'linear': one h×h projection in its place; 'none': skipped, with its norm. */
  readonly attention: 'attention' | 'linear' | 'none';
  readonly kvHeads: number;
  /** 'mlp': a gated MLP of width `ffn`; 'linear': one h×h projection; 'none': skipped, with its norm. */
  readonly mlp: 'mlp' | 'linear' | 'none';
  readonly ffn: number;
}

export interface LayerBlocks {
  readonly blocks: readonly LayerBlock[];
  /** The key that lays the layers out (`block_configs`), for hovers. */
  readonly layout: Fact<string>;
}

/** The numbers of the uniform architecture the per-layer count needs. */
export interface BlockShape {
  readonly hidden: number;
  readonly heads: number;
  readonly headDim: number;
  readonly gated: boolean;
  /** Bias widths of q/k/v (per KV head, per query head) and of o, as the family has them. */
  readonly qkvBias: boolean;
  readonly outBias: boolean;
  readonly perNorm: number;
  readonly facts: readonly Fact<unknown>[];
}

/** A term of the parameter count, shaped as `ParameterPart` (which this file cannot import without a cycle). */
export interface BlockTerm {
  readonly id: 'attention' | 'mlp' | 'norms';
  readonly label: string;
  readonly formula: string;
  readonly perLayer?: number;
  readonly repeats: number;
  readonly total: number;
  readonly facts: readonly Fact<unknown>[];
}

const grouped = (value: number) => value.toLocaleString('en-US');

/** "3 × 28672 (49 layers), 3 × 14336 (20 layers)": each distinct value with how many layers have it. */
function tally(values: readonly number[], show: (value: number) => string): string {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || b[0] - a[0])
    .map(([value, layers]) => `${show(value)} (${layers} ${layers === 1 ? 'layer' : 'layers'})`)
    .join(' + ');
}

/** The attention, MLP and norm terms of a model with per-layer shapes, layer by layer. */
export function layerBlockTerms(shape: BlockShape, layout: LayerBlocks): BlockTerm[] {
  const { hidden: h, heads: a, headDim: d } = shape;
  const blocks = layout.blocks;
  const facts = [...shape.facts, layout.layout];
  const terms: BlockTerm[] = [];
  const attention = blocks.filter((block) => block.attention === 'attention');
  const attentionOf = (k: number) => h * a * d + 2 * h * k * d + a * d * h + (shape.qkvBias ? a * d + 2 * k * d : 0) + (shape.outBias ? h : 0);
  if (attention.length > 0) {
    const kvHeads = attention.map((block) => block.kvHeads);
    const uniform = kvHeads.every((k) => k === kvHeads[0]);
    terms.push({
      id: 'attention',
      label: 'Attention (q, k, v, o)',
      formula: `${h} × (${a}+2×k) × ${d} + ${a} × ${d} × ${h}, k = ${tally(kvHeads, (k) => `${k}`)}`,
      perLayer: uniform ? attentionOf(kvHeads[0]) : undefined,
      repeats: attention.length,
      total: kvHeads.reduce((sum, k) => sum + attentionOf(k), 0),
      facts,
    });
  }
  const linearAttention = blocks.filter((block) => block.attention === 'linear').length;
  if (linearAttention > 0)
    terms.push({
      id: 'attention',
      label: 'Attention replaced by a linear layer',
      formula: `${h} × ${h}`,
      perLayer: h * h,
      repeats: linearAttention,
      total: linearAttention * h * h,
      facts,
    });

  const mlp = blocks.filter((block) => block.mlp === 'mlp').map((block) => block.ffn);
  const matrices = shape.gated ? 3 : 2;
  if (mlp.length > 0) {
    const uniform = mlp.every((f) => f === mlp[0]);
    terms.push({
      id: 'mlp',
      label: shape.gated ? 'MLP (gated), per-layer widths' : 'MLP, per-layer widths',
      formula: `${matrices} × ${h} × f, f = ${tally(mlp, grouped)}`,
      perLayer: uniform ? matrices * h * mlp[0] : undefined,
      repeats: mlp.length,
      total: mlp.reduce((sum, f) => sum + matrices * h * f, 0),
      facts,
    });
  }
  const linearMlp = blocks.filter((block) => block.mlp === 'linear').length;
  if (linearMlp > 0)
    terms.push({
      id: 'mlp',
      label: 'MLP replaced by a linear layer',
      formula: `${h} × ${h}`,
      perLayer: h * h,
      repeats: linearMlp,
      total: linearMlp * h * h,
      facts,
    });

  // Each attention or MLP that is not skipped has its own norm before it; a skipped one has none.
  const norms = blocks.reduce((sum, block) => sum + (block.attention !== 'none' ? 1 : 0) + (block.mlp !== 'none' ? 1 : 0), 0);
  if (shape.perNorm > 0 && norms > 0)
    terms.push({
      id: 'norms',
      label: `Norms (one before each attention and MLP not skipped: ${norms})`,
      formula: `${norms} × ${shape.perNorm === h ? h : `2 × ${h}`}`,
      repeats: blocks.length,
      total: norms * shape.perNorm,
      facts,
    });
  return terms;
}

/** Layers that attend over the context (for the FLOP count and the KV cache). */
export function attendingLayers(layout: LayerBlocks): number {
  return layout.blocks.filter((block) => block.attention === 'attention').length;
}
