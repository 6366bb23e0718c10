import { ADD_GPUS_FIX, type Finding } from '../../analysis/findings';
import { userFact, type UserFact } from '../../source/directives';
import { fact, type Fact } from '../../source/fact';
import { dotted, spanOfEntry, type ConfigView } from '../../source/view';
import type { TokenResult } from '../tokens';
import { describeMix, readDatasetMix, type DatasetMix } from './datasetMix';
import { EPOCH_KEYS, type TrainerArgs } from './trainerArgs';
import { launcherWorldSize } from '../launcherWorld';

const fmt = (value: number) => value.toLocaleString('en-US');

/** transformers' TrainingArguments.num_train_epochs default, used when a recipe trains by epochs without saying how many. */
export const DEFAULT_EPOCHS = 3;

/**
 * The tokens a Hugging Face Trainer run feeds its model. `max_steps` > 0 wins (the Trainer stops
 * there): steps × per-device batch × accumulation × accelerators × sequence length, an upper bound
 * when sequences are padded to at most that length and not packed. Otherwise (−1, the default)
 * epochs × dataset tokens × the share not held out for evaluation. For preference trainers the
 * dataset's tokens are what the trainer feeds: prompt + chosen and prompt + rejected.
 */
export function readTrainerTokens(view: ConfigView, args: TrainerArgs, facts: readonly UserFact[], findings: Finding[]): TokenResult {
  const stated = userFact(facts, 'tokens');
  if (stated)
    return {
      tokens: fact(stated.value, 'user', { span: stated.span, note: 'compute-budget: tokens=' }),
      derivation: 'stated by a compute-budget fact',
      factors: [],
      anchor: stated.span,
    };
  if (args.maxSteps) return bySteps(view, args.maxSteps, args, facts, findings);
  return byEpochs(view, args, facts, findings);
}

function bySteps(view: ConfigView, steps: Fact, args: TrainerArgs, facts: readonly UserFact[], findings: Finding[]): TokenResult {
  const anchor = steps.span;
  const micro = args.perDeviceBatch ?? fact(8, 'assumed', { note: "transformers' default per_device_train_batch_size" });
  const accumulation = args.accumulation ?? fact(1, 'assumed', { note: 'no gradient accumulation key' });
  const sequence = sequenceOf(args);
  // A stated fact wins; else the launch line's own process count (torchrun, deepspeed, accelerate, CUDA_VISIBLE_DEVICES).
  const parallel = worldSize(facts) ?? launcherWorldSize(view);
  if (!parallel) {
    findings.push({
      severity: 'warning',
      code: 'missing-data-parallel',
      span: anchor ?? { start: 0, end: 0 },
      message: `The batch size is per accelerator and the number of accelerators is not in the file, so the tokens per step are unknown. Add it with a \`# compute-budget: gpus=…\` comment.`,
      fixes: [ADD_GPUS_FIX],
    });
    return { factors: [], anchor };
  }
  if (!sequence) return { factors: [], anchor };
  // A preference trainer's batch counts pairs, and each pair is two sequences up to the limit
  // (TRL's DPOTrainer.concatenated_forward, ORPOTrainer and RewardTrainer run chosen and rejected).
  const perSample = PAIRED.has(args.trainer?.type ?? '') ? 2 : 1;
  const tokens = steps.value * micro.value * accumulation.value * parallel.value * perSample * sequence.value;
  const pairs = perSample === 2 ? ' × 2 sequences (prompt + chosen, prompt + rejected)' : '';
  return {
    tokens: fact(tokens, 'derived'),
    derivation: `${fmt(steps.value)} steps × ${fmt(micro.value)} per device × ${fmt(accumulation.value)} accumulation × ${fmt(parallel.value)} ${parallel.value === 1 ? 'accelerator' : 'accelerators'}${pairs} × ${fmt(sequence.value)} tokens${args.packing === true ? '' : ' (at most: sequences shorter than the limit are not packed)'}`,
    factors: [steps, micro, accumulation, parallel, sequence],
    anchor,
  };
}

