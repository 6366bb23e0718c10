import { levanterSeqLen, readLevanter } from '../architecture/readers/levanter';
import { insideInclude, readReferenced } from '../resources/include';
import { userFact } from '../source/directives';
import { fact } from '../source/fact';
import type { ConfigNode, MapEntry, MapNode } from '../source/tree';

import { COMMON_MODEL_NAME_KEYS, COMMON_TRAINING, has, section, type FrameworkModule, type ReadContext } from './framework';

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
  readArchitecture: (view) => readLevanter(view),
  training: { ...COMMON_TRAINING, stepsUnder: ['trainer'], sequenceUnder: ['model'] },
  /** num_train_steps × train_batch_size × seq_len, each from the file or Levanter's defaults. */
  readTokens: (view, context) => {
    if (userFact(context.facts, 'tokens')) return undefined;
    const under = { under: ['trainer'] };
    const stepsKey = view.find(['num_train_steps'], under);
    const batchKey = view.find(['train_batch_size'], under);
    if (batchKey && batchKey.entry.value.kind !== 'scalar') return undefined; // a batch schedule
    const steps = view.count(stepsKey, 'a number of steps', { integer: true, positive: true }) ?? (stepsKey ? undefined : fact(NUM_TRAIN_STEPS, 'derived', { note: `Levanter's default trainer.num_train_steps` }));
    const batch = view.count(batchKey, 'a batch size', { integer: true, positive: true }) ?? (batchKey ? undefined : fact(TRAIN_BATCH_SIZE, 'derived', { note: `Levanter's default trainer.train_batch_size` }));
    const seq = levanterSeqLen(view);
    if (!steps || !batch || !seq) return { factors: [], anchor: stepsKey?.entry.keySpan };
    const fmt = (value: number) => value.toLocaleString('en-US');
    const written = (located: typeof stepsKey, value: number) => (located ? fmt(value) : `${fmt(value)} (default)`);
    return {
      tokens: fact(steps.value * batch.value * seq.value, 'derived'),
      derivation: `${written(stepsKey, steps.value)} steps × ${written(batchKey, batch.value)} sequences × ${fmt(seq.value)} tokens`,
      factors: [steps, batch, seq],
      anchor: stepsKey?.entry.keySpan ?? batchKey?.entry.keySpan,
      setting: stepsKey && stepsKey.entry.value.kind === 'scalar' ? { span: stepsKey.entry.value.span, kind: 'steps', tokensPerStep: batch.value * seq.value, suffix: '', magnitude: false } : undefined,
    };
  },
  modelNameKeys: COMMON_MODEL_NAME_KEYS,
};
