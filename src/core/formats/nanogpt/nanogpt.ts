import type { Finding } from '../../analysis/findings';
import { getEntry, normalizeKey, type ConfigNode, type MapEntry, type MapNode, type Span } from '../../source/tree';
import { printable, type ConfigView } from '../../source/view';
import { readTokens } from '../../training/tokens';
import { COMMON_TRAINING, tally, type FrameworkModule, type TrainingKeys } from '../format';
import { readHuggingFace } from '../huggingface/modelReader';
import { isLlama2c, LLAMA2C_DEFAULTS, LLAMA2C_SOURCE, llama2cModel } from './llama2c';

/**
 * nanoGPT's Python configs (`config/train_gpt2.py`): plain assignments that `configurator.py`
 * executes over the globals of `train.py`, so every name left out keeps train.py's default
 * (karpathy/nanoGPT@3adf61e154c3fe3fca428ad6bc3818b27a3b8291:train.py). The model is a GPT-2
 * (`GPTConfig`) of `n_layer`, `n_head`, `n_embd`, `block_size` positions and, without a dataset
 * `meta.pkl`, 50,304 vocabulary rows; its `gradient_accumulation_steps` counts the whole step
 * (train.py divides it by the number of processes, then multiplies them back:
 * tokens_per_iter = gradient_accumulation_steps × world × batch_size × block_size).
 */

const SOURCE = 'karpathy/nanoGPT@3adf61e154c3fe3fca428ad6bc3818b27a3b8291:train.py';

/** train.py's defaults for the numbers that fix the count. */
const DEFAULTS: Readonly<Record<string, number | boolean>> = {
  n_layer: 12,
  n_head: 12,
  n_embd: 768,
  block_size: 1024,
  batch_size: 12,
  gradient_accumulation_steps: 40,
  max_iters: 600_000,
  bias: false,
};

/** Names train.py defines that other trainers' configs do not write together. */
const NANOGPT_KEYS = [
  'max_iters',
  'block_size',
  'gradient_accumulation_steps',
  'eval_interval',
  'eval_iters',
  'init_from',
  'lr_decay_iters',
  'n_embd',
  'n_layer',
  'always_save_checkpoint',
  'wandb_run_name',
];

const TRAINING: TrainingKeys = {
  ...COMMON_TRAINING,
  direct: [],
  steps: ['max_iters'],
  globalBatch: ['tokens_per_step_sequences'],
  microBatch: [],
  accumulation: [],
  sequence: ['block_size', 'max_seq_len'],
  epochs: [],
};

interface Expansion {
  readonly defaults: readonly string[];
  readonly anchor: Span;
  readonly llama2c: boolean;
  /** A character-level dataset (`shakespeare_char`): its vocabulary is in data/<dataset>/meta.pkl. */
  readonly charDataset?: { readonly name: string; readonly span: Span };
}

/**
 * nanoGPT's character-level datasets (`data/shakespeare_char/prepare.py`) write a `meta.pkl` whose
 * `vocab_size` (the distinct characters: 65 for Shakespeare) train.py uses instead of GPT-2's
 * 50,304; the file is written by prepare.py, not kept in the repository, so it is not read here.
 */
const CHAR_DATASET = /_char$/i;
const EXPANSIONS = new WeakMap<ConfigNode, Expansion>();

function numberOf(root: MapNode, key: string): number | undefined {
  const node = getEntry(root, key)?.value;
  return node?.kind === 'scalar' && typeof node.value === 'number' ? node.value : undefined;
}

