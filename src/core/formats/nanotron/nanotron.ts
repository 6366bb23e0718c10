import type { Draft } from '../../architecture/assemble';
import { count, flagOr } from '../shared/readerHelpers';
import { readNanotronMoe } from './moe';
import { fact, type Fact } from '../../source/fact';
import { spanOfEntry, type ConfigView } from '../../source/view';
import { COMMON_MODEL_NAME_KEYS, COMMON_TRAINING, has, section, type FrameworkModule, type ReadContext } from '../format';

const UNDER = { under: ['model', 'model_config'] };
const PARALLELISM = { under: ['parallelism'] };

/** A `LlamaConfig`/`Qwen2Config` field the file leaves out takes nanotron's dataclass default (config/models_config.py). */
function field(view: ConfigView, key: string, what: string, fallback: number | undefined): Fact | undefined {
  return count(view, [key], what, UNDER) ?? (fallback === undefined ? undefined : fact(fallback, 'assumed', { note: `nanotron's default ${key}` }));
}

/**
 * nanotron (huggingface/nanotron; the SmolLM runs): `model.model_config` holds a LlamaConfig or
 * Qwen2Config, `parallelism` the dp/tp/pp sizes, `tokens` the loop. Tokens = train_steps ×
 * micro_batch_size × batch_accumulation_per_replica × dp × sequence_length.
 */
export const nanotron: FrameworkModule = {
  id: 'nanotron',
  name: 'nanotron',
  syntaxes: ['yaml'],
  detect: (root) => {
    const tokens = section(root, 'tokens');
    return has(tokens, 'batch_accumulation_per_replica') ||
      (has(section(section(root, 'model'), 'model_config'), 'hidden_size') && has(section(root, 'parallelism'), 'dp'))
      ? 10
      : 0;
  },
  readArchitecture: (view, context) => readNanotronModel(view, context),
  training: {
    ...COMMON_TRAINING,
    steps: ['train_steps'],
    stepsUnder: ['tokens'],
    microBatch: ['micro_batch_size'],
    accumulation: ['batch_accumulation_per_replica'],
    sequence: ['sequence_length'],
    sequenceUnder: ['tokens'],
    globalBatch: [],
    tensorParallel: ['tp'],
    pipelineParallel: ['pp'],
    accelerators: (view) => {
      const [dp, tp, pp] = ['dp', 'tp', 'pp'].map((key) => view.count(view.find([key], PARALLELISM), `a ${key} size`, { integer: true, positive: true }));
      if (!dp) return undefined;
      const world = dp.value * (tp?.value ?? 1) * (pp?.value ?? 1);
      return fact(world, 'derived', { note: `parallelism.dp ${dp.value} × tp ${tp?.value ?? 1} × pp ${pp?.value ?? 1}` });
    },
  },
  modelNameKeys: COMMON_MODEL_NAME_KEYS,
};

function readNanotronModel(view: ConfigView, context: ReadContext): Draft | undefined {
  if (!view.find(['model_config'], { under: ['model'] })) return undefined;
  const qwen = view.flag(view.find(['is_qwen2_config'], UNDER)) === true;
  const moeKey = view.find(['moe_config'], UNDER);
  // Only Qwen2Config has a moe_config (config/models_config.py); on a Llama config it is not read.
  if (moeKey?.entry.value.kind === 'map' && !qwen)
    context.findings.push({
      severity: 'warning',
      code: 'assumed-value',
      span: spanOfEntry(moeKey.entry),
      message: 'moe_config: nanotron builds experts only for a Qwen2 config (is_qwen2_config: true); this Llama config is counted as the dense model.',
    });
  const heads = field(view, 'num_attention_heads', 'a number of attention heads', 32);
  const vocabSize = field(view, 'vocab_size', 'a vocabulary size', 32000);
  // trainer.init_model pads the vocabulary to a multiple of make_vocab_size_divisible_by × tp (helpers.py).
  const divisible = count(view, ['make_vocab_size_divisible_by'], 'a vocabulary multiple', { under: ['model'] })?.value ?? 1;
  const tp = count(view, ['tp'], 'a tensor-parallel size', PARALLELISM)?.value ?? 1;
  const multiple = divisible * tp;
  const padded =
    vocabSize && vocabSize.value % multiple !== 0
      ? fact(Math.ceil(vocabSize.value / multiple) * multiple, 'derived', {
          key: vocabSize.key,
          span: vocabSize.span,
          note: `vocab_size ${vocabSize.value} padded to a multiple of ${divisible} × tp ${tp}`,
        })
      : vocabSize;
  const hidden = field(view, 'hidden_size', 'a hidden size', 4096);
  return {
    family: qwen ? 'nanotron Qwen2' : 'nanotron Llama',
    hidden,
    layers: field(view, 'num_hidden_layers', 'a number of layers', 32),
    heads,
    kvHeads: count(view, ['num_key_value_heads'], 'a number of key/value heads', UNDER),
    ffn: field(view, 'intermediate_size', 'an MLP width', 11008),
    vocab: padded,
    gated: fact(true, 'derived', { note: 'nanotron Llama/Qwen2 MLP: gate_up_proj and down_proj (SwiGLU)' }),
    tied: flagOr(view, ['tie_word_embeddings'], false, "nanotron's default: an untied lm_head", UNDER),
    attentionBias: view.flag(view.find(['attention_bias'], UNDER)) ? 'qkv' : 'none',
    mlpBias: false,
    norm: 'rms',
    normsPerLayer: 2,
    moe:
      qwen && moeKey?.entry.value.kind === 'map'
        ? readNanotronMoe(view, moeKey.path, field(view, 'num_hidden_layers', 'a number of layers', 32)?.value)
        : undefined,
    keyNames: {
      hidden: 'model.model_config.hidden_size',
      layers: 'model.model_config.num_hidden_layers',
      heads: 'model.model_config.num_attention_heads',
      ffn: 'model.model_config.intermediate_size',
      vocab: 'model.model_config.vocab_size',
    },
  };
}
