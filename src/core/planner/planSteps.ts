import type { Analysis } from '../analysis/types';
import { findAccelerator, type Accelerator } from '../hardware/accelerators';

/** Where the planner's budget comes from: the open config's compute, a FLOP figure, or hardware. */
export type PlanSource = 'config' | 'flops' | 'hardware';
export type PlanStepId = 'source' | 'flops' | 'accelerator' | 'count' | 'days' | 'mfu' | 'target' | 'targetValue';

/** The answers that decide which steps come: the source and the target (Chinchilla needs no value). */
export interface PathAnswers {
  readonly source?: PlanSource;
  readonly target?: 'chinchilla' | 'multiple' | 'parameters' | 'inference';
}

/**
 * The steps the answers lead through: hardware needs four values, a FLOP budget one, the config's
 * own compute none; every target but Chinchilla-optimal needs its value. A step that is still
 * open counts the path of the item under the cursor (see `planStepCount`), so the count shown is
 * always the count of the path the person is about to take, and never jumps when they take it.
 */
export function planSteps(answers: PathAnswers): PlanStepId[] {
  const steps: PlanStepId[] = ['source'];
  if (answers.source === 'flops') steps.push('flops');
  if (answers.source === 'hardware') steps.push('accelerator', 'count', 'days', 'mfu');
  steps.push('target');
  if (answers.target && answers.target !== 'chinchilla') steps.push('targetValue');
  return steps;
}

/** The total to show while `step` is asked and `active` is the highlighted choice of that step. */
export function planStepCount(answers: PathAnswers, step: 'source' | 'target', active: string | undefined): number {
  return planSteps({ ...answers, [step]: active }).length;
}

/** The hardware a config states, as the planner's starting answers (each only when the config says it). */
export interface StartingHardware {
  readonly accelerator?: string;
  readonly count?: number;
  readonly days?: number;
  readonly mfu?: number;
}

/**
 * The config's own accelerator, count, days and MFU, so the planner's hardware steps start from
 * them rather than from a made-up 1,024 accelerators: each one the config states (an accelerator
 * and a count without a time are still the config's), else an accelerator the memory estimate named.
 */
export function startingHardware(analysis: Analysis | undefined, table: readonly Accelerator[]): StartingHardware {
  const stated = analysis?.statedHardware ?? analysis?.hardware?.stated;
  const named = stated?.accelerator?.value.id ?? (analysis?.memory?.accelerator ? findAccelerator(analysis.memory.accelerator.name, table)?.id : undefined);
  const accelerator = named !== undefined && table.some((row) => row.id === named) ? named : undefined;
  const count = stated?.count?.value;
  const seconds = stated?.seconds?.value;
  return {
    ...(accelerator !== undefined ? { accelerator } : {}),
    ...(count !== undefined && count > 0 ? { count } : {}),
    ...(seconds !== undefined && seconds > 0 ? { days: roundDays(seconds / 86_400) } : {}),
    ...(stated?.mfu.key !== undefined ? { mfu: stated.mfu.value } : {}),
  };
}

/** Days as a person types them: 60, 2.5, not 59.99999. */
function roundDays(days: number): number {
  return Number(days.toPrecision(4));
}
