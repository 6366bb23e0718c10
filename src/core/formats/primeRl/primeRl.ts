import type { ConfigNode, MapNode } from '../../source/tree';
import { getEntry } from '../../source/tree';
import { COMMON_TRAINING, has, section, type FrameworkModule, type TrainingKeys } from '../format';

/**
 * prime-rl's TOML configs (PrimeIntellect-ai/prime-rl@559b44772e471d1538537b8805cc77f3824a5e64,
 * packages/prime-rl-configs/src/prime_rl/configs/sft.py, rl.py): `[model] name` is the Hugging
 * Face model trained (often an organisation mirror such as `PrimeIntellect/Qwen3-0.6B`, which the
 * catalog resolves to its base), `max_steps` the steps, `[data] batch_size` the global batch
 * ("Global batch size", default 128) of `seq_len` tokens (default 128); sequences are packed up to
 * `seq_len`, so the count is an upper bound.
 */

const TRAINING: TrainingKeys = {
  ...COMMON_TRAINING,
  direct: [],
  steps: ['max_steps'],
  globalBatch: ['batch_size'],
  microBatch: [],
  accumulation: [],
  sequence: ['seq_len'],
  epochs: [],
};

/** Sections only prime-rl's configs write beside `[model]`. */
const SECTIONS = ['deployment', 'orchestrator', 'trainer', 'ckpt', 'inference'];

function detect(root: MapNode): number {
  const model = section(root, 'model');
  if (!model || !has(model, 'name')) return 0;
  return has(root, ...SECTIONS) && (has(root, 'max_steps') || has(section(root, 'data'), 'seq_len', 'batch_size')) ? 7 : 0;
}

/** `[model] name` as the run's model name, where the named-model reader looks for it. */
function expand(root: MapNode): ConfigNode {
  const name = getEntry(section(root, 'model'), 'name');
  return name ? { ...root, entries: [...root.entries, { ...name, key: 'model_name_or_path' }] } : root;
}

export const primeRl: FrameworkModule = {
  id: 'prime-rl',
  name: 'prime-rl',
  syntaxes: ['toml'],
  detect,
  expand,
  training: TRAINING,
  modelNameKeys: ['model_name_or_path'],
  fineTunes: true,
};
