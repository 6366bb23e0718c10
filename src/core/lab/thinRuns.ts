/**
 * Every step of the fit (each L-BFGS iteration, each of the 100 bootstrap refits) is a pass over
 * the rows, so a runs file of 200,000 checkpoints took minutes where 10,000 take seconds. Past
 * `MAX_FIT_ROWS` the rows are thinned evenly in file order, each run's last row kept (so no
 * model size and no run's final loss is lost) unless there are more runs than half the limit; a finding says so.
 */
import type { Run } from './runs';

export const MAX_FIT_ROWS = 2_000;

export function thinRuns(runs: readonly Run[], limit = MAX_FIT_ROWS): readonly Run[] {
  if (runs.length <= limit) return runs;
  const last = new Map<string, Run>();
  for (const run of runs) if ((last.get(run.run)?.tokens ?? -1) < run.tokens) last.set(run.run, run);
  // With more runs than half the limit (a file of one-row runs), the last rows are thinned too.
  const finals = last.size <= limit / 2 ? new Set(last.values()) : new Set<Run>();
  // The stride leaves room for the runs' last rows, which are kept whatever the stride says.
  const room = Math.max(1, limit - finals.size - 1);
  const stride = (runs.length - 1) / room;
  const out: Run[] = [];
  let next = 0;
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    if (i >= next) {
      out.push(run);
      next += stride;
    } else if (finals.has(run)) out.push(run);
  }
  return out;
}
