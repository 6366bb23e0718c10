import type { ReadContext } from '../resources/readContext';
import { resolveReference, type PendingResources } from '../resources/resources';
import { printable } from '../source/view';
import type { LifecycleInputs } from './lifecycle';

/**
 * What this module needs of the earlier stage's analysis. The analysis itself comes from the
 * `analyzeLinked` function the caller passes in, so training/ never imports the analysis above it.
 */
export interface PriorStage {
  readonly cumulativeFlops: number | null;
  readonly method: 'architecture' | 'hardware' | null;
  readonly pending: PendingResources;
}

/** A staged run links at most this many earlier configs in a chain. */
export const MAX_PRIOR_STAGES = 8;

/**
 * Counts the stage a run continues when the config links that stage's config
 * (`prior_config: stage1.yaml`): the earlier config is analysed on its own (its own earlier
 * stages included) and its cumulative compute becomes this run's prior compute. A stated
 * `prior_flops` or `prior_tokens` wins. Cycles and over-long chains are reported, not followed.
 */
export function withPriorConfig(
  inputs: LifecycleInputs,
  context: ReadContext,
  chain: readonly string[],
  analyzeLinked: (text: string, path: string, chain: readonly string[]) => PriorStage,
): LifecycleInputs {
  const link = inputs.priorConfig;
  if (!link || inputs.priorFlops !== undefined || inputs.priorTokens !== undefined) return inputs;
  const path = resolveReference(context.fileName, link.reference);
  const where = printable(link.reference, 80);
  const report = (severity: 'warning' | 'information', message: string) => {
    context.findings.push({ severity, code: 'missing-file', message, span: link.span });
    return inputs;
  };
  if (path === context.fileName || chain.includes(path))
    return report(
      'information',
      `The earlier stage "${where}" links back to this config; the cycle is not followed, so no earlier compute is counted from it.`,
    );
  if (chain.length >= MAX_PRIOR_STAGES)
    return report('information', `The earlier stage "${where}" is more than ${MAX_PRIOR_STAGES} stages back; it is not read, so its compute does not count.`);
  if (context.lookups.outside(path))
    return report(
      'warning',
      `The earlier stage "${where}" is outside the workspace folder (in Restricted Mode, anything but the open file), so it is not read and its compute is not counted: state it with prior_flops or prior_tokens.`,
    );
  const text = context.lookups.file(path);
  if (text === undefined) return inputs;
  if (text === null)
    return report(
      'warning',
      `The earlier stage "${where}" was not found (looked for ${printable(path, 120)}), so its compute is not counted: state it with prior_flops or prior_tokens.`,
    );
  const prior = analyzeLinked(text, path, [...chain, context.fileName]);
  // What the earlier config still waits for is this analysis's wait too.
  for (const file of prior.pending.files) context.lookups.file(file);
  for (const model of prior.pending.models) context.lookups.modelConfig(model);
  if (prior.cumulativeFlops === null)
    return report(
      'warning',
      `The earlier stage "${where}" does not give its compute (it fixes neither its model and tokens nor its hardware and time), so it is not counted: state it with prior_flops or prior_tokens.`,
    );
  const name = path.split(/[\\/]/).pop() ?? path;
  return { ...inputs, priorFlops: prior.cumulativeFlops, priorSource: `${printable(name, 80)}, ${prior.method === 'hardware' ? 'hardware method' : '6·N·D'}` };
}
