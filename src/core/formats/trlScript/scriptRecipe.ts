import type { Finding } from '../../analysis/findings';
import type { MapEntry, MapNode } from '../../source/tree';
import { findScriptCalls, firstString, keyword, scalar, trainerPrefix, type Call } from './scriptCalls';

/** Trainer keywords that hold objects, not settings: the model, datasets, the tokenizer, callbacks. */
const OBJECT_ARGUMENTS = new Set([
  'model',
  'ref_model',
  'reward_model',
  'value_model',
  'teacher_model',
  'args',
  'tokenizer',
  'processing_class',
  'train_dataset',
  'eval_dataset',
  'data_collator',
  'peft_config',
  'reward_funcs',
  'callbacks',
  'formatting_func',
  'compute_metrics',
]);

/**
 * An Unsloth or TRL script as the recipe its calls amount to, in the Hugging Face Trainer / TRL
 * argument names the one reader knows (`training/hfTrainer/`), every value still pointing at the
 * script's own text:
 * - the model: the trainer's `model="…"`, else the first model `from_pretrained` (`model_name=`,
 *   `pretrained_model_name_or_path=` or its first argument) → `model_name_or_path`, with its
 *   `max_seq_length`, `load_in_4bit` and Unsloth's `full_finetuning`;
 * - the adapter: `get_peft_model(model, r=…, target_modules=…)` or `LoraConfig(r=…)` → TRL's
 *   ModelConfig names (`use_peft`, `lora_r`, `lora_alpha`, `lora_target_modules`; trl/trainer/utils.py
 *   `get_peft_config` maps them back to PEFT's `r` and `target_modules`), `use_rslora`, `use_dora`;
 * - the trainer: its class → `trainer_class`, its setting keywords (`max_seq_length`, `packing`);
 * - its arguments: the `SFTConfig`/`DPOConfig`/`GRPOConfig`/`TrainingArguments` keywords as they are;
 * - the dataset: `load_dataset("…")` → `dataset_name`.
 * Later calls of a kind win, as the script's last assignment does.
 */
export function scriptRecipe(root: MapNode, findings: Finding[], acceleratorCount = 1): MapNode {
  const calls = findScriptCalls(root);
  const entries: MapEntry[] = [];
  const add = (entry: MapEntry | undefined, key = entry?.key) => entry && key && entries.push({ ...entry, key });

  const trainer = calls.trainers.at(-1);
  const model = mainModel(calls.models);
  add(firstString(model, 'model_name_or_path'));
  for (const name of ['model_name', 'pretrained_model_name_or_path', 'model_id']) add(keyword(model, name), 'model_name_or_path');
  for (const name of ['max_seq_length', 'load_in_4bit', 'load_in_8bit', 'full_finetuning']) add(keyword(model, name));
  const named = keyword(trainer, 'model');
  if (named?.value.kind === 'scalar' && typeof named.value.value === 'string') add(named, 'model_name_or_path');

  for (const adapter of calls.adapters) {
    entries.push({ key: 'use_peft', keySpan: adapter.site.calleeSpan, value: scalar(true, adapter.site.calleeSpan) });
    add(keyword(adapter, 'r'), 'lora_r');
    add(keyword(adapter, 'lora_alpha'));
    add(keyword(adapter, 'target_modules'), 'lora_target_modules');
    add(keyword(adapter, 'use_rslora'));
    add(keyword(adapter, 'use_dora'));
  }

  const config = calls.configs.at(-1);
  const named_class = trainer ?? config;
  if (named_class) entries.push({ key: 'trainer_class', keySpan: named_class.site.calleeSpan, value: scalar(named_class.last, named_class.site.calleeSpan) });
  for (const entry of trainer?.node.entries ?? []) if (!OBJECT_ARGUMENTS.has(entry.key)) add(entry);
  // The trainer's `args=` when it is a config call; else the last config the script builds.
  const args = keyword(trainer, 'args')?.value;
  const settings = args?.kind === 'map' && args.call ? args : config?.node;
  for (const entry of settings?.entries ?? []) add(entry);

  add(firstString(calls.datasets[0], 'dataset_name'));
  if (model && /^Fast\w*Model\./.test(model.site.callee) && trainerPrefix(named_class?.last ?? '') === 'grpo')
    unslothGenerationBatch(entries, acceleratorCount);
  if (calls.trainers.length > 1) {
    const others = calls.trainers.slice(0, -1).map((call) => call.last);
    findings.push({
      severity: 'information',
      code: 'several-trainers',
      span: trainer!.site.calleeSpan,
      message: `This script trains more than once: only its last trainer, ${trainer!.last}, is counted here; ${others.join(', ')} before it also trains. Analyse each stage as its own recipe to count it.`,
    });
  }
  return { kind: 'map', entries, span: root.span };
}

/**
 * Unsloth's GRPO: when per-device batch × accumulation × accelerators is not a multiple of
 * `num_generations`, the per-device batch becomes `num_generations` (TRL would refuse the run;
 * unslothai/unsloth@0050c73e05ca9bb74e42d0649be410f177160c08:unsloth/models/rl_replacements.py
 * `grpo_trainer_fix_batch_size`). The notebooks rely on it: `per_device_train_batch_size = 1`, `num_generations = 4`.
 */
function unslothGenerationBatch(entries: MapEntry[], accelerators: number): void {
  const number = (key: string) => {
    const entry = [...entries].reverse().find((candidate) => candidate.key === key);
    return entry?.value.kind === 'scalar' && typeof entry.value.value === 'number' ? { entry, value: entry.value.value } : undefined;
  };
  const batch = number('per_device_train_batch_size');
  const generations = number('num_generations');
  const accumulation = number('gradient_accumulation_steps')?.value ?? 1;
  if (!batch || !generations || generations.value <= 0 || (batch.value * accumulation * accelerators) % generations.value === 0) return;
  entries.push({ ...batch.entry, value: { ...generations.entry.value, span: batch.entry.value.span } });
}

/** The model that trains: one bound to a name without `ref`, `reward`, `teacher` or `value` in it, else the first. */
function mainModel(models: readonly Call[]): Call | undefined {
  return models.find((call) => !/ref|reward|teacher|value|critic/i.test(call.boundTo ?? '')) ?? models[0];
}
