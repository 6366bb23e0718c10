import { padVocab } from '../../catalog/tokenizers';
import { fact, type Fact } from '../../source/fact';
import type { ConfigView } from '../../source/view';
import type { Draft } from '../../architecture/assemble';
import { count, derived, flagOr, textOf } from '../shared/readerHelpers';

const UNDER = { under: ['model_config'] };

/**
 * `model_config.tie_embeddings` (litgpt.Config, default false), and `train.tie_embeddings`
 * (TrainArgs): litgpt/pretrain.py ties the head to the embedding when the latter is true, and
 * leaves the model's own setting alone when it is false or null.
 */
function litgptTied(view: ConfigView): Fact<boolean> {
  const train = view.find(['tie_embeddings'], { under: ['train'] });
  if (view.flag(train) === true && train) return fact(true, 'config', { key: train.path.join('.'), span: train.entry.keySpan });
  return flagOr(view, ['tie_embeddings'], false, 'LitGPT does not tie embeddings by default', UNDER);
}

/** An inline LitGPT `model_config:` (litgpt.Config field names). */
export function readLitgptModelConfig(view: ConfigView): Draft {
  const hidden = count(view, ['n_embd'], 'a hidden size', UNDER);
  const mlp = textOf(view, ['mlp_class_name'], UNDER) ?? 'GptNeoxMLP';
  const gated = /llama|gemma|moe/i.test(mlp);
  let ffn = count(view, ['intermediate_size'], 'an MLP width', UNDER);
  if (!ffn && hidden) ffn = derived(4 * hidden.value, '4 × n_embd (LitGPT default)');
  const bias = view.flag(view.find(['bias'], UNDER)) ?? true;
  const norm = (textOf(view, ['norm_class_name'], UNDER) ?? 'LayerNorm').toLowerCase();
  const vocabSize = count(view, ['vocab_size'], 'a vocabulary size', UNDER);
  const multiple = count(view, ['padding_multiple'], 'a padding multiple', UNDER)?.value ?? 512;
  const vocab =
    count(view, ['padded_vocab_size'], 'a padded vocabulary size', UNDER) ??
    (vocabSize ? derived(padVocab(vocabSize.value, multiple), `vocab_size padded to a multiple of ${multiple} (LitGPT)`) : undefined);
  const experts = count(view, ['n_expert'], 'a number of experts', UNDER);
  return {
    family: 'LitGPT',
    hidden,
    layers: count(view, ['n_layer'], 'a number of layers', UNDER),
    heads: count(view, ['n_head'], 'a number of attention heads', UNDER),
    kvHeads: count(view, ['n_query_groups'], 'a number of query groups', UNDER),
    headDim: count(view, ['head_size'], 'a head size', UNDER),
    ffn,
    vocab,
    tied: litgptTied(view),
    gated: fact(gated, 'derived', { note: `mlp_class_name ${mlp}` }),
    attentionBias: bias ? 'all' : 'none',
    mlpBias: bias,
    norm: norm.includes('rms') ? 'rms' : 'layernorm',
    normsPerLayer: view.flag(view.find(['shared_attention_norm'], UNDER)) ? 1 : 2,
    moe: experts ? { experts, topK: count(view, ['n_expert_per_token'], 'a number of experts per token', UNDER) } : undefined,
    keyNames: { hidden: 'model_config.n_embd', layers: 'model_config.n_layer', heads: 'model_config.n_head', vocab: 'model_config.padded_vocab_size' },
  };
}
