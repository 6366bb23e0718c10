/**
 * The stop-training signal as the editor uses it: a linked loss log read and judged (in the lab's
 * worker), with the points thinned for the chart's loss-curve view and the finding that becomes
 * a diagnostic on the config's training-length key.
 */
import type { LabFinding } from './findings';
import type { LogPoint } from './lossLog';
import { stopText, type StopSignal } from './stop';

export interface WorkspaceStop {
  readonly signal: StopSignal | undefined;
  /** The log's own findings (bad rows, a missing column) and the signal's (`lab-low-returns`, `lab-still-improving`, `lab-short-window`). */
  readonly findings: readonly LabFinding[];
  /** The log's points for the chart, at most `MAX_CURVE_POINTS`, evenly thinned (the last point kept). */
  readonly points: readonly Pick<LogPoint, 'tokens' | 'loss'>[];
}

export const MAX_CURVE_POINTS = 1500;

export function stopWorkspaceLog(text: string, file: string, options: { tokensPerStep?: number; plannedTokens?: number } = {}): WorkspaceStop {
  const report = stopText(text, { file, numberStyle: 'unicode', ...options });
  const all = report.log.points;
  const stride = Math.max(1, Math.ceil(all.length / MAX_CURVE_POINTS));
  const points = all.filter((_, i) => i % stride === 0 || i === all.length - 1).map(({ tokens, loss }) => ({ tokens, loss }));
  return { signal: report.signal, findings: report.findings, points };
}
