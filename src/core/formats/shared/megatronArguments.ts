import type { Finding } from '../../analysis/findings';
import { fact, type Fact } from '../../source/fact';
import { spanOfEntry, type ConfigView, type Located } from '../../source/view';
import { readTokens, type TokenResult } from '../../training/tokens';
import { COMMON_TRAINING, type ReadContext, type TrainingKeys } from '../format';

/**
 * Megatron-LM's arguments, whatever holds them: the flag lists that recognise them, the training
 * keys and the checks of megatron/training/arguments.py. One list, read by the launch-script
 * module (megatronLm/) and the YAML/JSON-keys module (megatronArgs/) alike.
 */

/** Flags only a Megatron launch gives, any of which makes a `pretrain_*.py` command one. */
export const MEGATRON_SIGNATURE = [
  'num_layers',
  'hidden_size',
  'num_attention_heads',
  'seq_length',
  'micro_batch_size',
  'global_batch_size',
  'train_iters',
  'train_samples',
  'tensor_model_parallel_size',
];

/** Names only Megatron's arguments use together (Hugging Face writes num_hidden_layers, NeoX adds its own). */
export const MEGATRON_KEYS = [...MEGATRON_SIGNATURE, 'ffn_hidden_size', 'max_position_embeddings', 'untie_embeddings_and_output_weights'];

/** Of MEGATRON_KEYS, the ones a decoder config of another trainer does not also write. */
export const MEGATRON_ONLY = MEGATRON_KEYS.filter((key) => !['num_layers', 'hidden_size', 'num_attention_heads'].includes(key));

/** Flags whose absence Megatron fills with a default that changes the count. */
export const MEGATRON_DEFAULTED = new Set([
  'ffn_hidden_size',
  'kv_channels',
  'num_query_groups',
  'vocab_size',
  'make_vocab_size_divisible_by',
  'tensor_model_parallel_size',
  'num_experts',
  'moe_router_topk',
  'moe_ffn_hidden_size',
  'position_embedding_type',
  'normalization',
  'tokenizer_type',
  'max_position_embeddings',
]);

export const MEGATRON_TRAINING: TrainingKeys = {
  ...COMMON_TRAINING,
  // The Megatron-DeepSpeed fork's --train-tokens ends training at a token count.
  direct: ['train_tokens'],
  steps: ['train_iters'],
  globalBatch: ['global_batch_size'],
  microBatch: ['micro_batch_size'],
  accumulation: [],
  sequence: ['seq_length', 'encoder_seq_length'],
  epochs: [],
  tensorParallel: ['tensor_model_parallel_size'],
  pipelineParallel: ['pipeline_model_parallel_size'],
  durationKeys: [],
  accelerators: (view) => {
    // torchrun --nproc_per_node × --nnodes, or deepspeed --num_gpus × --num_nodes.
    const perNode = view.count(view.find(['nproc_per_node', 'num_gpus'], { under: ['launcher'] }), 'processes per node', { integer: true, positive: true });
    const nodes = view.count(view.find(['nnodes', 'num_nodes'], { under: ['launcher'] }), 'a number of nodes', { integer: true, positive: true });
    return perNode
      ? fact(perNode.value * (nodes?.value ?? 1), 'derived', { note: `launcher: ${perNode.value} processes per node × ${nodes?.value ?? 1} node(s)` })
      : undefined;
  },
};

const flag = (located: Located) => `--${located.entry.key}`;

