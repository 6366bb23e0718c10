import { hasGenericShape, readGeneric } from '../generic/modelReader';
import { readMpt } from './modelReader';
import { getEntry, type MapNode } from '../../source/tree';
import type { ConfigView } from '../../source/view';
import { COMMON_MODEL_NAME_KEYS, COMMON_TRAINING, has, section, tally, type FrameworkModule } from '../format';

/** Top-level keys of llm-foundry's train script (scripts/train/train.py) that other frameworks do not write. */
const FOUNDRY_KEYS = [
  'global_train_batch_size',
  'device_train_microbatch_size',
  'device_eval_batch_size',
  'train_loader',
  'eval_loader',
  'max_duration',
  'eval_interval',
  'icl_tasks',
];

/** `model.name`: llm-foundry's registered model classes. */
const MODEL_NAMES = /^(mpt_causal_lm|hf_causal_lm|hf_t5|hf_prefix_lm|mpt_|hf_)/i;

function detect(root: MapNode): number {
  const model = section(root, 'model');
  const name = getEntry(model, 'name')?.value;
  const named = name?.kind === 'scalar' && typeof name.value === 'string' && MODEL_NAMES.test(name.value);
  if (has(model, 'd_model')) return 6;
  return named && tally(root, FOUNDRY_KEYS) >= 2 ? 8 : 0;
}

const MODEL = { under: ['model'] };

/** An MPT architecture is read from `model:`; an `hf_causal_lm` names its model instead. */
function isMpt(view: ConfigView): boolean {
  const name = view.text(view.find(['name'], { under: ['model'] }))?.toLowerCase();
  return name ? name.startsWith('mpt') : view.find(['d_model'], { under: ['model'] }) !== undefined;
}

/** llm-foundry / Composer YAML: an MPT `model:` or a Hugging Face model by name, `max_duration` in batches or tokens. */
export const llmFoundry: FrameworkModule = {
  id: 'llm-foundry',
  name: 'llm-foundry / Composer',
  syntaxes: ['yaml'],
  detect,
  readArchitecture: (view, context) => {
    if (isMpt(view)) return readMpt(view);
    // A model class of the project's own (LLM-Shearing's `mosaic_llama2_1.3b`) in Composer's keys.
    const name = view.text(view.find(['name'], MODEL))?.toLowerCase() ?? '';
    if (name.startsWith('hf_') || !hasGenericShape(view, MODEL)) return undefined;
    const { draft, note } = readGeneric(view, MODEL, `${name || 'custom'} model (read by key names)`);
    if (note) context.findings.push(note);
    return draft;
  },
  training: COMMON_TRAINING,
  modelNameKeys: ['pretrained_model_name_or_path', ...COMMON_MODEL_NAME_KEYS],
  fineTunes: true,
};
