import type { Finding } from '../analysis/findings';
import { tokenizerVocab } from '../catalog/tokenizers';
import { parseCount } from './quantity';
import { printable } from './view';
import type { Span } from './tree';
import { LINK_DIRECTIVES } from '../lab/logLink';

/**
 * Facts a user supplies that the config cannot hold without breaking it for its own framework:
 * a comment such as `# compute-budget: gpus=128 dataset_tokens=1.2B` (YAML, JSONC), or the
 * same names from the command line (`--fact gpus=128`) or the editor's settings.
 */
export const FACT_NAMES = {
  gpus: 'accelerators in the run (data-parallel size = gpus ÷ (tensor × pipeline parallel))',
  data_parallel: 'data-parallel size (replicas of the model)',
  dataset_tokens: 'tokens in one epoch of the training data',
  tokens: 'training tokens of the whole run',
  parameters: 'parameters of the model (for a mixture of experts the active share of the architecture is kept)',
  active_parameters: 'parameters used per token (a mixture of experts uses fewer than it holds)',
  vocab: "rows of the embedding: a number, or a tokenizer name such as gpt2 or llama-2 (replaces the architecture's vocabulary)",
  prior_tokens: 'tokens the same model trained on in earlier stages (a run continued from a checkpoint)',
  prior_flops: 'compute of earlier stages of the same model, in FLOP',
  synthetic_flops: 'compute spent generating non-public synthetic training data, in FLOP (discarded samples included)',
  generator_parameters: 'parameters of the model that generated synthetic data',
  generated_tokens: 'tokens that model generated (discarded samples included)',
  accelerator: 'the accelerator the run uses, by name (H100-80GB, A100-40GB, MI300X, TPUv5p): memory per device is checked against it',
  mfu: 'model FLOPs utilisation, a fraction (0.4) or a percentage (40), for the step-time estimate',
  serving_gpu_utilization: "vLLM's gpu_memory_utilization, the fraction of each device's memory serving may use (default 0.9)",
  max_num_batched_tokens: "vLLM's max_num_batched_tokens, the tokens of its profiling forward pass (default 8192)",
  price_per_hour: 'price of one accelerator-hour in your currency, for the cost of the run (no price is built in)',
} as const;

/** Facts given as a fraction or a percentage rather than a count of one or more. */
const FRACTIONS: ReadonlySet<FactName> = new Set(['mfu', 'serving_gpu_utilization']);

export type FactName = keyof typeof FACT_NAMES;

/** Values each fact may take, for prompts and messages: a count of accelerators is never "1.2B". */
export const FACT_EXAMPLES: Readonly<Record<FactName, readonly string[]>> = {
  gpus: ['8', '128', '1024'],
  data_parallel: ['8', '64', '512'],
  dataset_tokens: ['300B', '1.2T'],
  tokens: ['300B', '2T'],
  parameters: ['125M', '7B', '70B'],
  active_parameters: ['2.7B', '13B'],
  vocab: ['50257', '128256', 'llama-2'],
  prior_tokens: ['300B', '2T'],
  prior_flops: ['3e23', '1.2e24'],
  synthetic_flops: ['1e21', '5e22'],
  generator_parameters: ['7B', '70B'],
  generated_tokens: ['10B', '500B'],
  accelerator: ['H100-80GB', 'MI300X'],
  mfu: ['0.4', '45'],
  serving_gpu_utilization: ['0.9', '0.85'],
  max_num_batched_tokens: ['8192', '16384'],
  price_per_hour: ['2.5', '4'],
};

/** "e.g. gpus=128 or gpus=1024", with `=` or `: ` between the name and the value. */
export function factExamples(name: FactName, between: '=' | ': '): string {
  const [first, second] = FACT_EXAMPLES[name].slice(-2);
  return `e.g. ${name}${between}${first} or ${name}${between}${second}`;
}

export interface UserFact {
  readonly name: FactName;
  readonly value: number;
  /** Where the directive stands in the file; absent for facts from settings or the command line. */
  readonly span?: Span;
  /** How a value given by name was read, e.g. "Llama 2 SentencePiece tokenizer" for `vocab=llama-2`. */
  readonly note?: string;
  /** A fact given by name rather than number (`accelerator=H100-80GB`): the name, printable; `value` is then 0. */
  readonly text?: string;
}

