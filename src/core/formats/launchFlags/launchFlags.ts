import type { Finding } from '../../analysis/findings';
import { fact } from '../../source/fact';
import { treeFromObject } from '../../source/objectTree';
import { guessedProgram, launchedProgram } from '../../source/shellTree';
import { getEntry, normalizeKey, type ConfigNode, type MapEntry, type MapNode, type Span } from '../../source/tree';
import { printable, type ConfigView } from '../../source/view';
import { readTokens } from '../../training/tokens';
import { COMMON_MODEL_NAME_KEYS, has, type FrameworkModule, type ReadContext, type TrainingKeys } from '../format';
import { GENERIC_TRAINING } from '../generic/generic';
import { hasGenericShape, readGeneric } from '../generic/modelReader';
import { readHuggingFace } from '../huggingface/modelReader';
import { guessesNeverErrors } from '../shared/guessedMeaning';
import { MODEL_FILE_FLAGS, readModelFile } from './modelFile';
import { dialectOf, type ProgramDialect } from './programs';

/**
 * The flags of a training program no framework module knows (`torchrun … torchrun_main.py
 * --model_config configs/llama_60m.json --total_batch_size 512`, llm.c's `train_gpt2cu -b 64 -t
 * 1024`, EasyLM's `--load_llama_config=7b`), read by the shared meaning: a program whose flags
 * do not say what they mean is mapped onto the shared names by its own argument parser
 * (programs.ts), a model config file the flags name is read as a Hugging Face config (or by key
 * names), and the rest is the generic reader's key synonyms. A note says what was read and which
 * of the program's defaults were taken.
 */

/** Where the model a launch describes is kept in the expanded tree. */
const MODEL = 'model_config';

/** What expanding a launch decided, for the note the readers add. */
interface Expansion {
  readonly dialect?: ProgramDialect;
  readonly defaults: readonly string[];
  readonly modelWhy?: string;
  readonly anchor: Span;
}
const EXPANSIONS = new WeakMap<ConfigNode, Expansion>();

const TRAINING: TrainingKeys = {
  ...GENERIC_TRAINING,
  accelerators: (view) => {
    // torchrun --nproc_per_node × --nnodes, deepspeed --num_gpus × --num_nodes, mpirun -np.
    const perNode = view.count(view.find(['nproc_per_node', 'num_gpus', 'np'], { under: ['launcher'] }), 'processes per node', {
      integer: true,
      positive: true,
    });
    const nodes = view.count(view.find(['nnodes', 'num_nodes'], { under: ['launcher'] }), 'a number of nodes', { integer: true, positive: true });
    return perNode
      ? fact(perNode.value * (nodes?.value ?? 1), 'derived', { note: `launcher: ${perNode.value} processes × ${nodes?.value ?? 1} node(s)` })
      : undefined;
  },
};

function detect(root: MapNode, view: ConfigView): number {
  // Megatron's pretrain_*.py launches are megatron-lm's; only other programs are read here.
  if (!guessedProgram(root)) return 0;
  if (dialectOf(launchedProgram(root))) return 8;
  // Below the Hugging Face Trainer recipe (6), which knows its own flags better.
  return has(root, ...MODEL_FILE_FLAGS) || hasGenericShape(view) ? 3 : 0;
}

function scalarText(node: ConfigNode | undefined): string | undefined {
  return node?.kind === 'scalar' && node.value !== null ? String(node.value) : undefined;
}

