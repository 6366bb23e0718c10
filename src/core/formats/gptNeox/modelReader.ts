import { padVocab, tokenizerVocab } from '../../catalog/tokenizers';
import { fact, type Fact } from '../../source/fact';
import type { ConfigView } from '../../source/view';
import type { Draft } from '../../architecture/assemble';
import type { NormKind } from '../../architecture/architecture';
import { assumed, count, derived, flagOr, textOf } from '../shared/readerHelpers';
import type { TokenizerFileReader } from '../../architecture/readers/tokenizerFile';

/**
 * GPT-NeoX YAML (`num-layers` or `num_layers`, `hidden-size`, ...), with the defaults of
 * `megatron/neox_arguments/neox_args.py`: learned positions, LayerNorm, biases on every linear
 * layer and norm (`use_bias_in_attn_linear`, `use_bias_in_mlp`, `use_bias_in_norms`), tied
 * embeddings unless `no_weight_tying`, the vocabulary padded to `make_vocab_size_divisible_by`
 * (128) × model-parallel size. The MLP width follows `ParallelMLP` in `megatron/model/transformer.py`.
 */
export function readNeox(view: ConfigView, tokenizerFile?: TokenizerFileReader): Draft {
  const hidden = count(view, ['hidden_size'], 'a hidden size');
  const layers = count(view, ['num_layers'], 'a number of layers');
  const activation = textOf(view, ['activation'])?.toLowerCase() ?? 'gelu';
  const gated = /glu/.test(activation);
  const posEmb = textOf(view, ['pos_emb'])?.toLowerCase() ?? 'learned';
  const positions = posEmb === 'learned' ? count(view, ['max_position_embeddings', 'seq_length'], 'a number of positions') : undefined;
  const noTying = flagOr(view, ['no_weight_tying'], false, 'GPT-NeoX ties embeddings unless no_weight_tying is set');
  const attentionBias = view.flag(view.find(['use_bias_in_attn_linear'])) ?? true;
  let mlpBias = view.flag(view.find(['use_bias_in_mlp'])) ?? true;
  const moe = readNeoxMoe(view, hidden?.value, layers?.value);
  // The dropless MoE layers (megatron/model/moe_mlp.py ParallelGroupedMLP) are two bias-free
  // matrices per expert; when every layer is an MoE layer the dense MLP's settings do not apply.
  const allMoe = moe && layers && moe.moeLayers === layers.value;
  if (allMoe) mlpBias = false;
  return {
    family: moe ? 'GPT-NeoX (MoE)' : 'GPT-NeoX',
    hidden,
    layers,
    heads: count(view, ['num_attention_heads'], 'a number of attention heads'),
    kvHeads: count(view, ['num_kv_heads'], 'a number of key/value heads'),
    ffn: neoxMlpWidth(view, hidden, gated),
    vocab: neoxVocab(view, tokenizerFile),
    tied: fact(!noTying.value, noTying.origin, { key: noTying.key, span: noTying.span, note: noTying.note }),
    learnedPositions: positions,
    gated: fact(gated && !allMoe, 'derived', { note: allMoe ? 'every layer is a dropless MoE layer of plain two-matrix experts' : `activation ${activation}` }),
    attentionBias: attentionBias ? 'all' : 'none',
    mlpBias,
    norm: neoxNorm(view),
    normsPerLayer: 2,
    moe,
    keyNames: { hidden: 'hidden-size', layers: 'num-layers', heads: 'num-attention-heads', vocab: 'vocab-file or padded vocabulary size' },
  };
}

function neoxNorm(view: ConfigView): NormKind {
  const norm = textOf(view, ['norm'])?.toLowerCase() ?? 'layernorm';
  if (norm.includes('rms')) return 'rms';
  if (norm === 'non_parametric_layernorm' || norm === 'scalenorm') return 'none';
  return view.flag(view.find(['use_bias_in_norms'])) === false ? 'layernorm-no-bias' : 'layernorm';
}

/**
 * `ParallelMLP`: the width is `intermediate_size`, else `expansion_factor × h`, else 4h. A gated
 * activation (swiglu, geglu) scales it by 2/3 and halves it for each branch: `int(f·2/3) // 2`,
 * rounded up to `mlp_multiple_of` (default 1). So `intermediate_size: 32768` gives Llama-7B's 11,008.
 */
