import { ADD_GPUS_FIX } from '../../analysis/findings';
import { levanterSeqLen, readLevanter } from './modelReader';
import { insideInclude, readReferenced } from '../../resources/include';
import { userFact } from '../../source/directives';
import { fact, type Fact } from '../../source/fact';
import type { ConfigNode, MapEntry, MapNode, SeqNode } from '../../source/tree';
import { dotted, spanOfEntry, type ConfigView, type Located } from '../../source/view';

import { COMMON_MODEL_NAME_KEYS, COMMON_TRAINING, has, section, type FrameworkModule, type ReadContext } from '../format';

/** Levanter's TrainerConfig defaults (src/levanter/trainer.py). */
const TRAIN_BATCH_SIZE = 512;
const NUM_TRAIN_STEPS = 400_000;

/** `key: !include other.yaml` anywhere in the tree, replaced by the included file's tree. */
function expandIncludes(node: ConfigNode, context: ReadContext): ConfigNode {
  if (node.kind === 'seq') return { ...node, items: node.items.map((item) => expandIncludes(item, context)) };
  if (node.kind !== 'map') return node;
  let changed = false;
  const entries: MapEntry[] = node.entries.map((entry) => {
    const value = entry.value;
    if (value.kind === 'scalar' && value.tag === '!include' && typeof value.value === 'string') {
      const read = readReferenced(value.value, entry.keySpan, context, '!include');
      if (!read.ok) return entry;
      changed = true;
      return { ...entry, value: expandIncludes(read.root, insideInclude(context, read.path)) };
    }
    const expanded = expandIncludes(value, context);
    if (expanded !== value) changed = true;
    return expanded === value ? entry : { ...entry, value: expanded };
  });
  return changed ? { ...node, entries } : node;
}

/**
 * `train_batch_size: -1`: Levanter uses per_device_parallelism × the device count (no
 * accumulation). The devices are not in the file: the `gpus` fact supplies them. `null`: -1
 * without what it needs (a finding says so); `undefined`: not -1.
 */
function perDeviceBatch(view: ConfigView, batchKey: Located | undefined, context: ReadContext): Fact | null | undefined {
  const node = batchKey?.entry.value;
  if (!batchKey || node?.kind !== 'scalar' || Number(node.value) !== -1) return undefined;
  const perDevice = view.count(view.find(['per_device_parallelism'], { under: ['trainer'] }), 'a per-device batch', { integer: true, positive: true });
  const gpus = userFact(context.facts, 'gpus');
  if (!perDevice || !gpus) {
    context.findings.push({
      severity: 'warning',
      code: 'missing-data-parallel',
      span: spanOfEntry(batchKey.entry),
      message: `trainer.train_batch_size: -1 makes the batch per_device_parallelism × the number of devices, and ${perDevice ? 'the number of devices is not in the file' : 'per_device_parallelism is not set'}, so the tokens per step are unknown.${perDevice ? ' Add it with a `# compute-budget: gpus=…` comment.' : ''}`,
      fixes: perDevice ? [ADD_GPUS_FIX] : undefined,
    });
    return null;
  }
  return fact(perDevice.value * gpus.value, 'derived', {
    key: dotted(batchKey),
    span: batchKey.entry.keySpan,
    note: `train_batch_size -1: per_device_parallelism ${perDevice.value} × ${gpus.value} devices`,
  });
}

/** A batch schedule, `[{start: 0, value: 64}, {start: 64, value: 128}, …]`: sequences over the run. */
function readBatchSchedule(list: SeqNode, steps: number | undefined): { sequences: number; text: string } | undefined {
  const stages: { start: number; value: number }[] = [];
  for (const item of list.items) {
    if (item.kind !== 'map') return undefined;
    const field = (name: string) => {
      const entry = item.entries.find((candidate) => candidate.key === name)?.value;
      const value = entry?.kind === 'scalar' ? Number(entry.value) : NaN;
      return Number.isFinite(value) && value >= 0 ? value : undefined;
    };
    const start = field('start');
    const value = field('value');
    if (start === undefined || value === undefined || (stages.length > 0 && start <= stages[stages.length - 1].start)) return undefined;
    stages.push({ start, value });
  }
  if (stages.length === 0) return undefined;
  if (steps === undefined) return { sequences: 0, text: '' }; // valid, but the run length is unknown
  let sequences = 0;
  const parts: string[] = [];
  stages.forEach((stage, index) => {
    const end = Math.min(index + 1 < stages.length ? stages[index + 1].start : steps, steps);
    if (end <= stage.start) return;
    sequences += (end - stage.start) * stage.value;
    parts.push(`${(end - stage.start).toLocaleString('en-US')} × ${stage.value}`);
  });
  return { sequences, text: `batch schedule ${parts.join(' + ')}` };
}