/** The launch's flags under their shared names, the program's defaults, and the model they select. */
function expand(root: MapNode, context: ReadContext): ConfigNode {
  const dialect = dialectOf(launchedProgram(root));
  const flags = (name: string) => scalarText(getEntry(root, name)?.value);
  const entries: MapEntry[] = [];
  for (const entry of root.entries) {
    const renamed = entry.key === 'launcher' ? undefined : dialect?.rename(entry.key);
    if (renamed === null) continue;
    entries.push(renamed ? { ...entry, key: renamed } : entry);
  }
  const anchor = root.span;
  const written = new Set(entries.map((entry) => normalizeKey(entry.key)));
  for (const [key, value] of Object.entries(dialect?.derive?.(flags) ?? {})) {
    const from = entries.find((entry) => normalizeKey(entry.key) === normalizeKey(key));
    if (from) entries.splice(entries.indexOf(from), 1);
    entries.push({ key, keySpan: anchor, value: { kind: 'scalar', value, span: anchor } });
    written.add(normalizeKey(key));
  }
  const defaults: string[] = [];
  for (const [key, value] of Object.entries(dialect?.defaults ?? {})) {
    if (written.has(normalizeKey(key))) continue;
    entries.push({ key, keySpan: anchor, value: { kind: 'scalar', value, span: anchor } });
    defaults.push(`${key} ${value.toLocaleString('en-US')}`);
  }
  let modelWhy: string | undefined;
  const chosen = dialect?.model?.(flags);
  const fileFlag = root.entries.find((entry) => MODEL_FILE_FLAGS.includes(normalizeKey(entry.key)));
  const fileName = scalarText(fileFlag?.value);
  if (fileFlag && fileName) {
    const model = readModelFile(fileName, fileFlag.keySpan, fileFlag.key, context);
    if (model) {
      entries.push({ key: MODEL, keySpan: fileFlag.keySpan, value: model });
      modelWhy = `the model from --${fileFlag.key} ${printable(fileName, 80)}`;
    }
  } else if (chosen) {
    entries.push({ key: MODEL, keySpan: anchor, value: treeFromObject(chosen.config, anchor) });
    modelWhy = chosen.why;
  }
  const expanded: MapNode = { kind: 'map', entries, span: root.span };
  EXPANSIONS.set(expanded, { dialect, defaults, modelWhy, anchor });
  return expanded;
}

/** Keys only a model's own config.json writes: it is read as Hugging Face reads it. */
const HF_SIGNS = ['model_type', 'architectures', 'num_hidden_layers', 'n_layer'];

function readArchitecture(view: ConfigView, context: ReadContext) {
  const model = getEntry(view.root, MODEL)?.value;
  if (model?.kind === 'map') {
    if (has(model, ...HF_SIGNS)) return readHuggingFace(view, { under: [MODEL] });
    const { draft, note } = readGeneric(view, { under: [MODEL] });
    if (note) context.findings.push(note);
    return draft;
  }
  if (!hasGenericShape(view)) return undefined;
  const { draft, note } = readGeneric(view);
  if (note) context.findings.push(note);
  return draft;
}

/** One note: which program's meaning was applied, the model it chose, and the defaults taken. */
function expansionNote(view: ConfigView): Finding | undefined {
  const expansion = view.root && EXPANSIONS.get(view.root);
  if (!expansion || (!expansion.dialect && !expansion.modelWhy)) return undefined;
  const parts: string[] = [];
  if (expansion.dialect) parts.push(`Flags read as ${expansion.dialect.name} reads them (${expansion.dialect.source})`);
  if (expansion.modelWhy) parts.push(`model: ${expansion.modelWhy}`);
  if (expansion.defaults.length > 0) parts.push(`not given, so the program's defaults: ${expansion.defaults.join(', ')}`);
  return { severity: 'information', code: 'assumed-value', span: expansion.anchor, message: `${parts.join('; ')}.` };
}

export const launchFlags: FrameworkModule = {
  id: 'launch-flags',
  name: 'training program flags read by name',
  syntaxes: ['shell'],
  detect,
  expand,
  readArchitecture,
  training: TRAINING,
  readTokens: (view, context) => {
    const note = expansionNote(view);
    if (note) context.findings.push(note);
    const tokens = readTokens(view, TRAINING, context.facts, context.findings);
    guessesNeverErrors(view.findings, 'flag of a launch line, read by its name');
    return tokens;
  },
  modelNameKeys: COMMON_MODEL_NAME_KEYS,
};
