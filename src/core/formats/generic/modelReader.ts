import type { Finding } from '../../analysis/findings';
import { fact, type Fact } from '../../source/fact';
import type { Span } from '../../source/tree';
import type { ConfigView, FindOptions, Located } from '../../source/view';
import type { Draft } from '../../architecture/assemble';
import { count, derived } from '../shared/readerHelpers';

/**
 * The many small trainers (lingua, picotron, nanoGPT-style scripts, research repos) write the same
 * few numbers under names of their own. This reads a decoder by the meaning of its keys, through
 * their common synonyms, and says which key gave each number and what it assumed, so a file no
 * module was written for is counted as its author meant or tells the user what it lacks.
 */
export const SYNONYMS = {
  hidden: ['hidden_size', 'd_model', 'dim', 'n_embd', 'n_embed', 'embed_dim', 'emb_dim', 'model_dim', 'hidden_dim', 'embedding_dim', 'width'],
  layers: ['num_hidden_layers', 'num_layers', 'n_layers', 'n_layer', 'depth', 'n_blocks', 'num_blocks', 'layers'],
  heads: ['num_attention_heads', 'n_heads', 'n_head', 'num_heads', 'heads'],
  kvHeads: ['num_key_value_heads', 'n_kv_heads', 'num_kv_heads', 'n_kv_head', 'kv_heads', 'num_query_groups', 'num_kv_attention_heads'],
  headDim: ['head_dim', 'd_head', 'head_size', 'kv_channels'],
  ffn: [
    'intermediate_size',
    'ffn_hidden_size',
    'ffn_dim',
    'inter_dim',
    'd_ff',
    'mlp_dim',
    'intermediate_dim',
    'ffn_hidden_dim',
    'hidden_dim_ffn',
    'filter_size',
  ],
  ffnRatio: ['mlp_ratio', 'expansion_ratio', 'ffn_ratio', 'mlp_expansion'],
  vocab: ['vocab_size', 'n_vocab', 'padded_vocab_size', 'num_embeddings', 'vocab'],
  positions: ['max_position_embeddings', 'n_positions', 'block_size', 'max_seq_len', 'seq_len', 'context_length', 'n_ctx'],
} as const;

const NAME_KEYS = ['model_type', 'arch', 'architecture', 'model_name', 'name', 'type', 'model'];
const ACTIVATION_KEYS = ['hidden_act', 'activation', 'act_fn', 'activation_function', 'mlp_type', 'ffn_type', 'nonlinearity'];
const NORM_KEYS = ['norm_type', 'normalization', 'norm', 'norm_class', 'layer_norm_type'];
const TIED_KEYS = ['tie_word_embeddings', 'tie_embeddings', 'tied_embeddings', 'weight_tying', 'share_embeddings', 'tie_embedding', 'share_embedding_weights'];
const BIAS_KEYS = ['bias', 'use_bias', 'add_bias_linear', 'use_ffn_bias', 'use_projection_bias_in_attention'];
/** An epsilon names the norm it belongs to (Cerebras' `layer_norm_epsilon`, Llama's `rms_norm_eps`). */
const LAYERNORM_EPS = ['layer_norm_epsilon', 'layer_norm_eps', 'layernorm_epsilon', 'ln_eps'];
const RMSNORM_EPS = ['rms_norm_eps', 'rms_norm_epsilon', 'rmsnorm_eps'];
const POSITION_TYPE = ['position_embedding_type', 'pos_emb', 'positional_embedding', 'position_embeddings'];

type Style = 'llama' | 'gpt2';