/** The config over train.py's defaults, with the model as GPTConfig builds it and the step in sequences. */
function expand(root: MapNode): ConfigNode {
  const anchor = { start: 0, end: 0 };
  const entries: MapEntry[] = [...root.entries];
  const written = new Set(entries.map((entry) => normalizeKey(entry.key)));
  const defaults: string[] = [];
  const llama2c = isLlama2c(root);
  for (const [key, value] of Object.entries(llama2c ? LLAMA2C_DEFAULTS : DEFAULTS)) {
    if (written.has(key)) continue;
    entries.push({ key, keySpan: anchor, value: { kind: 'scalar', value, span: anchor } });
    defaults.push(`${key} ${String(value)}`);
  }
  const expanded: MapNode = { kind: 'map', entries, span: root.span };
  const datasetEntry = getEntry(root, 'dataset');
  const datasetName = datasetEntry?.value.kind === 'scalar' && typeof datasetEntry.value.value === 'string' ? datasetEntry.value.value : undefined;
  const charDataset = datasetEntry && datasetName && CHAR_DATASET.test(datasetName) ? { name: datasetName, span: datasetEntry.keySpan } : undefined;
  const spanOf = (key: string) => getEntry(expanded, key)?.keySpan ?? anchor;
  const shape = (key: string, value: unknown, from = key): MapEntry => {
    const span = spanOf(from);
    return { key, keySpan: span, value: { kind: 'scalar', value: value as number | string | boolean, span } };
  };
  entries.push({
    key: 'gpt_config',
    keySpan: anchor,
    value: {
      kind: 'map',
      span: anchor,
      entries: llama2c
        ? Object.entries(llama2cModel((key) => numberOf(expanded, key))).map(([key, value]) => shape(key, value, key === 'hidden_size' ? 'dim' : '-'))
        : [
            shape('model_type', 'gpt2'),
            shape('n_layer', numberOf(expanded, 'n_layer') ?? null),
            shape('n_head', numberOf(expanded, 'n_head') ?? null),
            shape('n_embd', numberOf(expanded, 'n_embd') ?? null),
            shape('n_positions', numberOf(expanded, 'block_size') ?? null, 'block_size'),
            // train.py: "defaulting to vocab_size of GPT-2 to 50304 (50257 rounded up for efficiency)",
            // unless data/<dataset>/meta.pkl exists: then meta['vocab_size'] (unknown here, left out).
            shape('vocab_size', charDataset ? null : 50304, '-'),
            shape('tie_word_embeddings', true, '-'),
          ],
    },
  });
  const accumulation = numberOf(expanded, 'gradient_accumulation_steps');
  const batch = numberOf(expanded, 'batch_size');
  if (accumulation !== undefined && batch !== undefined) {
    const span = spanOf('gradient_accumulation_steps');
    entries.push({ key: 'tokens_per_step_sequences', keySpan: span, value: { kind: 'scalar', value: accumulation * batch, span } });
  }
  EXPANSIONS.set(expanded, { defaults, anchor: root.entries[0]?.keySpan ?? anchor, llama2c, charDataset });
  return expanded;
}

function notes(view: ConfigView): Finding[] {
  const expansion = view.root && EXPANSIONS.get(view.root);
  if (!expansion) return [];
  const defaults = expansion.defaults.length > 0 ? `; not set here, so train.py's defaults: ${expansion.defaults.join(', ')}` : '';
  if (expansion.llama2c)
    return [
      {
        severity: 'information',
        code: 'assumed-value',
        span: expansion.anchor,
        message: `Read as a llama2.c config over train.py's globals (${LLAMA2C_SOURCE}): a Llama of \`dim\`, \`n_layers\`, \`n_heads\`, \`n_kv_heads\`, its MLP int(8·dim/3) rounded up to \`multiple_of\`, the output tied to the embedding, gradient_accumulation_steps × batch_size sequences of max_seq_len per step${defaults}.`,
      },
    ];
  const char = expansion.charDataset;
  const vocabulary = char
    ? 'a GPT-2 whose vocabulary comes from the dataset meta.pkl (see the note at `dataset`)'
    : 'a GPT-2 with 50,304 vocabulary rows (no dataset meta.pkl read)';
  const read: Finding = {
    severity: 'information',
    code: 'assumed-value',
    span: expansion.anchor,
    message: `Read as a nanoGPT config over train.py's globals (${SOURCE}): ${vocabulary}, counted with GPT-2's biases (bias=False leaves out about 0.1%), gradient_accumulation_steps × batch_size sequences per step${defaults}.`,
  };
  if (!char) return [read];
  const folder = `data/${printable(char.name, 60)}`;
  return [
    read,
    {
      severity: 'warning',
      code: 'missing-architecture',
      span: char.span,
      message: `dataset = '${printable(char.name, 60)}' is character-level: train.py takes vocab_size from ${folder}/meta.pkl, which ${folder}/prepare.py writes (the distinct characters of the text), not GPT-2's 50,304. That file is not read here, so the vocabulary and the parameter count are unknown. Give it with a \`# compute-budget: vocab_size=…\` comment (the vocab_size prepare.py prints).`,
      fixes: [{ kind: 'add-fact', fact: 'vocab', title: 'Add the vocabulary size (compute-budget comment)' }],
    },
  ];
}

export const nanogpt: FrameworkModule = {
  id: 'nanogpt',
  name: 'nanoGPT config (Python)',
  syntaxes: ['python'],
  detect: (root) => (tally(root, NANOGPT_KEYS) >= 3 ? 7 : 0),
  expand,
  readArchitecture: (view, context) => {
    // init_from='gpt2-xl' starts from OpenAI's checkpoint: the model is the one it names.
    const init = view.text(view.find(['init_from']));
    if (typeof init === 'string' && /^gpt2/.test(init)) return undefined;
    // Said before the model is counted, so the count's own "vocab_size is missing" is not repeated.
    context.findings.push(...notes(view).slice(1));
    return readHuggingFace(view, { under: ['gpt_config'] });
  },
  training: TRAINING,
  readTokens: (view, context) => {
    context.findings.push(...notes(view).slice(0, 1));
    return readTokens(view, TRAINING, context.facts, context.findings);
  },
  modelNameKeys: ['init_from'],
};
