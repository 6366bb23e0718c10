/**
 * A training loss log as W&B and TensorBoard export it (CSV, or JSON Lines): a step, tokens seen
 * (a column, or the step times the tokens per step from the run's config) and a loss.
 * TensorBoard's CSV export has `Wall time,Step,Value`; W&B's has `Step,<run> - train/loss, …`.
 */
import { findColumn, numberCell } from './columns';
import { around, finding, type LabFinding, type Located } from './findings';
import { readTable, type TableOptions } from './table';

export interface LogPoint extends Located {
  readonly step?: number;
  readonly tokens: number;
  readonly loss: number;
}

export interface LossLogOptions extends TableOptions {
  /** Tokens per optimizer step (global batch × sequence length), when the log has no tokens column. */
  readonly tokensPerStep?: number;
}

export interface LossLog {
  readonly points: readonly LogPoint[];
  readonly findings: readonly LabFinding[];
  readonly columns: { readonly step?: string; readonly tokens?: string; readonly loss?: string };
}

export function readLossLog(text: string, options: LossLogOptions = {}): LossLog {
  const table = readTable(text, options);
  const findings: LabFinding[] = [...table.findings];
  const step = findColumn(table.columns, 'step') ?? (table.columns.includes('_step') ? '_step' : undefined);
  const tokens = findColumn(table.columns, 'tokens');
  const loss = findColumn(table.columns, 'loss', [step, tokens]) ?? table.columns.find((name) => /(^|_)loss$/.test(name) && !/(min|max|step)$/.test(name));
  const columns = { step, tokens, loss };
  const header = { span: { start: 0, end: 0 }, lines: { first: 1, last: 1 } };
  if (table.rows.length === 0) return { points: [], findings, columns };
  if (!loss) {
    findings.push(finding('error', 'lab-missing-column', `No loss column; columns found: ${table.columns.join(', ') || 'none'}.`, header));
    return { points: [], findings, columns };
  }
  if (!tokens && !(step && options.tokensPerStep)) {
    const how = step ? 'a step column but no tokens per step (link the config, or give tokensPerStep)' : 'no tokens and no step column';
    findings.push(finding('error', 'lab-missing-tokens', `The log has ${how}, so tokens seen are unknown.`, header));
    return { points: [], findings, columns };
  }
  const points: LogPoint[] = [];
  const empty: Located[] = [];
  for (const row of table.rows) {
    const stepCell = step ? numberCell(row.cells[step]) : undefined;
    const tokensCell = tokens ? numberCell(row.cells[tokens]) : undefined;
    const lossCell = numberCell(row.cells[loss]);
    if (lossCell === undefined) {
      empty.push(row);
      continue;
    }
    const problems = [
      lossCell.ok ? (lossCell.value > 0 ? '' : 'loss must be positive') : `loss ${lossCell.why}`,
      stepCell && !stepCell.ok ? `step ${stepCell.why}` : '',
      tokensCell && !tokensCell.ok ? `tokens ${tokensCell.why}` : '',
    ].filter(Boolean);
    const stepValue = stepCell?.ok ? stepCell.value : undefined;
    const tokenValue = tokensCell?.ok ? tokensCell.value : stepValue !== undefined && options.tokensPerStep ? stepValue * options.tokensPerStep : undefined;
    if (problems.length === 0 && (tokenValue === undefined || !(tokenValue >= 0) || !Number.isFinite(tokenValue))) problems.push('tokens missing or negative');
    if (problems.length > 0 || !lossCell.ok || tokenValue === undefined) {
      findings.push(finding('error', 'lab-bad-row', `Row left out: ${problems.join('; ')}.`, row));
      continue;
    }
    points.push({ span: row.span, lines: row.lines, tokens: tokenValue, loss: lossCell.value, ...(stepValue !== undefined ? { step: stepValue } : {}) });
  }
  if (empty.length > 0) {
    findings.push(
      finding(
        'information',
        'lab-bad-row',
        `${empty.length} row${empty.length === 1 ? ' has' : 's have'} no ${loss} value (logged at other steps) and ${empty.length === 1 ? 'is' : 'are'} skipped.`,
        around(empty),
      ),
    );
  }
  points.sort((p, q) => p.tokens - q.tokens);
  return { points, findings, columns };
}
