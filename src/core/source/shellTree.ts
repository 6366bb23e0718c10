import { depthOf, fieldSpan, fieldText, firstUnresolved, knownText, variableAt, type Field } from './shell/expand';
import { interpret, splitFromString, type Launch } from './shell/interpret';
import { lexShell } from './shell/lexer';
import { parseShell } from './shell/parser';
import type { ConfigNode, MapEntry, MapNode, ScalarNode, SeqNode, Span } from './tree';
import type { ParsedSource } from './yamlTree';
import { maxOf } from '../numbers/extent';

/**
 * Reads a launch script (`.sh`) into the shared tree: the flags given to the training program it
 * runs, with the script's own variables, arrays, defaults and arithmetic resolved. Keys are the
 * flag names as written without their dashes (`num-layers`); a flag without a value is `true`.
 * The launcher's own flags (`torchrun --nproc_per_node 8`) are under `launcher`. A script that
 * runs no training program gives no tree, and the reader never reports problems of its own: it is
 * not a shell, so text it does not follow is simply not read.
 */

/** Training programs of the Megatron family: `pretrain_gpt.py`, `pretrain_mamba.py`, `pretrain_t5.py`, … */
export const MEGATRON_PROGRAM = /(^|\/)pretrain_[A-Za-z0-9_]+\.py$/;

export interface ShellValue {
  /** Why the value cannot be known from the file. */
  readonly unresolved?: string;
  /** The variable the value came through, as written next to its flag (`$NUM_LAYERS`). */
  readonly variable?: string;
}

const INFO = new WeakMap<ScalarNode, ShellValue>();

/** What the shell reader knows about a value beyond the value itself. */
export function shellValue(node: ConfigNode): ShellValue | undefined {
  return node.kind === 'scalar' ? INFO.get(node) : undefined;
}

/**
 * Any other program a launch line runs with flags: a Python script (`train.py`, `finetune_gpt.py`,
 * `open_instruct/finetune.py`, under `accelerate launch`, `torchrun` or `deepspeed`) or ms-swift's
 * command line (`swift sft`, `megatron sft`), LLaMA-Factory's (`llamafactory-cli train --stage sft …`), llm.c's `train_gpt2cu` binary, or a module run with
 * `python -m` whose name says it trains (`EasyLM.models.llama.llama_train`). The framework modules
 * decide from the flags what it is.
 */
export const TRAINING_PROGRAM =
  /(^|\/)[A-Za-z0-9_.-]+\.py$|^(swift|megatron|llamafactory-cli|lmf)$|(^|\/)train_gpt2(cu|fp32cu)?$|^[A-Za-z_]\w*(\.\w+)*\.\w*train\w*$/;

export function readShell(text: string, isProgram?: (word: string) => boolean): ParsedSource {
  const launches = interpret(parseShell(lexShell(text)), isProgram ?? ((word) => MEGATRON_PROGRAM.test(word) || TRAINING_PROGRAM.test(word)));
  // The last launch is the run: earlier ones are usually set-up steps or alternatives. A
  // `pretrain_*.py` launch is the run whatever follows it (conversion or evaluation scripts);
  // another program counts only when it is given flags.
  const megatron = launches.filter((launch) => MEGATRON_PROGRAM.test(fieldText(launch.fields[launch.program]) ?? ''));
  const flagged = launches.filter((launch) => flags(launch.fields.slice(launch.program + 1)).length > 0);
  const launch = megatron.length > 0 ? megatron[megatron.length - 1] : flagged[flagged.length - 1];
  const root = launch ? treeOf(launch) : undefined;
  if (root && megatron.length === 0) GUESSED.add(root);
  if (root && launch) {
    PROGRAM.set(root, fieldText(launch.fields[launch.program]) ?? '');
    LAUNCHERS.set(root, { name: launcherName(launch), environment: launch.environment ?? {} });
  }
  return { root, problems: [] };
}

const GUESSED = new WeakSet<ConfigNode>();
const PROGRAM = new WeakMap<ConfigNode, string>();

/** The program a launch script's tree holds the flags of, as written (`torchrun_main.py`, `./train_gpt2cu`). */
export function launchedProgram(root: ConfigNode | undefined): string | undefined {
  return root ? PROGRAM.get(root) : undefined;
}

/** How a launch line starts its processes: the launcher's name and the GPUs the command sees. */
export interface LauncherInfo {
  /** `torchrun` (also `python -m torch.distributed.run|launch`), `deepspeed`, `accelerate`, `mpirun`; undefined for a plain `python`. */
  readonly name?: string;
  /** `CUDA_VISIBLE_DEVICES`, `NPROC_PER_NODE`, `NNODES` as the command sees them, when the script sets them. */
  readonly environment: Readonly<Record<string, string>>;
}
const LAUNCHERS = new WeakMap<ConfigNode, LauncherInfo>();

