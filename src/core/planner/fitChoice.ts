import { lossFit, type LossFit } from '../budget/scaling';
import type { Uncertainty } from '../lab/allocation';
import type { LawConstants } from '../lab/lossLaw';

/**
 * The loss law a planner, a chart or a hover uses: one of the published fits by id, or the
 * user's own fit of their small runs (the scaling-law lab), carried as its constants and a label
 * such as "your fit (24 runs, ARE 0.53%)". Plain data: it travels in ChartData and PlanResult.
 */
export interface WorkspaceLaw extends LawConstants {
  readonly id: 'workspace';
  readonly label: string;
  /** The fit's bootstrap fits, so a planner can give its split an interval. */
  readonly uncertainty?: Uncertainty;
}

export type Law = LossFit | WorkspaceLaw;
export type LawId = Law['id'];

/** A published fit's id, or the user's law itself. */
export type FitChoice = LossFit['id'] | WorkspaceLaw;

export function resolveFit(choice: FitChoice | undefined): Law {
  if (choice !== undefined && typeof choice === 'object') return choice;
  return lossFit(choice ?? 'epoch2024');
}