const DIRECTIVE = /(?:#|\/\/)[ \t]*compute-budget:[ \t]*([^\r\n]*)/g;
const ALIASES: Record<string, FactName> = {
  gpus: 'gpus',
  gpu: 'gpus',
  world_size: 'gpus',
  devices: 'gpus',
  accelerators: 'gpus',
  data_parallel: 'data_parallel',
  dp: 'data_parallel',
  price_per_hour: 'price_per_hour',
  price_per_accelerator_hour: 'price_per_hour',
  dataset_tokens: 'dataset_tokens',
  tokens: 'tokens',
  parameters: 'parameters',
  params: 'parameters',
  active_parameters: 'active_parameters',
  active_params: 'active_parameters',
  active: 'active_parameters',
  vocab: 'vocab',
  vocab_size: 'vocab',
  vocabulary: 'vocab',
  tokenizer: 'vocab',
  prior_tokens: 'prior_tokens',
  prior_flops: 'prior_flops',
  synthetic_flops: 'synthetic_flops',
  generator_parameters: 'generator_parameters',
  generated_tokens: 'generated_tokens',
  accelerator: 'accelerator',
  gpu_type: 'accelerator',
  mfu: 'mfu',
  serving_gpu_utilization: 'serving_gpu_utilization',
  gpu_memory_utilization: 'serving_gpu_utilization',
  max_num_batched_tokens: 'max_num_batched_tokens',
};

/** Reads every `compute-budget:` directive comment in the text. */
export function readDirectives(text: string, findings: Finding[]): UserFact[] {
  const facts: UserFact[] = [];
  if (!text.includes('compute-budget:')) return facts;
  for (const match of text.matchAll(DIRECTIVE)) {
    const body = match[1];
    const bodyStart = match.index! + match[0].length - body.length;
    for (const pair of body.matchAll(/([A-Za-z_-]+)\s*=\s*([^\s,;]+)/g)) {
      // `log=…` links a training loss log (the scaling-law lab reads it: lab/logLink.ts); it is not a fact.
      if ((LINK_DIRECTIVES as readonly string[]).includes(pair[1].toLowerCase())) continue;
      const span = { start: bodyStart + pair.index!, end: bodyStart + pair.index! + pair[0].length };
      const fact = readFact(pair[1], pair[2], span, findings);
      if (fact) facts.push(fact);
    }
  }
  return facts;
}

/** Facts given as `name=value` pairs outside the file (settings, `--fact`). */
export function readFactPairs(pairs: Readonly<Record<string, string | number>>, findings: Finding[]): UserFact[] {
  return Object.entries(pairs).flatMap(([name, value]) => {
    const fact = readFact(name, String(value), undefined, findings);
    return fact ? [fact] : [];
  });
}

function readFact(rawName: string, rawValue: string, span: Span | undefined, findings: Finding[]): UserFact | undefined {
  // Own keys only: `constructor`, `__proto__` or `toString` would otherwise find Object's own members.
  const key = rawName.toLowerCase().replace(/-/g, '_');
  const name = Object.hasOwn(ALIASES, key) ? ALIASES[key] : undefined;
  const where = span ?? { start: 0, end: 0 };
  if (!name) {
    findings.push({
      severity: 'warning',
      code: 'invalid-directive',
      message: `compute-budget: "${printable(rawName, 40)}" is not a fact this extension reads; known facts: ${Object.keys(FACT_NAMES).join(', ')}.`,
      span: where,
    });
    return undefined;
  }
  if (name === 'accelerator') return { name, value: 0, span, text: printable(rawValue, 40) };
  if (FRACTIONS.has(name)) return readFraction(name, rawValue, span, findings);
  const tokenizer = name === 'vocab' && !parseCount(rawValue).ok ? tokenizerVocab(rawValue) : undefined;
  if (tokenizer)
    return { name, value: tokenizer.vocab, span, note: `${printable(rawValue, 40)} (${tokenizer.name}, ${tokenizer.vocab.toLocaleString('en-US')})` };
  const parsed = parseCount(rawValue);
  // Every fact counts whole things (accelerators, tokens, parameters, rows): less than one is a typo.
  if (!parsed.ok || parsed.value < 1 || parsed.value > 1e30) {
    findings.push({
      severity: 'warning',
      code: 'invalid-directive',
      message: `compute-budget: ${name}=${printable(rawValue, 40)} is not a count of one or more (write ${factExamples(name, '=')}${name === 'vocab' ? ', or a known tokenizer name' : ''}).`,
      span: where,
    });
    return undefined;
  }
  return { name, value: parsed.value, span };
}

/** `mfu=0.4` or `mfu=40` (per cent): a fraction in (0, 1]. */
function readFraction(name: FactName, rawValue: string, span: Span | undefined, findings: Finding[]): UserFact | undefined {
  const parsed = parseCount(rawValue.replace(/%$/, ''));
  const fraction = parsed.ok ? (parsed.value > 1 && parsed.value <= 100 ? parsed.value / 100 : parsed.value) : NaN;
  if (!(fraction > 0 && fraction <= 1)) {
    findings.push({
      severity: 'warning',
      code: 'invalid-directive',
      message: `compute-budget: ${name}=${printable(rawValue, 40)} is not a fraction between 0 and 1 (write e.g. ${name}=0.4 or ${name}=40%).`,
      span: span ?? { start: 0, end: 0 },
    });
    return undefined;
  }
  return { name, value: fraction, span };
}

/** The last value given for a fact wins: settings and flags come after the file's comments. */
export function userFact(facts: readonly UserFact[], name: FactName): UserFact | undefined {
  for (let i = facts.length - 1; i >= 0; i--) if (facts[i].name === name) return facts[i];
  return undefined;
}