/** Levanter YAML: `model:` with `type` and `hidden_dim`, `trainer:` with `num_train_steps`, `data: !include …`. */
export const levanter: FrameworkModule = {
  id: 'levanter',
  name: 'Levanter',
  syntaxes: ['yaml'],
  detect: (root: MapNode) => {
    const trainer = section(root, 'trainer');
    if (has(section(root, 'model'), 'hidden_dim') || has(trainer, 'num_train_steps')) return 8;
    return has(trainer, 'train_batch_size', 'per_device_parallelism', 'mp') && has(section(root, 'model'), 'type') ? 8 : 0;
  },
  expand: (root, context) => expandIncludes(root, context),
  // `initialize_from_hf: org/name` without a `model:` section (lora_lm.py): the Hub model is the architecture.
  readArchitecture: (view) => (!view.find(['model']) && typeof view.value(view.find(['initialize_from_hf'])) === 'string' ? undefined : readLevanter(view)),
  training: { ...COMMON_TRAINING, stepsUnder: ['trainer'], sequenceUnder: ['model'] },
  /** num_train_steps × train_batch_size × seq_len, each from the file or Levanter's defaults. */
  readTokens: (view, context) => {
    if (userFact(context.facts, 'tokens')) return undefined;
    const under = { under: ['trainer'] };
    const stepsKey = view.find(['num_train_steps'], under);
    const batchKey = view.find(['train_batch_size'], under);
    const steps =
      view.count(stepsKey, 'a number of steps', { integer: true, positive: true }) ??
      (stepsKey ? undefined : fact(NUM_TRAIN_STEPS, 'derived', { note: `Levanter's default trainer.num_train_steps` }));
    const seq = levanterSeqLen(view);
    const fmt = (value: number) => value.toLocaleString('en-US');
    if (batchKey && batchKey.entry.value.kind === 'seq') {
      const schedule = readBatchSchedule(batchKey.entry.value, steps?.value);
      if (!schedule) {
        view.report(
          batchKey,
          'warning',
          'invalid-number',
          `trainer.train_batch_size: a batch schedule is a list of {start, value} with increasing starts; this one is not, so the tokens are not counted.`,
        );
        return { factors: [], anchor: stepsKey?.entry.keySpan };
      }
      if (!steps || !seq) return { factors: [], anchor: stepsKey?.entry.keySpan };
      return {
        tokens: fact(schedule.sequences * seq.value, 'derived'),
        derivation: `${schedule.text} = ${fmt(schedule.sequences)} sequences over ${fmt(steps.value)} steps × ${fmt(seq.value)} tokens`,
        factors: [steps, seq],
        anchor: stepsKey?.entry.keySpan ?? batchKey.entry.keySpan,
      };
    }
    const perDevice = perDeviceBatch(view, batchKey, context);
    if (perDevice === null) return { factors: [], anchor: stepsKey?.entry.keySpan ?? batchKey?.entry.keySpan };
    const batch =
      perDevice ??
      view.count(batchKey, 'a batch size', { integer: true, positive: true }) ??
      (batchKey ? undefined : fact(TRAIN_BATCH_SIZE, 'derived', { note: `Levanter's default trainer.train_batch_size` }));
    if (!steps || !batch || !seq) return { factors: [], anchor: stepsKey?.entry.keySpan };
    const written = (located: typeof stepsKey, value: number) => (located ? fmt(value) : `${fmt(value)} (default)`);
    return {
      tokens: fact(steps.value * batch.value * seq.value, 'derived'),
      derivation: `${written(stepsKey, steps.value)} steps × ${written(batchKey, batch.value)} sequences × ${fmt(seq.value)} tokens`,
      factors: [steps, batch, seq],
      anchor: stepsKey?.entry.keySpan ?? batchKey?.entry.keySpan,
      setting:
        stepsKey && stepsKey.entry.value.kind === 'scalar'
          ? { span: stepsKey.entry.value.span, kind: 'steps', tokensPerStep: batch.value * seq.value, suffix: '', magnitude: false }
          : undefined,
    };
  },
  modelNameKeys: ['initialize_from_hf', ...COMMON_MODEL_NAME_KEYS],
};
