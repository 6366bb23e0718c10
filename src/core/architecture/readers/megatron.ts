import { fact } from '../../source/fact';
import type { ConfigView } from '../../source/view';
import type { Draft } from '../assemble';
import { count, derived, flagOr, textOf } from './common';
import { megatronVocab } from './neox';

const UNDER = { under: ['model'] };

/**
 * NeMo / Megatron-LM (Hydra) configs: a `model:` section with Megatron's argument names.
 * Megatron's defaults: biases on, LayerNorm with bias, GELU MLP of 4h, learned absolute
 * positions, embeddings shared with the output layer.
 */
export function readMegatron(view: ConfigView): Draft {
  const hidden = count(view, ['hidden_size'], 'a hidden size', UNDER);
  const heads = count(view, ['num_attention_heads'], 'a number of attention heads', UNDER);
  const activation = textOf(view, ['activation'], UNDER)?.toLowerCase() ?? 'gelu';
  const gated = /glu/.test(activation) || view.flag(view.find(['gated_linear_unit'], UNDER)) === true;
  let ffn = count(view, ['ffn_hidden_size'], 'an MLP width', UNDER);
  if (!ffn && hidden) ffn = derived(4 * hidden.value, '4 × hidden size (Megatron default)');
  const normalization = textOf(view, ['normalization'], UNDER)?.toLowerCase() ?? 'layernorm';
  const positionType = textOf(view, ['position_embedding_type'], UNDER)?.toLowerCase() ?? 'learned_absolute';
  const bias = view.flag(view.find(['bias'], UNDER)) ?? true;
  // NeMo writes `share_embeddings_and_output_weights`; Megatron-LM's own flag is the negation.
  const untie = flagOr(view, ['untie_embeddings_and_output_weights'], false, '', UNDER);
  const tiedFact = untie.origin === 'config'
    ? fact(!untie.value, 'config', { key: untie.key, span: untie.span })
    : flagOr(view, ['share_embeddings_and_output_weights'], true, 'Megatron shares input and output embeddings by default', UNDER);
  const queryGroups = count(view, ['num_query_groups'], 'a number of query groups', UNDER);
  return {
    family: 'Megatron / NeMo',
    hidden,
    layers: count(view, ['num_layers'], 'a number of layers', UNDER),
    heads,
    kvHeads: queryGroups,
    headDim: count(view, ['kv_channels'], 'a head size', UNDER),
    ffn,
    vocab: megatronVocab(view, 'tensor_model_parallel_size', 'Megatron'),
    tied: tiedFact,
    learnedPositions: positionType === 'learned_absolute' ? count(view, ['max_position_embeddings', 'encoder_seq_length'], 'a number of positions', UNDER) : undefined,
    gated: fact(gated, 'derived', { note: `activation ${activation}` }),
    attentionBias: bias ? 'all' : 'none',
    mlpBias: bias,
    norm: normalization === 'rmsnorm' ? 'rms' : 'layernorm',
    normsPerLayer: 2,
    moe: (() => {
      const experts = count(view, ['num_moe_experts'], 'a number of experts', UNDER);
      return experts ? { experts, topK: count(view, ['moe_router_topk'], 'a number of experts per token', UNDER), ffn: count(view, ['moe_ffn_hidden_size'], 'an expert MLP width', UNDER) } : undefined;
    })(),
    keyNames: { hidden: 'model.hidden_size', layers: 'model.num_layers', heads: 'model.num_attention_heads' },
  };
}
