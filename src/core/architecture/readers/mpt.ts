import { fact } from '../../source/fact';
import type { ConfigView } from '../../source/view';
import type { Draft } from '../assemble';
import { count, derived } from './common';

const UNDER = { under: ['model'] };

/**
 * llm-foundry / Composer MPT configs. MPT has no biases (`no_bias` defaults to true), LayerNorm
 * weights without bias, a plain GELU MLP of `expansion_ratio × d_model`, and tied embeddings.
 * Published MPT models use ALiBi, so positions are counted only when `learned_pos_emb` is set
 * explicitly and ALiBi is not.
 */
export function readMpt(view: ConfigView): Draft {
  const hidden = count(view, ['d_model'], 'a hidden size', UNDER);
  const ratio = view.count(view.find(['expansion_ratio'], UNDER), 'an MLP expansion ratio', { positive: true });
  const ffn = hidden ? derived((ratio?.value ?? 4) * hidden.value, `expansion_ratio ${ratio?.value ?? 4} × d_model`) : undefined;
  const noBias = view.flag(view.find(['no_bias'], UNDER)) ?? true;
  const learned = view.flag(view.find(['learned_pos_emb'], UNDER)) === true && view.flag(view.find(['alibi'], UNDER)) !== true;
  return {
    family: 'MPT (llm-foundry)',
    hidden,
    layers: count(view, ['n_layers'], 'a number of layers', UNDER),
    heads: count(view, ['n_heads'], 'a number of attention heads', UNDER),
    kvHeads: count(view, ['kv_n_heads'], 'a number of key/value heads', UNDER),
    ffn: ratio && ffn ? { ...ffn, key: ratio.key, span: ratio.span } : ffn,
    vocab: count(view, ['vocab_size'], 'a vocabulary size', UNDER),
    tied: fact(true, 'derived', { note: 'MPT ties input and output embeddings' }),
    learnedPositions: learned ? count(view, ['max_seq_len'], 'a number of positions', UNDER) : undefined,
    gated: fact(false, 'derived', { note: 'MPT uses a plain GELU MLP' }),
    attentionBias: noBias ? 'none' : 'all',
    mlpBias: !noBias,
    norm: noBias ? 'layernorm-no-bias' : 'layernorm',
    normsPerLayer: 2,
    keyNames: { hidden: 'model.d_model', layers: 'model.n_layers', heads: 'model.n_heads', vocab: 'model.vocab_size' },
  };
}
