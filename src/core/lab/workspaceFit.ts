/**
 * The user's own law as the editor uses it: a runs file fitted once (in a worker), then its
 * constants and bootstrap samples travel as plain data to the hover, the inline summary, the
 * planner and the chart, labelled "your fit (64 runs, held-out loss error 0.36%)".
 */
import { numbers, type NumberStyle } from '../report/format';
import type { WorkspaceLaw } from '../planner/fitChoice';
import { fitRunsText, predictInterval, type FitOptions, type LawFit } from './fit';
import type { LabFinding } from './findings';
import type { Run } from './runs';

/** What fitting a runs file gives the editor: the fit (if any), the file's findings, and the rows used for the chart. */
export interface WorkspaceFit {
  readonly fit: LawFit | undefined;
  readonly findings: readonly LabFinding[];
  /** Runs (distinct run ids) among the rows the fit used. */
  readonly runs: number;
  /** The rows read, for the runs chart (at most `MAX_CHART_ROWS`, evenly thinned). */
  readonly rows: readonly Pick<Run, 'parameters' | 'tokens' | 'loss' | 'run'>[];
}

export const MAX_CHART_ROWS = 2000;

/** Reads and fits a runs file; what the editor's lab worker runs. Never throws on bad input. */
export function fitWorkspaceRuns(text: string, file: string, options: FitOptions = {}): WorkspaceFit {
  const report = fitRunsText(text, { file, numberStyle: 'unicode', ...options });
  const all = report.file.runs;
  const stride = Math.max(1, Math.ceil(all.length / MAX_CHART_ROWS));
  const rows = all.filter((_, i) => i % stride === 0).map(({ parameters, tokens, loss, run }) => ({ parameters, tokens, loss, run }));
  // The fit leaves out early checkpoints except each run's last row (as `fitRuns` does): every run keeps a row.
  const runs = report.fit ? new Set(all.map((run) => run.run)).size : 0;
  // Bootstrap samples stay (the intervals need them); the rest of the report is dropped.
  return { fit: report.fit, findings: report.findings, runs, rows };
}

/**
 * "your fit (64 runs, held-out loss error 0.53%)", or "(…, loss error not checked)" when no model
 * could be held out. The error is the ARE of a loss prediction, not an error of the split.
 */
export function workspaceLabel(result: WorkspaceFit, style: NumberStyle = 'unicode'): string {
  const fmt = numbers(style);
  const are = result.fit?.heldOut ? `held-out loss error ${fmt.percent(result.fit.heldOut.are)}` : 'loss error not checked';
  return `your fit (${result.runs} run${result.runs === 1 ? '' : 's'}, ${are})`;
}

/** The fit as a law the planner and the chart take. */
export function workspaceLaw(result: WorkspaceFit & { readonly fit: LawFit }, style: NumberStyle = 'unicode'): WorkspaceLaw {
  const { samples, level, largestCompute } = result.fit;
  return { id: 'workspace', label: workspaceLabel(result, style), ...result.fit.constants, uncertainty: { samples, level, largestCompute } };
}

/** A predicted loss with its bootstrap interval, for N active parameters and D tokens. */
export function workspaceLoss(fit: LawFit, parameters: number, tokens: number): { loss: number; low: number; high: number; level: number } {
  return { ...predictInterval(fit, parameters, tokens), level: fit.level };
}