/** What arguments.py asserts about the model's flags, as findings at the flag instead of a guess. */
export function architectureConflicts(view: ConfigView): Finding[] {
  const findings: Finding[] = [];
  const groups = view.find(['num_query_groups']);
  if (groups && view.value(groups) !== undefined && view.flag(view.find(['group_query_attention'])) !== true) {
    findings.push({
      severity: 'warning',
      code: 'conflicting-flags',
      span: spanOfEntry(groups.entry),
      message: `${flag(groups)} is ignored without --group-query-attention (Megatron-LM's argument_utils.py passes it on only then): every attention head keeps its own keys and values, and that is what is counted.`,
    });
  }
  const layers = view.find(['num_layers']);
  const encoderLayers = view.find(['encoder_num_layers']);
  if (layers && encoderLayers)
    findings.push(
      rejected(
        encoderLayers,
        `Megatron-LM rejects ${flag(layers)} together with ${flag(encoderLayers)} ("cannot have both num-layers and encoder-num-layers specified").`,
      ),
    );
  const seq = view.count(view.find(['seq_length']), 'a sequence length', { integer: true, positive: true });
  const positionsKey = view.find(['max_position_embeddings']);
  const positions = view.count(positionsKey, 'a number of positions', { integer: true, positive: true });
  if (seq && positions && positionsKey && positions.value < seq.value)
    findings.push(rejected(positionsKey, `Megatron-LM requires ${flag(positionsKey)} (${positions.value}) to be at least --seq-length (${seq.value}).`));
  const expertsKey = view.find(['num_experts']);
  // The Megatron-DeepSpeed fork's --num-experts is a list, read (and checked) by the model reader.
  const experts = expertsKey?.entry.value.kind === 'seq' ? undefined : view.count(expertsKey, 'a number of experts', { integer: true, positive: true });
  const expertParallel = view.count(view.find(['expert_model_parallel_size']), 'an expert-parallel size', { integer: true, positive: true });
  if (experts && expertsKey && expertParallel && experts.value % expertParallel.value !== 0)
    findings.push(
      rejected(
        expertsKey,
        `Megatron-LM requires ${flag(expertsKey)} (${experts.value}) to be a multiple of --expert-model-parallel-size (${expertParallel.value}).`,
      ),
    );
  return findings;
}

function rejected(located: Located, message: string): Finding {
  return { severity: 'error', code: 'conflicting-flags', span: spanOfEntry(located.entry), message: `${message} The run stops before training.` };
}

/**
 * Iteration-based (--train-iters × global batch × sequence) or sample-based (--train-samples ×
 * --seq-length) training, never both: Megatron asserts one excludes the other.
 */
export function readMegatronTokens(view: ConfigView, context: ReadContext): TokenResult {
  const iters = view.find(['train_iters']);
  const samplesKey = view.find(['train_samples']);
  if (iters && samplesKey) {
    context.findings.push(
      rejected(
        samplesKey,
        `Megatron-LM rejects ${flag(samplesKey)} together with ${flag(iters)} (arguments.py: "expected iteration-based training"), so the training length is not read.`,
      ),
    );
    return { factors: [], anchor: samplesKey.entry.keySpan };
  }
  const schedule = view.find(['step_batch_size_schedule']);
  const globalBatch = view.find(['global_batch_size']);
  if (schedule && globalBatch) {
    context.findings.push(
      rejected(
        schedule,
        `Megatron-LM rejects ${flag(schedule)} together with ${flag(globalBatch)} ("Cannot specify both"), so the tokens per step are not read.`,
      ),
    );
    return { factors: [], anchor: schedule.entry.keySpan };
  }
  const samples = view.count(samplesKey, 'a number of training samples', { integer: true, positive: true });
  if (!samples || !samplesKey) return readTokens(view, MEGATRON_TRAINING, context.facts, context.findings);
  const seq = view.count(view.find(MEGATRON_TRAINING.sequence), 'a sequence length', { integer: true, positive: true });
  if (!seq) return { factors: [], anchor: samplesKey.entry.keySpan };
  const fromSamples = fact(samples.value * seq.value, 'derived');
  const fmt = (value: number) => value.toLocaleString('en-US');
  const derivation = `${fmt(samples.value)} samples × ${fmt(seq.value)} tokens`;
  const directKey = view.find(MEGATRON_TRAINING.direct);
  const direct = view.count(directKey, 'a number of tokens', { integer: true, positive: true });
  if (direct && directKey && direct.value < fromSamples.value) {
    // Megatron-DeepSpeed stops at whichever of --train-tokens and --train-samples comes first.
    return {
      tokens: direct,
      derivation: `stated in --${directKey.entry.key} (before the ${derivation} = ${fmt(fromSamples.value)} of ${flag(samplesKey)})`,
      factors: [direct],
      anchor: directKey.entry.keySpan,
    };
  }
  return { tokens: fromSamples, derivation, factors: [samples, seq] as Fact[], anchor: samplesKey.entry.keySpan };
}
