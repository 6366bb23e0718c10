import { findModel } from '../../catalog/models';
import type { ConfigNode, MapEntry, MapNode } from '../../source/tree';
import { getEntry } from '../../source/tree';
import { fact } from '../../source/fact';
import { treeFromObject } from '../../source/objectTree';
import { has, section, COMMON_TRAINING, type FrameworkModule, type ReadContext, type TrainingKeys } from '../format';
import { readHuggingFace } from '../huggingface/modelReader';

/**
 * picotron's JSON configs (huggingface/picotron@59714b1bf25541dbeb6f5a721ed15f6d0768e786,
 * template/base_config.json, train.py): `model.name` is a Hugging Face model whose config
 * (`AutoConfig.from_pretrained`) is taken with `num_hidden_layers`, `num_attention_heads` and
 * `num_key_value_heads` replaced by the file's; picotron's own Llama (picotron/model.py) never ties
 * the output projection to the embedding. Tokens per step are `micro_batch_size` ×
 * `gradient_accumulation_steps` × `distributed.dp_size` × `training.seq_length` (picotron/data.py),
 * for `total_train_steps`, or up to `max_tokens` when set.
 */

const OVERRIDES = ['num_hidden_layers', 'num_attention_heads', 'num_key_value_heads'];
const BUILT = 'picotron_model';

const TRAINING: TrainingKeys = {
  ...COMMON_TRAINING,
  direct: ['max_tokens'],
  steps: ['total_train_steps'],
  globalBatch: [],
  microBatch: ['micro_batch_size'],
  accumulation: ['gradient_accumulation_steps'],
  sequence: ['seq_length'],
  epochs: [],
  tensorParallel: ['tp_size'],
  pipelineParallel: ['pp_size'],
  // The ranks the file lays out: dp_size × tp_size × pp_size (cp_size splits each sequence, not the batch).
  accelerators: (view) => {
    const size = (key: string) => view.count(view.find([key], { under: ['distributed'] }), 'a parallel size', { integer: true, positive: true })?.value;
    const dp = size('dp_size');
    return dp ? fact(dp * (size('tp_size') ?? 1) * (size('pp_size') ?? 1), 'config', { note: 'distributed.dp_size × tp_size × pp_size' }) : undefined;
  },
};

function detect(root: MapNode): number {
  const model = section(root, 'model');
  const distributed = section(root, 'distributed');
  return model && has(model, 'name') && has(section(root, 'training'), 'total_train_steps') && has(distributed, 'dp_size', 'pp_engine') ? 8 : 0;
}

/** The named model's config with the file's overrides, as picotron's train.py builds it. */
function expand(root: MapNode, context: ReadContext): ConfigNode {
  const model = section(root, 'model')!;
  const nameEntry = getEntry(model, 'name');
  const name = nameEntry?.value.kind === 'scalar' && typeof nameEntry.value.value === 'string' ? nameEntry.value.value : undefined;
  if (!name || !nameEntry) return root;
  let base: Record<string, unknown> | undefined = findModel(name)?.config as Record<string, unknown> | undefined;
  if (!base) {
    const hub = context.lookups.modelConfig(name);
    try {
      base = hub ? (JSON.parse(hub.text) as Record<string, unknown>) : undefined;
    } catch {
      base = undefined;
    }
  }
  if (!base || typeof base !== 'object') return root;
  const built = treeFromObject({ ...base, tie_word_embeddings: false }, nameEntry.keySpan) as MapNode;
  const overridden: MapEntry[] = OVERRIDES.flatMap((key) => {
    const entry = getEntry(model, key);
    return entry ? [entry] : [];
  });
  const entries = [...built.entries.filter((entry) => !OVERRIDES.includes(entry.key)), ...overridden];
  return { ...root, entries: [...root.entries, { key: BUILT, keySpan: nameEntry.keySpan, value: { ...built, entries } }] };
}

export const picotron: FrameworkModule = {
  id: 'picotron',
  name: 'picotron',
  syntaxes: ['json'],
  detect,
  expand,
  readArchitecture: (view) => (getEntry(view.root, BUILT) ? readHuggingFace(view, { under: [BUILT] }) : undefined),
  training: TRAINING,
  modelNameKeys: ['name'],
};
