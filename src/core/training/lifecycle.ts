import { userFact, type UserFact } from '../source/directives';
import type { Span } from '../source/tree';
import { spanOfEntry, type ConfigView } from '../source/view';

/**
 * Compute that belongs to the same model before or beside this run, which the Commission's
 * guidelines count cumulatively: earlier stages of a run continued from a checkpoint, and the
 * generation of non-public synthetic training data (forward passes only, discarded samples included).
 */
export interface LifecycleInputs {
  readonly priorTokens?: number;
  readonly priorFlops?: number;
  readonly syntheticFlops?: number;
  readonly generator?: { readonly parameters: number; readonly tokens: number };
  /** Where the earlier stages' figure came from, when not a fact: "stage1.yaml, 6·N·D". */
  readonly priorSource?: string;
  /** An earlier stage's config this one continues (`prior_config: stage1.yaml`), read through the host. */
  readonly priorConfig?: { readonly reference: string; readonly key: string; readonly span: Span };
  /** The key that makes this run continue from a checkpoint (`load_path`, `resume_from_checkpoint`). */
  readonly resumesFrom?: { readonly key: string; readonly span: Span };
}

export interface LifecyclePart {
  readonly what: string;
  readonly flops: number;
  /** How it was estimated: "6·N·D", "stated", "2·N_generator·tokens". */
  readonly how: string;
}

export interface Lifecycle {
  readonly parts: readonly LifecyclePart[];
  readonly total: number;
  /** What the total leaves out, as the guidelines do or because this estimate cannot see it. */
  readonly excluded: readonly string[];
}

/** Keys that start a run from an earlier checkpoint of the same model. */
const RESUME_KEYS = ['load_path', 'resume_from_checkpoint', 'resume_from_path', 'restore_from_path', 'resume_from', 'load_checkpoint_dir'];
/** Keys that link the config of the stage this run continues, whose compute then counts too. */
const PRIOR_CONFIG_KEYS = ['prior_config', 'previous_stage_config'];
const NUMBER_KEYS = {
  priorTokens: ['prior_tokens'],
  priorFlops: ['prior_flops'],
  syntheticFlops: ['synthetic_flops'],
  generatorParameters: ['generator_parameters'],
  generatedTokens: ['generated_tokens'],
} as const;

/** Every key name the lifecycle reader looks up (the budget schema is checked against it). */
export const LIFECYCLE_KEYS: readonly string[] = [...RESUME_KEYS, ...PRIOR_CONFIG_KEYS, ...Object.values(NUMBER_KEYS).flat()];

export function readLifecycle(view: ConfigView, facts: readonly UserFact[]): LifecycleInputs {
  const number = (fact: Parameters<typeof userFact>[1], keys: readonly string[]) =>
    userFact(facts, fact)?.value ?? view.count(view.find(keys), 'a count', { positive: true })?.value;
  const generatorParameters = number('generator_parameters', NUMBER_KEYS.generatorParameters);
  const generatedTokens = number('generated_tokens', NUMBER_KEYS.generatedTokens);
  const linked = view.find(PRIOR_CONFIG_KEYS);
  const linkedText = linked ? view.text(linked)?.trim() : undefined;
  const resume = view.find(RESUME_KEYS);
  const resumeText = resume ? view.text(resume) : undefined;
  const resumes = resume && resumeText !== undefined && resumeText.trim() !== '' && !/^(null|none|false)$/i.test(resumeText.trim());
  return {
    priorTokens: number('prior_tokens', NUMBER_KEYS.priorTokens),
    priorFlops: number('prior_flops', NUMBER_KEYS.priorFlops),
    syntheticFlops: number('synthetic_flops', NUMBER_KEYS.syntheticFlops),
    generator: generatorParameters !== undefined && generatedTokens !== undefined ? { parameters: generatorParameters, tokens: generatedTokens } : undefined,
    priorConfig: linked && linkedText ? { reference: linkedText, key: linked.path.join('.'), span: spanOfEntry(linked.entry) } : undefined,
    resumesFrom: resumes ? { key: resume.path.join('.'), span: spanOfEntry(resume.entry) } : undefined,
  };
}

export const LIFECYCLE_EXCLUDED = [
  'experiments and runs whose weights do not go into this model (ablations, failed or discarded runs)',
  'generating synthetic data that is publicly available',
  'evaluation and inference',
] as const;

/** Every part of the model's training compute this estimate can see, and their sum. */
export function lifecycle(
  run: { flops: number; what: string; how: string },
  activeParameters: number | null,
  base: { what: string; flops: number } | undefined,
  inputs: LifecycleInputs,
): Lifecycle {
  const parts: LifecyclePart[] = [{ what: run.what, flops: run.flops, how: run.how }];
  if (base) parts.push({ what: base.what, flops: base.flops, how: '6·N·D from its published tokens' });
  if (inputs.priorFlops !== undefined) parts.push({ what: 'earlier stages of this model', flops: inputs.priorFlops, how: inputs.priorSource ?? 'stated' });
  else if (inputs.priorTokens !== undefined && activeParameters !== null)
    parts.push({ what: 'earlier stages of this model', flops: 6 * activeParameters * inputs.priorTokens, how: '6·N·D on the prior tokens' });
  if (inputs.syntheticFlops !== undefined) parts.push({ what: 'synthetic data generation', flops: inputs.syntheticFlops, how: 'stated' });
  else if (inputs.generator)
    parts.push({
      what: 'synthetic data generation',
      flops: 2 * inputs.generator.parameters * inputs.generator.tokens,
      how: '2·N_generator·tokens generated (forward passes)',
    });
  return { parts, total: parts.reduce((sum, part) => sum + part.flops, 0), excluded: [...LIFECYCLE_EXCLUDED] };
}
