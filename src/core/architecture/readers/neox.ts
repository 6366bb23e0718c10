import { padVocab, tokenizerVocab } from '../../catalog/tokenizers';
import { fact } from '../../source/fact';
import type { ConfigView } from '../../source/view';
import type { Draft } from '../assemble';
import { assumed, count, derived, flagOr, textOf } from './common';

/**
 * GPT-NeoX YAML (`num-layers`, `hidden-size`, ...). Biases everywhere, two LayerNorms per layer,
 * untied only when `no-weight-tying` is set, vocabulary from the tokenizer file padded to
 * `make-vocab-size-divisible-by` (default 128) × model-parallel size.
 */
export function readNeox(view: ConfigView): Draft {
  const hidden = count(view, ['hidden_size'], 'a hidden size');
  const heads = count(view, ['num_attention_heads'], 'a number of attention heads');
  const norm = textOf(view, ['norm'])?.toLowerCase();
  const activation = textOf(view, ['activation'])?.toLowerCase() ?? 'gelu';
  const gated = /glu/.test(activation);
  let ffn = count(view, ['intermediate_size'], 'an MLP width');
  if (!ffn && hidden) ffn = derived(4 * hidden.value, '4 × hidden size (GPT-NeoX default)');
  const posEmb = textOf(view, ['pos_emb'])?.toLowerCase() ?? 'learned';
  const positions = posEmb === 'learned' ? count(view, ['max_position_embeddings', 'seq_length'], 'a number of positions') : undefined;
  const noTying = flagOr(view, ['no_weight_tying'], false, 'GPT-NeoX ties embeddings unless no-weight-tying is set');
  return {
    family: 'GPT-NeoX',
    hidden,
    layers: count(view, ['num_layers'], 'a number of layers'),
    heads,
    kvHeads: count(view, ['num_kv_heads'], 'a number of key/value heads'),
    ffn,
    vocab: megatronVocab(view, 'model_parallel_size', 'GPT-NeoX'),
    tied: fact(!noTying.value, noTying.origin, { key: noTying.key, span: noTying.span, note: noTying.note }),
    learnedPositions: positions,
    gated: fact(gated, 'derived', { note: `activation ${activation}` }),
    attentionBias: 'all',
    mlpBias: true,
    norm: norm === 'rmsnorm' ? 'rms' : 'layernorm',
    normsPerLayer: 2,
    keyNames: { hidden: 'hidden-size', layers: 'num-layers', heads: 'num-attention-heads', vocab: 'vocab-file or padded vocabulary size' },
  };
}

/**
 * Megatron-style vocabulary: an explicit padded size wins; otherwise the tokenizer's size
 * padded to `make_vocab_size_divisible_by × tensor-parallel size`, as Megatron builds it.
 */
export function megatronVocab(view: ConfigView, parallelKey: string, framework: string, options: { statedIsPadded?: boolean } = {}) {
  // Megatron-LM's own --vocab-size is the tokenizer's size, padded like any other (build_tokenizer.py).
  const explicit = count(view, options.statedIsPadded === false ? ['padded_vocab_size', 'pad_vocab_size_to'] : ['padded_vocab_size', 'vocab_size'], 'a vocabulary size');
  if (explicit) return explicit;
  const stated = options.statedIsPadded === false ? view.find(['vocab_size']) : undefined;
  const statedSize = stated && count(view, ['vocab_size'], 'a vocabulary size');
  // The tokenizer's name first: a vocab-file path often holds an interpolation of a data folder.
  const candidates = [view.find(['tokenizer_type']), view.find(['type'], { under: ['model', 'tokenizer'] }), view.find(['type'], { under: ['tokenizer'] }), view.find(['vocab_file']), view.find(['tokenizer_model'])];
  let source: { located: NonNullable<(typeof candidates)[number]>; vocab: number; name: string } | undefined =
    stated && statedSize ? { located: stated, vocab: statedSize.value, name: `vocab-size` } : undefined;
  for (const located of source ? [] : candidates) {
    const known = located && tokenizerVocab(view.text(located) ?? '');
    if (located && known) {
      source = { located, ...known };
      break;
    }
  }
  const divisor = count(view, ['make_vocab_size_divisible_by'], 'a padding multiple')?.value ?? 128;
  const parallel = count(view, [parallelKey], 'a model-parallel size')?.value ?? 1;
  const base = source ?? { vocab: 50257, name: 'GPT-2 BPE tokenizer (assumed: the file names no vocabulary size or known tokenizer)' };
  const padded = padVocab(base.vocab, divisor * parallel);
  const note = `${base.name}: ${base.vocab.toLocaleString('en-US')} tokens, padded to ${padded.toLocaleString('en-US')} (a multiple of ${divisor} × ${parallel}) as ${framework} does`;
  return source ? fact(padded, 'derived', { note, key: source.located.path.join('.'), span: source.located.entry.keySpan }) : assumed(padded, note);
}
