import type { ModelResult } from '../architecture/readModel';
import type { Finding, FindingCode } from '../analysis/findings';
import type { FrameworkModule } from '../formats/format';
import type { Span } from '../source/tree';
import { trainingKeysIn } from '../source/foreignSyntax';
import type { TokenResult } from './tokens';
import { factWasRead, type UserFact } from '../source/directives';
import { printable } from '../source/view';
import { trainingSigns } from './trainingSigns';

/** Findings that already say why the model size is unknown. */
const EXPLAINS_SIZE = new Set<FindingCode>([
  'missing-architecture',
  'unknown-model',
  'unsupported-format',
  'missing-file',
  'unreadable-file',
  'invalid-number',
  'negative-value',
  'out-of-range',
  'mandatory-missing',
  'conflicting-flags',
  'parse-error',
]);

/** Values that are wrong as written (`invalid-number`, `negative-value`, `out-of-range`): a guess's warning explains nothing. */
const VALUE_CODES = new Set<FindingCode>(['invalid-number', 'negative-value', 'out-of-range']);

/**
 * A finding that says why the size is unknown. A wrong value explains it only as an error: a
 * warning on a flag read by its name (`--num-layers -1`, which an evaluation harness takes as
 * "from the checkpoint") leaves the reader to say what it found and what is missing.
 */
function explainsSize(finding: Finding): boolean {
  return EXPLAINS_SIZE.has(finding.code) && (finding.severity === 'error' || !VALUE_CODES.has(finding.code));
}

/**
 * A file recognised as a training config that yields no model size, and says nothing about it,
 * gets one finding naming what was read, what is missing and what would complete it: a config is
 * never silently left uncounted (the missing-tokens finding covers the size-known case).
 */
export function silentFileFinding(
  framework: FrameworkModule,
  model: ModelResult,
  training: TokenResult,
  findings: readonly Finding[],
  anchor: Span,
): Finding | undefined {
  if (framework.id === 'unknown' || model.total) return undefined;
  if (findings.some(explainsSize)) return undefined;
  const found = training.tokens ? `the training length (${training.tokens.value.toLocaleString('en-US')} tokens)` : 'no model shape and no training length';
  const alsoTokens = training.tokens ? '' : ' and the training tokens (steps × batch × sequence length, or a `tokens=` fact)';
  return {
    severity: 'information',
    code: 'missing-architecture',
    span: training.anchor ?? anchor,
    message: `Read as ${framework.name}: found ${found}, but not the model's size. Write its shape (hidden size, layers, heads, vocabulary), name a known model, or give \`parameters=\` in a \`# compute-budget:\` comment${alsoTokens}.`,
    fixes: [{ kind: 'add-fact', fact: 'parameters', title: 'Add the parameter count (compute-budget comment)' }],
  };
}

/** Commands that start distributed training, at the start of a line (after `srun …` or `exec`). */
const LAUNCHER = /^[ \t]*(?:exec[ \t]+)?(mpirun|mpiexec|torchrun|deepspeed|accelerate[ \t]+launch|python[0-9.]*[ \t]+-m[ \t]+torch\.distributed\.\w+)\b/m;
/** `--name 123`, `-b 64`, `--name=1e-4`: flags given numbers. */
const NUMERIC_FLAG = /\s(-{1,2}[A-Za-z][\w-]*)(?:[ \t]+|=)["']?\d/g;

/**
 * A launch script that trains with a program no reader follows: training flags it knows by name,
 * a distributed launcher given numeric flags, or flags that name a model, a run length or a
 * model shape (training/trainingSigns.ts) get one finding naming them instead of silence.
 */
export function unfollowedLaunchFinding(text: string, program?: string): Finding | undefined {
  const keys = trainingKeysIn(text).map((key) => `--${key}`);
  const launcher = LAUNCHER.exec(text)?.[1];
  const commands = text.slice(0, 200_000).replace(/^[ \t]*#.*$/gm, '');
  const flags = [...new Set([...commands.matchAll(NUMERIC_FLAG)].map((match) => match[1]))];
  const signs = trainingSigns(text);
  if (keys.length < 3 && !(launcher && flags.length >= 3) && !signs) return undefined;
  const shown = keys.length >= 3 ? keys : signs ? signs.found.map((name) => `${name}`) : flags;
  const runs = program
    ? ` runs ${printable(program, 60)}${launcher ? ` under ${launcher}` : ''} and`
    : launcher
      ? ` launches training with ${launcher} and`
      : '';
  return {
    severity: 'information',
    code: 'unsupported-format',
    span: { start: 0, end: 0 },
    message: `This script${runs} sets ${list(shown)}, but no reader knows the flags of the program it runs, so neither the model size nor the training tokens are counted. If it trains, state them with a \`# compute-budget: parameters=… tokens=…\` comment; an evaluation, inference or data script trains nothing and counts nothing.`,
  };
}

const list = (names: readonly string[]) => `${names.slice(0, 4).join(', ')}${names.length > 4 ? ', …' : ''}`;

/**
 * A YAML, JSON, TOML or Python file no reader recognises that still sets three or more training
 * keys (nanoGPT's `config/train_gpt2.py`: a batch, a block size, iterations, no model shape), or
 * (`bySigns`: a config, not Python source or a broken file) names a model shape, a model and a run
 * length (training/trainingSigns.ts): one note naming the keys and what would complete them.
 */
export function unrecognisedConfigFinding(text: string, bySigns = true): Finding | undefined {
  const keys = trainingKeysIn(text);
  const signs = keys.length >= 3 || !bySigns ? undefined : trainingSigns(text);
  if (keys.length < 3 && !signs) return undefined;
  const shown = (keys.length >= 3 ? keys : signs!.found).slice(0, 5).map((key) => `\`${key}\``);
  const total = keys.length >= 3 ? keys.length : signs!.found.length;
  return {
    severity: 'information',
    code: 'missing-architecture',
    span: { start: 0, end: 0 },
    message: `This looks like a training or model config (it sets ${shown.join(', ')}${total > 5 ? ', …' : ''}), but no reader recognises it: it names no model this reader can count and holds no hidden size, number of layers and heads together, so the model size is not counted. Write the shape, name a known model, or give \`parameters=\` (and \`tokens=\` if the length is not read) in a \`# compute-budget:\` comment; a speech, vision or evaluation config is not counted.`,
    fixes: [{ kind: 'add-fact', fact: 'parameters', title: 'Add the parameter count (compute-budget comment)' }],
  };
}

/**
 * A fact given (on the command line, in settings, a facts file or a `# compute-budget:` comment)
 * that no reader asked for changes no number: it is said, not dropped silently (a `gpus=` on a
 * file whose batch is already global, a `dataset_tokens=` on a run measured in steps). Of several
 * values for one fact only the winning one is judged; the others are overridden, not unused.
 */
export function unusedFactFindings(facts: readonly UserFact[]): Finding[] {
  const winners = new Map<string, UserFact>();
  for (const given of facts) winners.set(given.name, given);
  return [...winners.values()]
    .filter((given) => !factWasRead(given))
    .map((given) => ({
      severity: 'information',
      code: 'assumed-value',
      span: given.span ?? { start: 0, end: 0 },
      message: `The fact ${given.name}=${given.text ?? given.value.toLocaleString('en-US')} was given, but nothing in this reading used it, so it changes no number here${given.name === 'gpus' || given.name === 'data_parallel' ? ' (the batch read is already the whole step, or no batch was read)' : ''}.`,
    }));
}