export function launcherOf(root: ConfigNode | undefined): LauncherInfo | undefined {
  return root ? LAUNCHERS.get(root) : undefined;
}

function launcherName(launch: Launch): string | undefined {
  for (const field of launch.fields.slice(0, launch.program)) {
    const word = (fieldText(field) ?? '').replace(/^.*\//, '');
    if (/^torch\.distributed\.(run|launch)$/.test(word)) return 'torchrun';
    if (['torchrun', 'deepspeed', 'accelerate', 'mpirun', 'mpiexec'].includes(word)) return word === 'mpiexec' ? 'mpirun' : word;
  }
  return undefined;
}

/** Whether the tree holds the flags of a program other than `pretrain_*.py`: their meaning is read from their names. */
export function guessedProgram(root: ConfigNode | undefined): boolean {
  return !!root && GUESSED.has(root);
}

function treeOf(launch: Launch): MapNode {
  const program = launch.fields[launch.program];
  const programSpan = fieldSpan(program);
  const entries = flags(launch.fields.slice(launch.program + 1));
  const launcherEntries = flags(launch.fields.slice(1, launch.program));
  if (launcherEntries.length > 0) {
    const first = fieldSpan(launch.fields[0]);
    entries.push({ key: 'launcher', keySpan: first, value: { kind: 'map', entries: launcherEntries, span: { start: first.start, end: programSpan.start } } });
  }
  return { kind: 'map', entries, span: programSpan };
}

/** Output redirections and list operators that end the arguments of an `eval`ed string. */
const END = /^(\d*[<>]|&>|&&|\|\|?|;|&$)/;
/**
 * A word the shell itself split is an operator only when written as one (`\\&\\&` passed to a job
 * launcher's remote shell); a quoted `"</answer>"` is text, not a redirection.
 */
const LIST_WORD = /^(&&|\|\||;|&)$/;

function flags(fields: readonly Field[]): MapEntry[] {
  const entries: MapEntry[] = [];
  let flag: { key: string; keySpan: Span; depth: number; values: Field[]; inline?: { text: string; span: Span } } | undefined;
  const finish = () => {
    if (!flag) return;
    entries.push({ key: flag.key, keySpan: flag.keySpan, value: valueNode(flag) });
    flag = undefined;
  };
  for (const field of fields) {
    const text = knownText(field);
    const resolved = fieldText(field);
    if (resolved !== undefined && (splitFromString(field) || field.some((piece) => piece.split) ? END : LIST_WORD).test(resolved)) break;
    const dashes = resolved !== undefined && /^--?[A-Za-z]/.test(resolved) ? /^-+/.exec(resolved)![0].length : 0;
    if (dashes > 0) {
      finish();
      const equals = resolved!.indexOf('=');
      const depth = depthOf(field);
      const keySpan = fieldSpan(field, depth);
      if (equals > 0) {
        const valueSpan = { start: Math.min(keySpan.end, keySpan.start + equals + 1), end: keySpan.end };
        flag = { key: resolved!.slice(dashes, equals), keySpan, depth, values: [], inline: { text: resolved!.slice(equals + 1), span: valueSpan } };
      } else flag = { key: resolved!.slice(dashes), keySpan, depth, values: [] };
    } else if (flag) {
      flag.values.push(field);
    } else if (text === '') {
      continue; // a stray unresolved word before the first flag
    }
  }
  finish();
  return entries;
}

function valueNode(flag: { keySpan: Span; depth: number; values: Field[]; inline?: { text: string; span: Span } }): ConfigNode {
  if (flag.inline) return { kind: 'scalar', value: flag.inline.text, span: flag.inline.span };
  if (flag.values.length === 0) return { kind: 'scalar', value: true, span: { start: flag.keySpan.end, end: flag.keySpan.end } };
  const scalars = flag.values.map((field) => scalar(field, flag.depth));
  if (scalars.length === 1) return scalars[0];
  const seq: SeqNode = { kind: 'seq', items: scalars, span: { start: scalars[0].span.start, end: maxOf(scalars.map((item) => item.span.end)) } };
  return seq;
}

function scalar(field: Field, depth: number): ScalarNode {
  const span = fieldSpan(field, depth);
  const variable = variableAt(field, depth);
  const missing = firstUnresolved(field);
  const node: ScalarNode = { kind: 'scalar', value: missing ? null : (fieldText(field) ?? null), span };
  if (missing || variable) INFO.set(node, { unresolved: missing?.unresolved, variable });
  return node;
}
