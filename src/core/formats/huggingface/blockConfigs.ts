// Nemotron-NAS / DeciLM (`model_type: nemotron-nas`, `DeciLMForCausalLM`): `block_configs` gives
// every layer its own attention and MLP. Read as NVIDIA/TensorRT-LLM@4d36536824297d167f4f5cfbd0217eb723014b81
// (tensorrt_llm/_torch/models/modeling_nemotron_nas.py) and vllm-project/vllm@2ee6ae787f3088315ea02f64650df0a05dfe566b
// (vllm/model_executor/models/nemotron_nas.py) build the model from it:
// - attention `no_op`: no attention and no input norm; `replace_with_linear`: a norm and one
//   h×h linear layer (no bias); else grouped-query attention with heads ÷ `n_heads_in_group` KV heads;
// - ffn `no_op`: no MLP and no post-attention norm; `replace_with_linear`: a norm and one h×h
//   linear layer; else a gated MLP of width `_ffn_mult_to_intermediate_size(ffn_mult, h)`,
//   int(2 · ffn_mult · h / 3) rounded up to a multiple of 256 (or the block's `intermediate_size`).
import { fact, type Fact } from '../../source/fact';
import type { ConfigView, FindOptions } from '../../source/view';
import type { ConfigNode } from '../../source/tree';
import { getEntry } from '../../source/tree';
import type { LayerBlock, LayerBlocks } from '../../architecture/layerBlocks';

export interface BlockLayout {
  readonly blocks: LayerBlocks;
  /** The most common KV-head count and the mean MLP width, for what reads the architecture as uniform (memory, LoRA). */
  readonly kvHeads?: Fact;
  readonly ffn?: Fact;
}

function scalar(node: ConfigNode | undefined, key: string): unknown {
  const value = getEntry(node, key)?.value;
  return value?.kind === 'scalar' ? value.value : undefined;
}

/** int(2 · ffn_mult · h / 3), rounded up to a multiple of 256 (`_ffn_mult_to_intermediate_size`). */
export function ffnMultToWidth(ffnMult: number, hidden: number): number {
  const width = Math.trunc((2 * ffnMult * hidden) / 3);
  return width % 256 === 0 ? width : width + 256 - (width % 256);
}

/**
 * The per-layer shapes of `block_configs`, or undefined when there is no such list. A block this
 * reader cannot read (no `n_heads_in_group`, no `ffn_mult`) makes the whole list unread, with a
 * warning at the key, rather than a count that silently leaves a layer out.
 */
export function readBlockConfigs(
  view: ConfigView,
  hidden: number | undefined,
  heads: number | undefined,
  layers: number | undefined,
  options: FindOptions,
): BlockLayout | undefined {
  const located = view.find(['block_configs'], options);
  const list = located?.entry.value;
  if (!located || list?.kind !== 'seq' || !hidden || !heads) return undefined;
  const problem = (message: string) => {
    view.report(located, 'warning', 'invalid-number', message);
    return undefined;
  };
  if (layers !== undefined && list.items.length !== layers)
    return problem(`block_configs lists ${list.items.length} layers but num_hidden_layers is ${layers}; the per-layer shapes are not read.`);
  const blocks: LayerBlock[] = [];
  for (const [i, item] of list.items.entries()) {
    const attention = getEntry(item, 'attention')?.value;
    const ffn = getEntry(item, 'ffn')?.value;
    let attentionKind: LayerBlock['attention'] = 'attention';
    let kvHeads = 0;
    if (scalar(attention, 'no_op') === true) attentionKind = 'none';
    else if (scalar(attention, 'replace_with_linear') === true) attentionKind = 'linear';
    else {
      const group = scalar(attention, 'n_heads_in_group');
      if (typeof group !== 'number' || !Number.isInteger(group) || group <= 0 || heads % group !== 0)
        return problem(`block_configs[${i}].attention has no n_heads_in_group that divides the ${heads} heads; the per-layer shapes are not read.`);
      kvHeads = heads / group;
    }
    let mlpKind: LayerBlock['mlp'] = 'mlp';
    let width = 0;
    if (scalar(ffn, 'no_op') === true) mlpKind = 'none';
    else if (scalar(ffn, 'replace_with_linear') === true) mlpKind = 'linear';
    else {
      const mult = scalar(ffn, 'ffn_mult');
      const explicit = scalar(ffn, 'intermediate_size');
      if (typeof mult === 'number' && Number.isFinite(mult) && mult > 0) width = ffnMultToWidth(mult, hidden);
      else if (typeof explicit === 'number' && Number.isInteger(explicit) && explicit > 0) width = explicit;
      else return problem(`block_configs[${i}].ffn has neither ffn_mult nor intermediate_size; the per-layer shapes are not read.`);
      // The bound every count in a config gets (ConfigView.count): past it no real model, and the products overflow.
      if (!(width <= 1e30)) return problem(`block_configs[${i}].ffn gives an MLP width beyond any real model; the per-layer shapes are not read.`);
    }
    blocks.push({ attention: attentionKind, kvHeads, mlp: mlpKind, ffn: width });
  }
  if (blocks.length === 0) return undefined;

  const attending = blocks.filter((block) => block.attention === 'attention');
  const mlps = blocks.filter((block) => block.mlp === 'mlp');
  const skipped = blocks.filter((block) => block.attention === 'none').length;
  const layout = fact(
    `${blocks.length} layers: ${attending.length} with attention, ${skipped} without, ${mlps.length} MLPs of ${new Set(mlps.map((block) => block.ffn)).size} widths`,
    'config',
    { key: located.path.join('.'), span: located.entry.keySpan },
  );
  const counts = new Map<number, number>();
  for (const block of attending) counts.set(block.kvHeads, (counts.get(block.kvHeads) ?? 0) + 1);
  const common = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  const where = { key: located.path.join('.'), span: located.entry.keySpan };
  return {
    blocks: { blocks, layout },
    kvHeads:
      common && fact(common[0], 'derived', { ...where, note: `the KV heads of ${common[1]} of the ${attending.length} attention layers (block_configs)` }),
    ffn:
      mlps.length > 0
        ? fact(mlps.reduce((sum, block) => sum + block.ffn, 0) / mlps.length, 'derived', {
            ...where,
            note: `the mean width of the ${mlps.length} MLPs (block_configs)`,
          })
        : undefined,
  };
}
