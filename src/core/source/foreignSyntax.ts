import type { Finding } from '../analysis/findings';

/** Extensions whose files are YAML or JSON; any other extension names a syntax we do not parse. */
const OURS = /^(ya?ml|jsonc?)$/i;

const FORMAT_NAMES: Record<string, string> = {
  toml: 'TOML',
  py: 'Python',
  sh: 'shell script',
  bash: 'shell script',
  zsh: 'shell script',
  cfg: 'INI',
  ini: 'INI',
  conf: 'config',
  gin: 'Gin',
  jsonnet: 'Jsonnet',
  libsonnet: 'Jsonnet',
  txt: 'text',
  md: 'Markdown',
};

/**
 * The format of a file whose name says it is not YAML or JSON (`train.toml`, `pretrain.sh`,
 * `setup.cfg`), though an editor may have mapped it to YAML; undefined for YAML, JSON and
 * names without an extension (untitled documents).
 */
export function foreignFormat(fileName: string): string | undefined {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const extension = /\.([A-Za-z0-9]+)$/.exec(base)?.[1];
  if (!extension || OURS.test(extension)) return undefined;
  return FORMAT_NAMES[extension.toLowerCase()] ?? `.${extension.slice(0, 12)}`;
}

/** Keys that fix a model's size or a run's length, as Megatron flags, TOML/INI keys or Python assignments write them. */
const TRAINING_KEYS = [
  'num_layers',
  'n_layers',
  'n_layer',
  'hidden_size',
  'd_model',
  'n_embd',
  'dim',
  'num_attention_heads',
  'n_heads',
  'ffn_hidden_size',
  'intermediate_size',
  'vocab_size',
  'seq_length',
  'seq_len',
  'max_seq_len',
  'max_position_embeddings',
  'train_iters',
  'max_steps',
  'steps',
  'train_steps',
  'global_batch_size',
  'micro_batch_size',
  'batch_size',
  'train_samples',
  'max_tokens',
  'num_train_epochs',
  'gradient_accumulation_steps',
  'block_size',
  'max_iters',
  'n_head',
  'num_heads',
  'train_batch_size',
  'num_training_steps',
  'total_batch_size',
  // Apple CoreNet (OpenELM): `scheduler.max_iterations`, `dataset.train_batch_size0` (per GPU),
  // `language_modeling.sequence_length` (apple/corenet@1aa3acd1 projects/openelm/pretraining_configs).
  'max_iterations',
  'train_batch_size0',
  'sequence_length',
];
const SETTING = new RegExp(
  `(?:^|[\\s"'\\[{,(-])(${TRAINING_KEYS.map((key) => key.replace(/_/g, '[_-]')).join('|')})["']?\\s*(?:[:=]|\\s)\\s*["']?(?:\\d|\\*\\w)`,
  'gim',
);

/** Distinct training keys set to a number (or a YAML alias of one, `*_anchor_vocab_size`) in the text: three or more make it a training config. */
export function trainingKeysIn(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.slice(0, 200_000).matchAll(SETTING)) found.add(match[1].toLowerCase().replace(/-/g, '_'));
  return [...found];
}

/**
 * The one diagnostic a training config in a syntax we do not parse gets: its format, what it
 * seems to set, and which of the model size and the training length therefore are not counted.
 */
export function unsupportedFormat(format: string, keys: readonly string[], missing: readonly string[]): Finding {
  const shown = keys.slice(0, 4).join(', ');
  return {
    severity: 'information',
    code: 'unsupported-format',
    message: `This looks like a training config written as ${format} (it sets ${shown}${keys.length > 4 ? ', …' : ''}). Compute Budget reads YAML and JSON configs, so ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not counted. State ${missing.length === 1 ? 'it' : 'them'} with a \`# compute-budget: parameters=7B tokens=1T\` comment.`,
    span: { start: 0, end: 0 },
  };
}