function byEpochs(view: ConfigView, args: TrainerArgs, facts: readonly UserFact[], findings: Finding[]): TokenResult {
  const epochKey = view.find(EPOCH_KEYS);
  const epochs = args.epochs ?? fact(DEFAULT_EPOCHS, 'assumed', { note: "transformers' default num_train_epochs" });
  const anchor = epochKey ? epochKey.entry.keySpan : view.find(['max_steps'])?.entry.keySpan;
  const supplied = userFact(facts, 'dataset_tokens');
  const dataset = supplied && fact(supplied.value, 'user', { span: supplied.span, note: 'compute-budget: dataset_tokens=' });
  const mix = dataset ? undefined : readDatasetMix(view);
  const bound = mix && mixBound(mix, args);
  if (!dataset && !bound) {
    findings.push({
      severity: 'warning',
      code: 'missing-dataset-size',
      span: epochKey ? spanOfEntry(epochKey.entry) : (anchor ?? { start: 0, end: 0 }),
      message: `Training runs ${fmt(epochs.value)} ${epochs.value === 1 ? 'epoch' : 'epochs'}${args.epochs ? '' : " (transformers' default)"} over a dataset whose size in tokens is not in the file${mix ? ` (${describeMix(mix)})` : ''}, so the token count is unknown. Add it with a \`# compute-budget: dataset_tokens=…\` comment (for preference data: prompt + chosen and prompt + rejected).`,
      fixes: [DATASET_FIX],
    });
    return { factors: [], anchor };
  }
  if (!dataset)
    findings.push({ severity: 'information', code: 'assumed-value', span: spanOfEntry(mix!.key.entry), message: bound!.message, fixes: [DATASET_FIX] });
  const perEpoch = dataset ?? bound!.tokens;
  const factors: Fact[] = [epochs, perEpoch];
  const rollouts = args.trainer && ['grpo', 'rloo', 'ppo'].includes(args.trainer.type) ? ' (rollouts: prompt + completion of every sample)' : '';
  const steps = [
    `${fmt(epochs.value)} ${epochs.value === 1 ? 'epoch' : 'epochs'}${args.epochs ? '' : " (transformers' default)"} × ${dataset ? `${fmt(dataset.value)} dataset tokens${rollouts}` : bound!.derivation}`,
  ];
  let share = 1;
  if (args.heldOut) {
    share = 1 - args.heldOut.value;
    factors.push(args.heldOut);
    steps.push(`${fmt(share)} (${args.heldOut.key ?? 'validation'} ${args.heldOut.value} held out)`);
  }
  const tokens = epochs.value * perEpoch.value * share;
  return {
    tokens: dataset ? fact(tokens, 'derived') : fact(tokens, 'assumed', { note: 'at most: every sample at the sequence limit' }),
    derivation: steps.join(' × '),
    factors,
    anchor,
  };
}

const DATASET_FIX = { kind: 'add-fact', fact: 'dataset_tokens', title: 'Add the dataset size in tokens (compute-budget comment)' } as const;

/** Trainers fed two sequences per sample: prompt + chosen and prompt + rejected. */
const PAIRED = new Set(['dpo', 'orpo', 'simpo', 'reward']);

/**
 * At most how many tokens one epoch of the mix feeds: its samples × sequences per sample × the
 * sequence limit (each sample at its longest). Only when the file bounds the samples and the length;
 * assumed, and said so, with `dataset_tokens=` to give the real count.
 */
function mixBound(mix: DatasetMix, args: TrainerArgs): { tokens: Fact; derivation: string; message: string } | undefined {
  const sequence = sequenceOf(args);
  const type = args.trainer?.type;
  const rl = type === 'grpo' || type === 'rloo' || type === 'ppo';
  if (!mix.samples || !sequence || (rl && !args.generationsPerPrompt)) return undefined;
  const perSample = PAIRED.has(type ?? '') ? 2 : rl ? args.generationsPerPrompt!.value : 1;
  const tokens = mix.samples.value * perSample * sequence.value;
  const each = perSample === 1 ? '' : ` × ${perSample} ${rl ? 'completions per prompt' : 'sequences (prompt + chosen, prompt + rejected)'}`;
  const derivation = `at most ${mix.samples.how}${each} × ${fmt(sequence.value)} tokens (${sequence.key ?? sequence.note ?? 'sequence limit'})`;
  return {
    tokens: fact(tokens, 'assumed', { key: dotted(mix.key), span: mix.key.entry.keySpan, note: 'at most: every sample at the sequence limit' }),
    derivation,
    message: `The dataset's size in tokens is not in the file: assumed at most ${fmt(tokens)} tokens per epoch (${fmt(mix.samples.value)} samples${each} × ${fmt(sequence.value)} tokens, every sample as long as the limit allows). State the real size with a \`# compute-budget: dataset_tokens=…\` comment.`,
  };
}

/** GRPO and RLOO feed prompt + completion; other trainers their sequence limit. */
function sequenceOf(args: TrainerArgs): Fact | undefined {
  if (args.sequence) return args.sequence;
  if (args.maxPromptLength && args.maxCompletionLength)
    return fact(args.maxPromptLength.value + args.maxCompletionLength.value, 'derived', { note: 'max_prompt_length + max_completion_length' });
  return undefined;
}

/** Data-parallel replicas: DeepSpeed ZeRO and FSDP shard, but every accelerator still takes its own batch. */
function worldSize(facts: readonly UserFact[]): Fact | undefined {
  const stated = userFact(facts, 'data_parallel') ?? userFact(facts, 'gpus');
  return stated && fact(stated.value, 'user', { span: stated.span, note: `compute-budget: ${stated.name}=` });
}
