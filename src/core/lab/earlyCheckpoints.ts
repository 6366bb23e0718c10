/**
 * Choshen et al.'s early-checkpoint rule: rows before `minTokens` tokens are left out of the fit,
 * except each run's last row (a small run that never reaches the cut keeps its final loss). In
 * one pass to find each run's last row and one to split, with a set for membership: linear in the
 * rows (200,000 rows took 107 s when each row was looked up in the list of early ones).
 */
import type { Run } from './runs';

export interface EarlySplit {
  /** The rows the fit uses, in file order. */
  readonly kept: readonly Run[];
  /** The rows left out, in file order. */
  readonly early: readonly Run[];
}

export function splitEarlyCheckpoints(all: readonly Run[], minTokens: number): EarlySplit {
  const lastOfRun = new Map<string, Run>();
  for (const run of all) if ((lastOfRun.get(run.run)?.tokens ?? -1) < run.tokens) lastOfRun.set(run.run, run);
  const kept: Run[] = [];
  const early: Run[] = [];
  for (const run of all) (run.tokens < minTokens && lastOfRun.get(run.run) !== run ? early : kept).push(run);
  return { kept, early };
}
