import type { CallSite, ConfigNode, MapEntry, MapNode, Span } from '../../source/tree';

/**
 * The calls of an Unsloth or TRL training script that say what trains, as the Python reader keeps
 * them (`MapNode.call`): the model loaded (`FastLanguageModel.from_pretrained(model_name=…)`,
 * `AutoModelForCausalLM.from_pretrained("…")`), the adapter (`FastLanguageModel.get_peft_model(model,
 * r=16, …)`, PEFT's `LoraConfig`), the trainer (`SFTTrainer`, `DPOTrainer`, `GRPOTrainer`, …), its
 * arguments (`SFTConfig`, `GRPOConfig`, `TrainingArguments`) and the dataset (`load_dataset("…")`).
 */
export interface ScriptCalls {
  readonly models: readonly Call[];
  readonly adapters: readonly Call[];
  readonly trainers: readonly Call[];
  readonly configs: readonly Call[];
  readonly datasets: readonly Call[];
}

export interface Call {
  readonly node: MapNode;
  readonly site: CallSite;
  /** The class or function called, without its module: `SFTTrainer`, `from_pretrained`. */
  readonly last: string;
  /** The top-level name the call is assigned to (`ref_model`, `model, tokenizer`), if it is one. */
  readonly boundTo?: string;
}

/**
 * TRL's trainers, by the prefix of their class names (trl/trainer/__init__.py): `SFTTrainer` and
 * `SFTConfig`, `DPOTrainer` and `DPOConfig`, … `Trainer` and `TrainingArguments` are transformers'.
 */
const TRAINER_PREFIXES = new Set([
  '',
  'sft',
  'dpo',
  'kto',
  'orpo',
  'cpo',
  'bco',
  'grpo',
  'rloo',
  'ppo',
  'reward',
  'prm',
  'gkd',
  'onlinedpo',
  'xpo',
  'nashmd',
  'unsloth',
  'seq2seq',
]);

/** Classes that load weights but not the model that trains. */
const NOT_A_MODEL = /(Tokenizer|Processor|FeatureExtractor|Config)$/;

/** The trainer a class name names: `DPOTrainer` → `dpo`, `GRPOConfig` → `grpo`, `TrainingArguments` → ``. */
export function trainerPrefix(className: string): string | undefined {
  const match = /^(\w*?)(Trainer|Config|TrainingArguments|TrainingConfig)$/.exec(className);
  if (!match) return undefined;
  const prefix = match[1].toLowerCase();
  if (match[2] === 'Trainer' || match[2] === 'TrainingArguments') return TRAINER_PREFIXES.has(prefix) ? prefix : undefined;
  return prefix !== '' && TRAINER_PREFIXES.has(prefix) ? prefix : undefined;
}

export function findScriptCalls(root: MapNode): ScriptCalls {
  const found: Call[] = [];
  const seen = new Set<ConfigNode>();
  const visit = (node: ConfigNode, boundTo: string | undefined, depth: number) => {
    if (depth > 16 || seen.has(node) || node.kind === 'scalar') return;
    seen.add(node);
    if (node.kind === 'seq') return node.items.forEach((item) => visit(item, undefined, depth + 1));
    if (node.call) found.push({ node, site: node.call, last: node.call.callee.slice(node.call.callee.lastIndexOf('.') + 1), boundTo });
    for (const entry of node.entries) visit(entry.value, depth === 0 ? entry.key : undefined, depth + 1);
    for (const item of node.call?.positional ?? []) visit(item, undefined, depth + 1);
  };
  visit(root, undefined, 0);
  return {
    models: found.filter((call) => call.last === 'from_pretrained' && !NOT_A_MODEL.test(call.site.callee.slice(0, -'.from_pretrained'.length))),
    adapters: found.filter((call) => call.last === 'get_peft_model' || call.last === 'LoraConfig'),
    trainers: found.filter((call) => call.last.endsWith('Trainer') && trainerPrefix(call.last) !== undefined),
    configs: found.filter((call) => !call.last.endsWith('Trainer') && trainerPrefix(call.last) !== undefined),
    datasets: found.filter((call) => call.last === 'load_dataset'),
  };
}

/** A keyword argument of a call, by name. */
export function keyword(call: Call | undefined, name: string): MapEntry | undefined {
  return call && [...call.node.entries].reverse().find((entry) => entry.key === name);
}

/** A string a call is given first (`from_pretrained("Qwen/Qwen2.5-0.5B")`), as an entry under `key` that points at it. */
export function firstString(call: Call | undefined, key: string): MapEntry | undefined {
  const first = call?.site.positional[0];
  return first?.kind === 'scalar' && typeof first.value === 'string' ? { key, keySpan: first.span, value: first } : undefined;
}

export function scalar(value: string | boolean, span: Span): ConfigNode {
  return { kind: 'scalar', value, span };
}
