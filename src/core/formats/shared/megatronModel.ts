// Megatron's model arguments, read by two formats (Megatron-LM launch scripts and NeMo YAML): kept in formats/shared
// so both import it and neither imports the other. The vocabulary padding is GPT-NeoX's own (a Megatron fork).
import { fact } from '../../source/fact';
import type { ConfigView } from '../../source/view';
import type { Draft } from '../../architecture/assemble';
import { count, derived, flagOr, textOf } from './readerHelpers';
import { isMegatronDeepSpeed, readDeepSpeedMoe, readMegatronLatentAttention, readMegatronLmMoe, readMtpLayers } from './megatronMoe';
import { megatronVocab } from '../gptNeox/modelReader';
import type { TokenizerFileReader } from '../../architecture/readers/tokenizerFile';
import { readMegatronWindow } from './megatronWindow';

/** Where the model's keys are and which spelling of Megatron's arguments the file uses. */
export interface MegatronOptions {
  /** The section holding the model's keys (NeMo: `model`; a launch script's flags: none). */
  readonly under: readonly string[];
  /**
   * `nemo`: NeMo's YAML names (`activation: swiglu`, `bias`, `num_moe_experts`).
   * `cli`: Megatron-LM's command-line flags (`--swiglu`, `--disable-bias-linear`, `--num-experts`),
   * with the defaults megatron/training/arguments.py applies to them.
   */
  readonly dialect: 'nemo' | 'cli';
  /** Counts a tokenizer file the config names (`--tokenizer-model`, NeMo's `tokenizer.model`). */
  readonly tokenizerFile?: TokenizerFileReader;
}

const NEMO: MegatronOptions = { under: ['model'], dialect: 'nemo' };

/**
 * NeMo / Megatron-LM (Hydra) configs: a `model:` section with Megatron's argument names.
 * Megatron's defaults: biases on, LayerNorm with bias, GELU MLP of 4h, learned absolute
 * positions, embeddings shared with the output layer.
 */
export function readMegatron(view: ConfigView, options: MegatronOptions = NEMO): Draft {
  const UNDER = { under: options.under };
  const cli = options.dialect === 'cli';
  const hidden = count(view, ['hidden_size'], 'a hidden size', UNDER);
  const heads = count(view, ['num_attention_heads'], 'a number of attention heads', UNDER);
  const swiglu = cli && view.flag(view.find(['swiglu'], UNDER)) === true;
  const activation = swiglu ? 'swiglu' : cli ? 'gelu' : (textOf(view, ['activation'], UNDER)?.toLowerCase() ?? 'gelu');
  const gated = /glu/.test(activation) || view.flag(view.find(['gated_linear_unit'], UNDER)) === true;
  let ffn = count(view, ['ffn_hidden_size'], 'an MLP width', UNDER);
  // arguments.py: with --swiglu, int((4h · 2/3) / 64) · 64; otherwise 4h.
  if (!ffn && hidden && swiglu)
    ffn = derived(Math.floor((4 * hidden.value * 2) / 3 / 64) * 64, 'int(4 × hidden size × 2/3 / 64) × 64 (Megatron-LM default with --swiglu)');
  if (!ffn && hidden) ffn = derived(4 * hidden.value, '4 × hidden size (Megatron default)');
  const normalization = textOf(view, ['normalization'], UNDER)?.toLowerCase() ?? 'layernorm';
  const rotary = cli && view.flag(view.find(['use_rotary_position_embeddings'], UNDER)) === true;
  const positionType = rotary ? 'rope' : (textOf(view, ['position_embedding_type'], UNDER)?.toLowerCase() ?? 'learned_absolute');
  const bias = cli ? view.flag(view.find(['disable_bias_linear'], UNDER)) !== true : (view.flag(view.find(['bias'], UNDER)) ?? true);
  // NeMo's `qkv_bias` becomes Megatron's add_qkv_bias (NVIDIA/NeMo@8cfedd72
  // nemo/collections/nlp/models/language_modeling/megatron_base_model.py:511, Qwen2 launcher configs).
  const qkvBias = !bias && view.flag(view.find(['add_qkv_bias', 'qkv_bias'], UNDER)) === true;
  // NeMo writes `share_embeddings_and_output_weights`; Megatron-LM's own flag is the negation.
  const untie = flagOr(view, ['untie_embeddings_and_output_weights'], false, '', UNDER);
  const tiedFact =
    untie.origin === 'config'
      ? fact(!untie.value, 'config', { key: untie.key, span: untie.span })
      : flagOr(view, ['share_embeddings_and_output_weights'], true, 'Megatron shares input and output embeddings by default', UNDER);
  // Megatron-LM reads --num-query-groups only with --group-query-attention (argument_utils.py);
  // the Megatron-DeepSpeed fork's --num-key-value-heads needs no second flag (arguments.py, "GQA").
  const fork = cli && isMegatronDeepSpeed(view, UNDER);
  const grouped = !cli || view.flag(view.find(['group_query_attention'], UNDER)) === true;
  const queryGroups = fork
    ? count(view, ['num_key_value_heads'], 'a number of key/value heads', UNDER)
    : grouped
      ? count(view, ['num_query_groups'], 'a number of query groups', UNDER)
      : undefined;
  const layers = count(view, ['num_layers'], 'a number of layers', UNDER);
  return {
    family: 'Megatron / NeMo',
    hidden,
    layers,
    heads,
    kvHeads: queryGroups,
    headDim: count(view, ['kv_channels'], 'a head size', UNDER),
    ffn,
    vocab: megatronVocab(view, 'tensor_model_parallel_size', 'Megatron', { statedIsPadded: cli ? false : undefined, tokenizerFile: options.tokenizerFile }),
    tied: tiedFact,
    learnedPositions:
      positionType === 'learned_absolute' && (!cli || view.flag(view.find(['no_position_embedding'], UNDER)) !== true)
        ? count(view, ['max_position_embeddings', cli ? 'seq_length' : 'encoder_seq_length'], 'a number of positions', UNDER)
        : undefined,
    gated: fact(gated, 'derived', { note: `activation ${activation}` }),
    attentionBias: bias ? 'all' : qkvBias ? 'qkv' : 'none',
    mlpBias: bias,
    norm: normalization === 'rmsnorm' ? 'rms' : 'layernorm',
    normsPerLayer: 2,
    moe: fork
      ? readDeepSpeedMoe(view, layers, UNDER, view.findings)
      : readMegatronLmMoe(view, layers, UNDER, [cli ? 'num_experts' : 'num_moe_experts'], view.findings),
    latentAttention: readMegatronLatentAttention(view, UNDER, bias, normalization === 'rmsnorm'),
    mtpLayers: readMtpLayers(view, UNDER),
    localAttention: readMegatronWindow(view, UNDER, layers?.value),
    keyNames: cli
      ? { hidden: '--hidden-size', layers: '--num-layers', heads: '--num-attention-heads', vocab: '--vocab-size or a known --tokenizer-type' }
      : { hidden: 'model.hidden_size', layers: 'model.num_layers', heads: 'model.num_attention_heads' },
  };
}
