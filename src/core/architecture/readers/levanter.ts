import { tokenizerVocab } from '../../catalog/tokenizers';
import { fact } from '../../source/fact';
import type { ConfigView } from '../../source/view';
import type { Draft } from '../assemble';
import { count, derived, flagOr, textOf } from './common';

const UNDER = { under: ['model'] };

/**
 * Levanter configs: `model: {type: llama, hidden_dim, intermediate_dim, num_layers, num_heads,
 * num_kv_heads, seq_len}` with the vocabulary coming from the named tokenizer.
 */
export function readLevanter(view: ConfigView): Draft {
  const type = textOf(view, ['type'], UNDER)?.toLowerCase() ?? 'llama';
  const gpt2 = type === 'gpt2';
  const hidden = count(view, ['hidden_dim'], 'a hidden size', UNDER);
  let ffn = count(view, ['intermediate_dim'], 'an MLP width', UNDER);
  if (!ffn && hidden) {
    const ratio = view.count(view.find(['mlp_scale'], UNDER), 'an MLP ratio', { positive: true })?.value ?? 4;
    ffn = derived(ratio * hidden.value, `${ratio} × hidden_dim`);
  }
  const tokenizerKey = view.find(['tokenizer']);
  const known = tokenizerVocab(view.text(tokenizerKey) ?? '');
  const vocab = count(view, ['vocab_size'], 'a vocabulary size') ?? (known && tokenizerKey ? fact(known.vocab, 'derived', { note: known.name, key: tokenizerKey.path.join('.'), span: tokenizerKey.entry.keySpan }) : undefined);
  return {
    family: `Levanter (${type})`,
    hidden,
    layers: count(view, ['num_layers'], 'a number of layers', UNDER),
    heads: count(view, ['num_heads'], 'a number of attention heads', UNDER),
    kvHeads: count(view, ['num_kv_heads'], 'a number of key/value heads', UNDER),
    headDim: count(view, ['head_dim'], 'a head size', UNDER),
    ffn,
    vocab,
    tied: flagOr(view, ['tie_word_embeddings'], gpt2, `Levanter's ${type} ${gpt2 ? 'ties' : 'does not tie'} embeddings by default`, UNDER),
    learnedPositions: gpt2 ? count(view, ['seq_len'], 'a number of positions', UNDER) : undefined,
    gated: fact(!gpt2, 'derived', { note: gpt2 ? 'GPT-2 MLP' : 'SwiGLU MLP' }),
    attentionBias: gpt2 ? 'all' : 'none',
    mlpBias: gpt2,
    norm: gpt2 ? 'layernorm' : 'rms',
    normsPerLayer: 2,
    keyNames: { hidden: 'model.hidden_dim', layers: 'model.num_layers', heads: 'model.num_heads', vocab: 'vocab_size or a known tokenizer' },
  };
}
