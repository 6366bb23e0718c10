import { tokenizerVocab } from '../../catalog/tokenizers';
import { fact, type Fact } from '../../source/fact';
import type { ConfigView } from '../../source/view';
import type { Draft } from '../../architecture/assemble';
import { count, derived, textOf } from '../shared/readerHelpers';

const UNDER = { under: ['model'] };

interface LevanterDefaults {
  readonly seq_len: number;
  readonly hidden_dim: number;
  readonly intermediate_dim?: number;
  readonly num_layers: number;
  readonly num_heads: number;
  readonly num_kv_heads?: number;
  readonly head_dim?: number;
  readonly tie_word_embeddings: boolean;
  readonly use_bias: boolean;
  readonly gpt2?: boolean;
}

const LLAMA: LevanterDefaults = {
  seq_len: 2048,
  hidden_dim: 4096,
  intermediate_dim: 11008,
  num_layers: 32,
  num_heads: 32,
  num_kv_heads: 32,
  tie_word_embeddings: false,
  use_bias: false,
};

/**
 * Dataclass defaults of Levanter's model configs (src/levanter/models/*.py), used for every
 * field a file leaves out: `model: {type: mistral}` alone is Mistral-7B.
 */
export const LEVANTER_DEFAULTS: Readonly<Record<string, LevanterDefaults>> = {
  llama: LLAMA,
  mistral: { ...LLAMA, seq_len: 8192, intermediate_dim: 14336, num_kv_heads: 8 },
  // MixtralConfig extends MistralConfig's shape (src/levanter/models/mixtral.py); its experts are read by levanterMixture.
  mixtral: { ...LLAMA, seq_len: 8192, intermediate_dim: 14336, num_kv_heads: 8 },
  gemma: {
    seq_len: 8192,
    hidden_dim: 2048,
    intermediate_dim: 16384,
    num_layers: 18,
    num_heads: 8,
    num_kv_heads: 1,
    head_dim: 256,
    tie_word_embeddings: true,
    use_bias: false,
  },
  gpt2: { seq_len: 1024, hidden_dim: 768, num_layers: 12, num_heads: 12, tie_word_embeddings: true, use_bias: true, gpt2: true },
};

/** `model.seq_len`, or the default of the model type. */
export function levanterSeqLen(view: ConfigView): Fact | undefined {
  // lora_lm.py and friends cut training sequences to `max_train_length`.
  const trainLength = count(view, ['max_train_length'], 'a training sequence length');
  if (trainLength) return trainLength;
  const type = textOf(view, ['type'], UNDER)?.toLowerCase() ?? 'gpt2';
  const defaults = LEVANTER_DEFAULTS[type];
  return (
    count(view, ['seq_len'], 'a sequence length', UNDER) ??
    (defaults ? fact(defaults.seq_len, 'derived', { note: `Levanter's ${type} default seq_len` }) : undefined)
  );
}

/**
 * Levanter configs: `model: {type, hidden_dim, intermediate_dim, num_layers, num_heads,
 * num_kv_heads, seq_len}` over the type's defaults (LmConfig's default type is gpt2), with the
 * vocabulary of the named tokenizer (train_lm.py sizes the embedding by `len(tokenizer)`).
 */
