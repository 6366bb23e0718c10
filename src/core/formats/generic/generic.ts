import { hasGenericShape, readGeneric, SYNONYMS } from './modelReader';
import type { Finding } from '../../analysis/findings';
import { guessesNeverErrors } from '../shared/guessedMeaning';
import { userFact } from '../../source/directives';
import type { MapNode } from '../../source/tree';
import type { ConfigView } from '../../source/view';
import { readTokens } from '../../training/tokens';
import { COMMON_MODEL_NAME_KEYS, COMMON_TRAINING, type FrameworkModule, type ReadContext, type TrainingKeys } from '../format';

/**
 * A config no module was written for, whose keys still say what it trains: a hidden size, layers,
 * heads and a vocabulary under any of their usual names (readers/generic.ts). The lowest score of
 * all, so every framework module that knows the file wins; its findings say what was assumed.
 */

/** Keys of the model's context, read as the sequence length only when no sequence key is written. */
const CONTEXT_AS_SEQUENCE = ['max_position_embeddings', 'n_positions', 'n_ctx'];

/** Keys that give the whole step's batch; a bare `batch_size` of a small trainer is per device. */
const GLOBAL_BATCH = ['global_batch_size', 'total_batch_size', 'global_train_batch_size', 'train_batch_size', 'global_batch'];

export const GENERIC_TRAINING: TrainingKeys = {
  ...COMMON_TRAINING,
  steps: [...COMMON_TRAINING.steps, 'num_training_steps', 'n_steps', 'max_train_steps', 'total_iters'],
  globalBatch: GLOBAL_BATCH,
  // InternLM's `micro_bsz` (sequences per micro-batch of one data-parallel rank) and `micro_num`
  // (micro-batches per optimizer step: accumulation), InternLM@00478761 configs/7B_sft.py.
  microBatch: [...COMMON_TRAINING.microBatch, 'batch_size', 'local_batch_size', 'per_gpu_batch_size', 'device_batch_size', 'micro_bsz'],
  accumulation: [...COMMON_TRAINING.accumulation, 'micro_num', 'grad_accum_steps', 'accumulation_steps', 'gradient_accumulation'],
  // With no sequence key, the model's context: most runs train at it (the note says it was assumed).
  sequence: [...COMMON_TRAINING.sequence, 'max_length', 'ctx_len', ...CONTEXT_AS_SEQUENCE],
};

function detect(root: MapNode, view: ConfigView): number {
  if (root.entries.length === 0 || !hasGenericShape(view)) return 0;
  // A training length makes it a training config, which a model's own config.json never is: it
  // outranks the Hugging Face module's weak guess (2) on bare shape keys. A vocabulary or sequence
  // length alone still says it is a language model rather than, say, a vision transformer.
  if (view.find(GENERIC_TRAINING.steps) ?? view.find(GENERIC_TRAINING.microBatch) ?? view.find(GLOBAL_BATCH)) return 2.5;
  return (view.find(SYNONYMS.vocab) ?? view.find(GENERIC_TRAINING.sequence)) ? 1 : 0;
}

/** Says how a bare `batch_size` was read, since the file cannot say whether it is per device. */
function batchNote(view: ConfigView, context: ReadContext): Finding | undefined {
  if (view.find(GLOBAL_BATCH)) return undefined;
  const located = view.find(['batch_size']);
  if (!located) return undefined;
  const gpus = userFact(context.facts, 'gpus') ?? userFact(context.facts, 'data_parallel');
  // Without a device count, missing-data-parallel already says the batch is per device and asks for it.
  if (!gpus) return undefined;
  return {
    severity: 'information',
    code: 'assumed-value',
    span: located.entry.keySpan,
    message: `${located.entry.key} read as the batch of one device, as small trainers mean it (lingua, nanoGPT-style scripts), × ${gpus.value} ${gpus.name === 'gpus' ? 'GPUs' : 'data-parallel replicas'} from the given facts.`,
  };
}

export const generic: FrameworkModule = {
  id: 'generic',
  name: 'config read by key names',
  syntaxes: ['yaml', 'json', 'toml', 'python'],
  detect,
  readArchitecture: (view, context) => {
    const { draft, note } = readGeneric(view);
    if (note) context.findings.push(note);
    return draft;
  },
  training: GENERIC_TRAINING,
  readTokens: (view, context) => {
    const note = batchNote(view, context);
    if (note) context.findings.push(note);
    const tokens = readTokens(view, GENERIC_TRAINING, context.facts, context.findings);
    const sequence = view.find(GENERIC_TRAINING.sequence);
    if (tokens.tokens && sequence && CONTEXT_AS_SEQUENCE.includes(sequence.entry.key.toLowerCase()))
      context.findings.push({
        severity: 'information',
        code: 'assumed-value',
        span: sequence.entry.keySpan,
        message: `No sequence-length key, so the sequences are taken as the model's whole context, ${sequence.entry.key}; write \`seq_len\` if the run trains on shorter ones.`,
      });
    guessesNeverErrors(view.findings, 'read by key name only');
    return tokens;
  },
  modelNameKeys: COMMON_MODEL_NAME_KEYS,
};