function neoxMlpWidth(view: ConfigView, hidden: Fact | undefined, gated: boolean): Fact | undefined {
  const stated = count(view, ['intermediate_size'], 'an MLP width');
  const factor = view.count(view.find(['expansion_factor']), 'an MLP expansion factor', { positive: true });
  const multipleKey = count(view, ['mlp_multiple_of'], 'an MLP width multiple');
  const multiple = multipleKey?.value ?? 1;
  let width: number;
  let how: string;
  if (stated) [width, how] = [stated.value, `intermediate_size ${stated.value}`];
  else if (factor && hidden) [width, how] = [Math.floor(factor.value * hidden.value), `expansion_factor ${factor.value} × hidden size`];
  else if (hidden) [width, how] = [4 * hidden.value, '4 × hidden size (GPT-NeoX default)'];
  else return undefined;
  const roundUp = (value: number, step: number) => step * Math.ceil(value / step);
  if (!gated) {
    const value = roundUp(width, multiple);
    if (stated && value === stated.value) return stated;
    return derived(value, multiple > 1 ? `${how}, rounded up to a multiple of ${multiple}` : how);
  }
  const branch = roundUp(Math.floor(Math.floor((width * 2) / 3) / 2), multiple);
  const note = `${how}; gated: int(${width} × 2/3) // 2 per branch${multiple > 1 ? `, rounded up to a multiple of ${multiple}` : ''} (GPT-NeoX ParallelMLP)`;
  return fact(branch, 'derived', { note, key: stated?.key, span: stated?.span });
}

/**
 * Dropless MoE (`moe_num_experts` > 1): every `moe_expert_interval`-th layer (layer numbers 0, k, 2k …)
 * holds `moe_num_experts` experts of width `intermediate_size` or 4h rounded up to 256, routed top-`moe_top_k` (default 1).
 */
function readNeoxMoe(view: ConfigView, hidden: number | undefined, layers: number | undefined): Draft['moe'] {
  const experts = count(view, ['moe_num_experts'], 'a number of experts');
  if (!experts || experts.value <= 1) return undefined;
  const topKKey = count(view, ['moe_top_k'], 'a number of experts per token');
  const topK = topKKey ?? fact(1, 'derived', { note: 'moe_top_k defaults to 1 in GPT-NeoX' });
  const interval = count(view, ['moe_expert_interval'], 'an MoE layer interval')?.value ?? 1;
  const stated = count(view, ['intermediate_size'], 'an MLP width');
  const ffn = stated ?? (hidden ? derived(256 * Math.ceil((4 * hidden) / 256), '4 × hidden size rounded up to 256 (GPT-NeoX expert default)') : undefined);
  return { experts, topK, ffn, moeLayers: layers !== undefined ? Math.ceil(layers / interval) : undefined };
}

/**
 * NeoX's vocabulary: Megatron's padding, with `GPT2BPETokenizer`, NeoX's default `tokenizer_type`,
 * when the file names no tokenizer at all.
 */
function neoxVocab(view: ConfigView, tokenizerFile?: TokenizerFileReader): Fact {
  const vocab = megatronVocab(view, 'model_parallel_size', 'GPT-NeoX', { tokenizerFile });
  if (vocab.origin !== 'assumed' || view.find(['tokenizer_type', 'vocab_file']) !== undefined) return vocab;
  return {
    ...vocab,
    origin: 'derived',
    note: `GPT2BPETokenizer, GPT-NeoX's default tokenizer_type: 50,257 tokens, padded to ${vocab.value.toLocaleString('en-US')}`,
  };
}

/**
 * Megatron-style vocabulary: an explicit padded size wins; otherwise the tokenizer's size
 * padded to `make_vocab_size_divisible_by × tensor-parallel size`, as Megatron builds it.
 */
export function megatronVocab(
  view: ConfigView,
  parallelKey: string,
  framework: string,
  options: { statedIsPadded?: boolean; tokenizerFile?: TokenizerFileReader } = {},
) {
  // Megatron-LM's own --vocab-size is the tokenizer's size, padded like any other (build_tokenizer.py).
  const explicit = count(
    view,
    options.statedIsPadded === false ? ['padded_vocab_size', 'pad_vocab_size_to'] : ['padded_vocab_size', 'vocab_size'],
    'a vocabulary size',
  );
  if (explicit) return explicit;
  const stated = options.statedIsPadded === false ? view.find(['vocab_size']) : undefined;
  const statedSize = stated && count(view, ['vocab_size'], 'a vocabulary size');
  // The tokenizer's name first: a vocab-file path often holds an interpolation of a data folder.
  const candidates = [
    view.find(['tokenizer_type']),
    view.find(['type'], { under: ['model', 'tokenizer'] }),
    view.find(['type'], { under: ['tokenizer'] }),
    view.find(['vocab_file']),
    view.find(['tokenizer_model']),
    // NeMo's `model.tokenizer.model`: the SentencePiece (or tiktoken) file itself.
    view.find(['model'], { under: ['model', 'tokenizer'] }),
    view.find(['model'], { under: ['tokenizer'] }),
  ];
  let source: { located: NonNullable<(typeof candidates)[number]>; vocab: number; name: string } | undefined =
    stated && statedSize ? { located: stated, vocab: statedSize.value, name: `vocab-size` } : undefined;
  // A tokenizer file the host can read and count comes before any guess from a name.
  for (const located of source ? [] : candidates) {
    const counted = located && options.tokenizerFile?.(view.text(located) ?? '');
    if (located && counted && counted !== 'pending') {
      source = { located, ...counted };
      break;
    }
  }
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