export function readLevanter(view: ConfigView): Draft {
  const type = textOf(view, ['type'], UNDER)?.toLowerCase() ?? 'gpt2';
  const defaults = LEVANTER_DEFAULTS[type];
  const gpt2 = defaults?.gpt2 === true;
  // A default stands in only for a key the file leaves out, never for one it writes badly.
  const dflt = (value: number | undefined, key: string) =>
    value === undefined || view.find([key], UNDER) ? undefined : fact(value, 'derived', { note: `Levanter's ${type} default ${key}: ${value}` });
  const hidden = count(view, ['hidden_dim'], 'a hidden size', UNDER) ?? dflt(defaults?.hidden_dim, 'hidden_dim');
  let ffn = count(view, ['intermediate_dim'], 'an MLP width', UNDER) ?? dflt(defaults?.intermediate_dim, 'intermediate_dim');
  if (!ffn && hidden) {
    const ratio = view.count(view.find(['mlp_scale'], UNDER), 'an MLP ratio', { positive: true })?.value ?? 4;
    ffn = derived(ratio * hidden.value, `${ratio} × hidden_dim`);
  }
  const tokenizerKey = view.find(['tokenizer']);
  const known = tokenizerVocab(view.text(tokenizerKey) ?? '');
  // LMTaskConfig.tokenizer defaults to "gpt2" (src/levanter/data/text.py) when `data:` names none.
  const defaultTokenizer =
    !tokenizerKey && view.find(['data']) ? fact(50257, 'derived', { note: "GPT-2 tokenizer, the default of Levanter's data.tokenizer" }) : undefined;
  const vocab =
    count(view, ['vocab_size'], 'a vocabulary size') ??
    (known && tokenizerKey
      ? fact(known.vocab, 'derived', { note: known.name, key: tokenizerKey.path.join('.'), span: tokenizerKey.entry.keySpan })
      : defaultTokenizer);
  const tiedKey = view.find(['tie_word_embeddings'], UNDER);
  const tiedDefault = defaults?.tie_word_embeddings ?? false;
  const tied = view.flag(tiedKey) ?? tiedDefault;
  const bias = view.flag(view.find(['use_bias'], UNDER)) ?? defaults?.use_bias ?? false;
  const normWeight = view.flag(view.find(['use_layer_norm_weight'], UNDER)) ?? true;
  return {
    family: `Levanter (${type})`,
    hidden,
    layers: count(view, ['num_layers'], 'a number of layers', UNDER) ?? dflt(defaults?.num_layers, 'num_layers'),
    heads: count(view, ['num_heads'], 'a number of attention heads', UNDER) ?? dflt(defaults?.num_heads, 'num_heads'),
    kvHeads: count(view, ['num_kv_heads'], 'a number of key/value heads', UNDER) ?? dflt(defaults?.num_kv_heads, 'num_kv_heads'),
    headDim: count(view, ['head_dim'], 'a head size', UNDER) ?? dflt(defaults?.head_dim, 'head_dim'),
    ffn,
    vocab,
    tied:
      tiedKey && view.flag(tiedKey) !== undefined
        ? fact(tied, 'config', { key: tiedKey.path.join('.'), span: tiedKey.entry.keySpan })
        : fact(tied, 'derived', { note: `Levanter's ${type} ${tied ? 'ties' : 'does not tie'} embeddings by default` }),
    learnedPositions: gpt2 ? levanterSeqLen(view) : undefined,
    gated: fact(!gpt2, 'derived', { note: gpt2 ? 'GPT-2 MLP' : 'SwiGLU MLP' }),
    attentionBias: bias ? 'all' : 'none',
    mlpBias: bias,
    norm: gpt2 ? 'layernorm' : !normWeight ? (bias ? 'layernorm-no-bias' : 'none') : bias ? 'layernorm' : 'rms',
    normsPerLayer: 2,
    moe: type === 'mixtral' && ffn ? levanterMixture(view, ffn) : undefined,
    keyNames: { hidden: 'model.hidden_dim', layers: 'model.num_layers', heads: 'model.num_heads', vocab: 'vocab_size or a known tokenizer' },
  };
}

/**
 * Levanter's MixtralConfig (stanford-crfm/levanter@9263f81e8b453241332c2c0b2d2001bfb2d2241c:src/levanter/models/mixtral.py):
 * every layer a MixtralSparseMoeBlock of `n_routed_experts` (default 8) experts of width
 * `intermediate_dim`, `num_experts_per_tok` (default 2) per token, a router without bias
 * (use_bias false); with `n_shared_experts` > 0, MixtralDecoderLayer adds one LlamaMlp of the same
 * width beside them (one, whatever the count).
 */
function levanterMixture(view: ConfigView, ffn: Fact): NonNullable<Draft['moe']> {
  const dflt = (key: string, value: number, what: string) =>
    count(view, [key], what, UNDER) ?? fact(value, 'derived', { note: `Levanter's mixtral default ${key}: ${value}` });
  const shared = view.count(view.find(['n_shared_experts'], UNDER), 'a number of shared experts', { integer: true });
  return {
    experts: dflt('n_routed_experts', 8, 'a number of experts'),
    topK: dflt('num_experts_per_tok', 2, 'a number of experts per token'),
    ffn,
    sharedFfn:
      shared && shared.value > 0
        ? fact(ffn.value, 'derived', { key: shared.key, span: shared.span, note: 'one shared MLP of intermediate_dim (MixtralDecoderLayer)' })
        : undefined,
    sharedGate: false,
  };
}
