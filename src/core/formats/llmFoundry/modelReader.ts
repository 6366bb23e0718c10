import { fact } from '../../source/fact';
import type { ConfigView } from '../../source/view';
import type { Draft } from '../../architecture/assemble';
import { count, derived, flagOr, textOf } from '../shared/readerHelpers';

const UNDER = { under: ['model'] };
const ATTN = { under: ['model', 'attn_config'] };
const FFN = { under: ['model', 'ffn_config'] };

/**
 * llm-foundry / Composer MPT configs, with the defaults of `MPTConfig`
 * (llmfoundry/models/mpt/configuration_mpt.py): d_model 2048, n_heads 16, n_layers 24,
 * expansion_ratio 4, max_seq_len 2048, vocab_size 50368, `no_bias: false` (biases on every
 * linear layer and norm), `learned_pos_emb: true` unless `attn_config.alibi` or `.rope` is on,
 * tied embeddings. The published MPT models set `no_bias: true` and ALiBi.
 */
export function readMpt(view: ConfigView): Draft {
  // A default stands in only for a key the file leaves out, never for one it writes badly.
  const orDefault = (key: string, what: string, value: number, options = UNDER) =>
    view.find([key], options) ? count(view, [key], what, options) : fact(value, 'derived', { note: `MPTConfig default ${key}: ${value}` });
  const hidden = orDefault('d_model', 'a hidden size', 2048);
  const ratio = view.count(view.find(['expansion_ratio'], UNDER), 'an MLP expansion ratio', { positive: true });
  const stated = count(view, ['ffn_hidden_size'], 'an MLP width', FFN);
  const ffn = stated ?? (hidden ? derived((ratio?.value ?? 4) * hidden.value, `expansion_ratio ${ratio?.value ?? 4} × d_model`) : undefined);
  const noBias = view.flag(view.find(['no_bias'], UNDER)) ?? false;
  const attentionBias = view.flag(view.find(['attention_bias'], UNDER)) ?? !noBias;
  const alibi = view.flag(view.find(['alibi'], ATTN)) === true;
  const rope = view.flag(view.find(['rope'], ATTN)) === true;
  const learned = (view.flag(view.find(['learned_pos_emb'], UNDER)) ?? true) && !alibi && !rope;
  const ffnType = textOf(view, ['ffn_type'], FFN)?.toLowerCase() ?? 'mptmlp';
  const gated = ffnType.includes('glu');
  const attnType = textOf(view, ['attn_type'], ATTN)?.toLowerCase() ?? 'multihead_attention';
  const kvHeads =
    attnType === 'multiquery_attention'
      ? fact(1, 'derived', { note: 'multiquery_attention: one key/value head' })
      : attnType === 'grouped_query_attention'
        ? count(view, ['kv_n_heads'], 'a number of key/value heads', ATTN)
        : undefined;
  const experts = count(view, ['moe_num_experts'], 'a number of experts', FFN);
  return {
    family: 'MPT (llm-foundry)',
    hidden,
    layers: orDefault('n_layers', 'a number of layers', 24),
    heads: orDefault('n_heads', 'a number of attention heads', 16),
    kvHeads,
    headDim: count(view, ['head_dim'], 'a head size', UNDER),
    ffn: ratio && !stated && ffn ? { ...ffn, key: ratio.key, span: ratio.span } : ffn,
    vocab: orDefault('vocab_size', 'a vocabulary size', 50368),
    tied: flagOr(view, ['tie_word_embeddings'], true, 'MPT ties input and output embeddings by default', UNDER),
    learnedPositions: learned ? orDefault('max_seq_len', 'a number of positions', 2048) : undefined,
    gated: fact(gated, 'derived', { note: `ffn_type ${ffnType}` }),
    attentionBias: attentionBias ? (noBias ? 'qkv' : 'all') : 'none',
    mlpBias: !noBias,
    norm: noBias ? 'layernorm-no-bias' : 'layernorm',
    normsPerLayer: 2,
    moe: experts ? { experts, topK: count(view, ['moe_top_k'], 'a number of experts per token', FFN) } : undefined,
    keyNames: { hidden: 'model.d_model', layers: 'model.n_layers', heads: 'model.n_heads', vocab: 'model.vocab_size' },
  };
}