/**
 * An InternLM / InternEvo Python config (`model = dict(mlp_ratio=…)`, `data = dict(micro_num=…)`):
 * its trainer builds every model type (INTERNLM when `model_type` is unset,
 * InternLM/InternEvo@c628a8c8 internlm/initialize/launch.py:78) with three meanings of its own:
 * the gated MLP is `int(hidden × mlp_ratio)` rounded up to a multiple of 256
 * (internlm/model/modules/mlp.py:52, `multiple_of=256`), the MLP never has biases, and attention
 * has biases unless `no_bias=True` (modeling_internlm2.py:583 and modeling_llama.py:570
 * `bias=not no_bias`; InternLM 1's MHA always has them, modules/multi_head_attention.py:80,109).
 */
function internLmStyle(view: ConfigView, options: FindOptions): boolean {
  return view.find(['mlp_ratio'], options) !== undefined && view.find(['micro_num'], options) !== undefined;
}

export interface GenericRead {
  readonly draft: Draft;
  /** One finding naming the keys read and every assumption, at the first key read. */
  readonly note?: Finding;
}

/** The hidden size, layers and heads by any of their names: the least a decoder needs to be one. */
export function hasGenericShape(view: ConfigView, options: FindOptions = {}): boolean {
  return [SYNONYMS.hidden, SYNONYMS.layers, SYNONYMS.heads].every((names) => view.find(names, options) !== undefined);
}

