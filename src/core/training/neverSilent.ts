import type { ModelResult } from '../architecture/readModel';
import type { Finding, FindingCode } from '../analysis/findings';
import type { FrameworkModule } from '../formats/format';
import type { Span } from '../source/tree';
import { trainingKeysIn } from '../source/foreignSyntax';
import type { TokenResult } from './tokens';
import { factWasRead, type UserFact } from '../source/directives';

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
  if (findings.some((finding) => EXPLAINS_SIZE.has(finding.code))) return undefined;
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
 * A launch script that trains with a program this reader does not follow (anything but Megatron's
 * `pretrain_*.py`): training flags it knows by name, or a distributed launcher given numeric
 * flags, get one finding naming them instead of silence.
 */
export function unfollowedLaunchFinding(text: string): Finding | undefined {
  const keys = trainingKeysIn(text).map((key) => `--${key}`);
  const launcher = LAUNCHER.exec(text)?.[1];
  const commands = text.slice(0, 200_000).replace(/^[ \t]*#.*$/gm, '');
  const flags = [...new Set([...commands.matchAll(NUMERIC_FLAG)].map((match) => match[1]))];
  if (keys.length < 3 && !(launcher && flags.length >= 3)) return undefined;
  const shown = keys.length >= 3 ? keys : flags;
  return {
    severity: 'information',
    code: 'unsupported-format',
    span: { start: 0, end: 0 },
    message: `This script launches training${launcher ? ` with ${launcher}` : ''} (it sets ${shown.slice(0, 4).join(', ')}${shown.length > 4 ? ', …' : ''}) through a program whose flags this reader does not know (it follows Megatron's pretrain_*.py), so neither the model size nor the training tokens are counted. State them with a \`# compute-budget: parameters=… tokens=…\` comment.`,
  };
}

/**
 * A YAML, JSON, TOML or Python file no reader recognises that still sets three or more training
 * keys (nanoGPT's `config/train_gpt2.py`: a batch, a block size, iterations, no model shape): one
 * note naming the keys and what would complete them, instead of silence.
 */
export function unrecognisedConfigFinding(text: string): Finding | undefined {
  const keys = trainingKeysIn(text);
  if (keys.length < 3) return undefined;
  const shown = keys.slice(0, 5).map((key) => `\`${key}\``);
  return {
    severity: 'information',
    code: 'missing-architecture',
    span: { start: 0, end: 0 },
    message: `This looks like a training config (it sets ${shown.join(', ')}${keys.length > 5 ? ', …' : ''}), but no reader recognises it: it names no model this reader knows and holds no hidden size, number of layers and heads together, so the model size is not counted. Write the shape, name a known model, or give \`parameters=\` (and \`tokens=\` if the length is not read) in a \`# compute-budget:\` comment.`,
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
