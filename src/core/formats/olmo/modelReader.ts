import { fact } from '../../source/fact';
import type { ConfigView } from '../../source/view';
import type { Draft } from '../../architecture/assemble';
import { count, derived, flagOr, textOf } from '../shared/readerHelpers';

const UNDER = { under: ['model'] };

/**
 * OLMo (1.x) training configs. `mlp_hidden_size` is the fused width of the SwiGLU input
 * projection, so each branch is half of it; `embedding_size` is the padded vocabulary;
 * `layer_norm_with_affine: false` means norms without parameters.
 */
export function readOlmo(view: ConfigView): Draft {
  const hidden = count(view, ['d_model'], 'a hidden size', UNDER);
  const activation = textOf(view, ['activation_type'], UNDER)?.toLowerCase() ?? 'swiglu';
  const gated = /glu/.test(activation);
  const fused = count(view, ['mlp_hidden_size'], 'an MLP width', UNDER);
  let ffn = fused && gated ? derived(fused.value / 2, `mlp_hidden_size ${fused.value} is the fused SwiGLU width: ${fused.value / 2} per branch`) : fused;
  if (ffn && fused) ffn = { ...ffn, key: fused.key, span: fused.span };
  if (!ffn && hidden) {
    const ratio = view.count(view.find(['mlp_ratio'], UNDER), 'an MLP ratio', { positive: true })?.value ?? 4;
    const width = ratio * hidden.value;
    ffn = derived(gated ? width / 2 : width, `mlp_ratio ${ratio} × d_model${gated ? ', halved for SwiGLU' : ''}`);
  }
  const includeBias = view.flag(view.find(['include_bias'], UNDER)) ?? true;
  const affine = view.flag(view.find(['layer_norm_with_affine'], UNDER)) ?? true;
  const normBias = view.flag(view.find(['bias_for_layer_norm'], UNDER)) ?? includeBias;
  const normType = textOf(view, ['layer_norm_type'], UNDER)?.toLowerCase() ?? 'default';
  const norm = !affine ? 'none' : normType === 'rms' ? 'rms' : normBias ? 'layernorm' : 'layernorm-no-bias';
  const positional = view.flag(view.find(['rope'], UNDER)) || view.flag(view.find(['alibi'], UNDER));
  const heads = count(view, ['n_heads'], 'a number of attention heads', UNDER);
  const multiQuery = view.flag(view.find(['multi_query_attention'], UNDER));
  const kvHeads =
    count(view, ['n_kv_heads'], 'a number of key/value heads', UNDER) ?? (multiQuery ? fact(1, 'config', { note: 'multi-query attention' }) : undefined);
  const qkNorm =
    view.flag(view.find(['attention_layer_norm'], UNDER)) === true && hidden && heads
      ? hidden.value + (kvHeads?.value ?? heads.value) * (hidden.value / heads.value)
      : 0;
  return {
    family: 'OLMo',
    hidden,
    layers: count(view, ['n_layers'], 'a number of layers', UNDER),
    heads,
    kvHeads,
    ffn,
    vocab: count(view, ['embedding_size'], 'a padded vocabulary size', UNDER) ?? count(view, ['vocab_size'], 'a vocabulary size', UNDER),
    tied: flagOr(view, ['weight_tying'], true, 'OLMo ties embeddings unless weight_tying is false', UNDER),
    learnedPositions: positional ? undefined : count(view, ['max_sequence_length'], 'a number of positions', UNDER),
    gated: fact(gated, 'derived', { note: `activation_type ${activation}` }),
    attentionBias: includeBias ? 'all' : 'none',
    mlpBias: includeBias,
    norm: norm === 'none' ? 'none' : norm,
    normsPerLayer: 2,
    qkNorm: affine ? qkNorm : 0,
    keyNames: { hidden: 'model.d_model', layers: 'model.n_layers', heads: 'model.n_heads', vocab: 'model.embedding_size or model.vocab_size' },
  };
}