export function readGeneric(view: ConfigView, options: FindOptions = {}, family = 'generic (read by key names)'): GenericRead {
  const read: string[] = [];
  const assumed: string[] = [];
  const first: Span[] = [];
  const pick = (names: readonly string[], what: string): Fact | undefined => {
    const located = view.find(names, options);
    const value = count(view, names, what, options);
    if (located && value) {
      read.push(`${what} from \`${located.entry.key}\``);
      first.push(located.entry.keySpan);
    }
    return value;
  };
  const text = (names: readonly string[]) => {
    const located: Located | undefined = view.find(names, options);
    const value = view.text(located);
    return typeof value === 'string' ? value.toLowerCase() : undefined;
  };
  const flag = (names: readonly string[]) => view.flag(view.find(names, options));

  const hidden = pick(SYNONYMS.hidden, 'hidden size');
  const layers = pick(SYNONYMS.layers, 'layers');
  const heads = pick(SYNONYMS.heads, 'heads');
  const kvHeads = pick(SYNONYMS.kvHeads, 'key/value heads');
  const headDim = pick(SYNONYMS.headDim, 'head size');
  const vocab = pick(SYNONYMS.vocab, 'vocabulary');

  const name = NAME_KEYS.map((key) => text([key])).find((value) => value !== undefined && /[a-z]/.test(value)) ?? '';
  const activation = text(ACTIVATION_KEYS) ?? '';
  const gptNames = view.find(['n_embd', 'n_positions'], options) !== undefined || view.find(['block_size'], options) !== undefined;
  const style: Style =
    /gpt|neo/.test(name) && !/llama|mistral|qwen/.test(name) ? 'gpt2' : /llama|mistral|qwen|gemma|olmo|smol/.test(name) ? 'llama' : gptNames ? 'gpt2' : 'llama';
  if (!/llama|mistral|qwen|gemma|olmo|smol|gpt|neo/.test(name))
    assumed.push(style === 'gpt2' ? 'a GPT-2-style block (nanoGPT key names)' : 'a Llama-style block (no name says otherwise)');

  const gated = activation ? /glu|silu|swish/.test(activation) : style === 'llama';
  if (!activation) assumed.push(gated ? 'a gated SiLU MLP' : 'a GeLU MLP');
  const normText = text(NORM_KEYS);
  const epsilonSays = view.find(RMSNORM_EPS, options) ? 'rms' : view.find(LAYERNORM_EPS, options) ? 'layernorm' : undefined;
  const rms = normText ? /rms/.test(normText) : epsilonSays ? epsilonSays === 'rms' : style === 'llama';
  if (!normText && !epsilonSays) assumed.push(rms ? 'RMSNorm' : 'LayerNorm');
  const internLm = internLmStyle(view, options);
  const noBias = flag(['no_bias']);
  const biasFlag = flag(BIAS_KEYS) ?? (noBias === undefined ? (internLm ? true : undefined) : !noBias);
  const bias = biasFlag ?? style === 'gpt2';
  if (biasFlag === undefined) assumed.push(bias ? 'biases on every linear layer' : 'no biases');
  const tiedFlag = flag(TIED_KEYS);
  const tied = tiedFlag ?? style === 'gpt2';
  if (tiedFlag === undefined) assumed.push(tied ? 'tied input and output embeddings' : 'untied embeddings');

  let ffn = pick(SYNONYMS.ffn, 'MLP width');
  if (!ffn && hidden) {
    const ratio = view.count(view.find(SYNONYMS.ffnRatio, options), 'an MLP ratio', { positive: true });
    const multipleOf = count(view, ['multiple_of', 'ffn_multiple_of', 'mlp_multiple_of'], 'a rounding multiple', options);
    const multiplier = view.count(view.find(['ffn_dim_multiplier'], options), 'an MLP multiplier', { positive: true });
    if (ratio && internLm && gated) {
      const step = multipleOf?.value ?? 256;
      const width = step * Math.ceil(Math.floor(ratio.value * hidden.value) / step);
      ffn = derived(width, `int(${ratio.value} × hidden size) rounded up to a multiple of ${step}, as InternLM's FeedForward does`);
    } else if (ratio) ffn = derived(Math.floor(ratio.value * hidden.value), `int(${ratio.value} × hidden size)`);
    else if (gated) {
      // Meta's Llama FeedForward: int(2 · 4h / 3), × ffn_dim_multiplier, rounded up to multiple_of (256 by default).
      let width = Math.floor((2 * 4 * hidden.value) / 3);
      if (multiplier) width = Math.floor(multiplier.value * width);
      const step = multipleOf?.value ?? 256;
      width = step * Math.ceil(width / step);
      ffn = derived(width, `Llama's rule: 8h/3${multiplier ? ` × ${multiplier.value}` : ''}, rounded up to a multiple of ${step}`);
      assumed.push(`an MLP width of ${width} by Llama's rule`);
    } else {
      ffn = derived(4 * hidden.value, '4 × hidden size');
      assumed.push('an MLP width of 4 × hidden size');
    }
  }
  // `position_embedding_type: learned` (Cerebras, Megatron) says it whatever the block's style.
  const positionType = text(POSITION_TYPE);
  const learnedSaid = positionType !== undefined ? /learn|absolute/.test(positionType) : style === 'gpt2';
  const learned = learnedSaid ? pick(SYNONYMS.positions, 'learned positions') : undefined;
  const draft: Draft = {
    family,
    hidden,
    layers,
    heads,
    kvHeads,
    headDim,
    ffn,
    vocab,
    gated: fact(gated, 'derived', { note: activation ? `activation ${activation}` : `assumed for a ${style === 'gpt2' ? 'GPT-2' : 'Llama'}-style block` }),
    tied: fact(tied, tiedFlag === undefined ? 'assumed' : 'config'),
    learnedPositions: learned,
    attentionBias: bias ? 'all' : 'none',
    mlpBias: bias && !internLm,
    norm: rms ? 'rms' : 'layernorm',
    normsPerLayer: 2,
    keyNames: {
      hidden: 'a hidden size (`dim`, `d_model`, `hidden_size` or `n_embd`)',
      layers: 'a number of layers (`n_layers`)',
      heads: 'a number of heads (`n_heads`)',
      vocab: '`vocab_size`',
    },
  };
  const note: Finding | undefined =
    read.length > 0
      ? {
          severity: 'information',
          code: 'assumed-value',
          span: first[0],
          message: `Read by key names: ${read.join(', ')}.${assumed.length ? ` Assumed ${assumed.join(', ')}; write the key if it differs.` : ''}`,
        }
      : undefined;
  return { draft, note };
}
