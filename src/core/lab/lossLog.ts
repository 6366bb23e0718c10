/**
 * A training loss log as W&B and TensorBoard export it (CSV, or JSON Lines): a step, tokens seen
 * (a column, or the step times the tokens per step from the run's config) and a loss.
 * TensorBoard's CSV export has `Wall time,Step,Value`; W&B's has `Step,<run> - train/loss, …`.
 */
import { findColumn, numberCell, plainNumber } from './columns';
import { around, finding, type LabFinding, type Located } from './findings';
import { implausible, PLAUSIBLE } from './plausible';
import { readTable, type Cell, type TableOptions, type TableRow } from './table';

export interface LogPoint extends Located {
  readonly step?: number;
  readonly tokens: number;
  readonly loss: number;
}

export interface LossLogOptions extends TableOptions {
  /** Tokens per optimizer step (global batch × sequence length), when the log has no tokens column. */
  readonly tokensPerStep?: number;
}

export interface LogColumns {
  readonly step?: string;
  readonly tokens?: string;
  readonly loss?: string;
}

export interface LossLog {
  /** Every point read (`readLossLog`), or an even sample of them (the streaming reader), by tokens. */
  readonly points: readonly LogPoint[];
  /** How many points were read in all. */
  readonly count: number;
  readonly findings: readonly LabFinding[];
  readonly columns: LogColumns;
}

const HEADER: Located = { span: { start: 0, end: 0 }, lines: { first: 1, last: 1 } };

/** Which columns hold step, tokens and loss; an error finding when the log cannot be judged. */
export function logColumns(names: readonly string[], options: LossLogOptions): { columns: LogColumns; error?: LabFinding } {
  const step = findColumn(names, 'step') ?? (names.includes('_step') ? '_step' : undefined);
  const tokens = findColumn(names, 'tokens');
  const loss = findColumn(names, 'loss', [step, tokens]) ?? names.find((name) => /(^|_)loss$/.test(name) && !/(min|max|step)$/.test(name));
  const columns = { step, tokens, loss };
  if (!loss) return { columns, error: finding('error', 'lab-missing-column', `No loss column; columns found: ${names.join(', ') || 'none'}.`, HEADER) };
  if (!tokens && !(step && options.tokensPerStep)) {
    const how = step
      ? 'a step column but no tokens per step (link the training config, or give `--tokens-per-step` on the command line, or add a `tokens` column)'
      : 'no tokens and no step column';
    return { columns, error: finding('error', 'lab-missing-tokens', `The log has ${how}, so tokens seen are unknown.`, HEADER) };
  }
  return { columns };
}

/** One row as a point, why it was left out, or `empty` when it has no loss value (logged at other steps). */
export function logRow(row: TableRow, columns: LogColumns, options: LossLogOptions): LogPoint | { readonly problems: string } | 'empty' {
  const { step, tokens, loss } = columns;
  return logPoint(step ? row.cells[step] : undefined, tokens ? row.cells[tokens] : undefined, row.cells[loss!], row, options);
}

/** `logRow` on the three cells alone (undefined for a column the log lacks): the streaming reader's fast path has no row object. */
export function logPoint(
  stepText: Cell | undefined,
  tokensText: Cell | undefined,
  lossText: Cell | undefined,
  row: Located,
  options: LossLogOptions,
): LogPoint | { readonly problems: string } | 'empty' {
  const quick = quickPoint(stepText, tokensText, lossText, row, options);
  if (quick) return quick;
  const stepCell = numberCell(stepText);
  const tokensCell = numberCell(tokensText);
  const lossCell = numberCell(lossText);
  if (lossCell === undefined) return 'empty';
  const problems = [
    lossCell.ok ? (implausible('loss', lossCell.value) ? `loss ${implausible('loss', lossCell.value)}` : '') : `loss ${lossCell.why}`,
    stepCell && !stepCell.ok ? `step ${stepCell.why}` : '',
    tokensCell && !tokensCell.ok ? `tokens ${tokensCell.why}` : '',
  ].filter(Boolean);
  const stepValue = stepCell?.ok ? stepCell.value : undefined;
  const tokenValue = tokensCell?.ok ? tokensCell.value : stepValue !== undefined && options.tokensPerStep ? stepValue * options.tokensPerStep : undefined;
  if (problems.length === 0 && (tokenValue === undefined || !(tokenValue >= 0))) problems.push('tokens missing or negative');
  else if (problems.length === 0 && tokenValue !== 0 && implausible('tokens', tokenValue!)) problems.push(`tokens ${implausible('tokens', tokenValue!)}`);
  if (problems.length > 0 || !lossCell.ok || tokenValue === undefined) return { problems: problems.join('; ') };
  return { span: row.span, lines: row.lines, tokens: tokenValue, loss: lossCell.value, ...(stepValue !== undefined ? { step: stepValue } : {}) };
}

/**
 * The common row of a long log, with no allocation but the point: plain decimals, a loss and
 * tokens within their bounds. Anything else (a missing, suffixed or implausible value) is
 * undefined and goes the general way, which gives the same point or says what is wrong.
 */
function quickPoint(
  stepText: Cell | undefined,
  tokensText: Cell | undefined,
  lossText: Cell | undefined,
  row: Located,
  options: LossLogOptions,
): LogPoint | undefined {
  const loss = typeof lossText === 'string' ? plainNumber(lossText) : undefined;
  if (loss === undefined || !(loss > 0 && loss <= PLAUSIBLE.loss)) return undefined;
  const step = typeof stepText === 'string' ? plainNumber(stepText) : undefined;
  if (stepText !== undefined && stepText !== null && stepText !== '' && step === undefined) return undefined;
  const read = typeof tokensText === 'string' ? plainNumber(tokensText) : undefined;
  if (tokensText !== undefined && tokensText !== null && tokensText !== '' && read === undefined) return undefined;
  const tokens = read ?? (step !== undefined && options.tokensPerStep ? step * options.tokensPerStep : undefined);
  if (tokens === undefined || !(tokens >= 0 && tokens <= PLAUSIBLE.tokens)) return undefined;
  return step !== undefined ? { span: row.span, lines: row.lines, tokens, loss, step } : { span: row.span, lines: row.lines, tokens, loss };
}

/** "3 rows have no loss value …": rows logged at other steps, skipped without error. */
export function emptyRowsFinding(count: number, loss: string, where: Located): LabFinding {
  return finding(
    'information',
    'lab-bad-row',
    `${count} row${count === 1 ? ' has' : 's have'} no ${loss} value (logged at other steps) and ${count === 1 ? 'is' : 'are'} skipped.`,
    where,
  );
}

/** The whole log at once (at most `maxRows` rows): what the lab's tests and small callers use. The stop signal streams (`LossLogStream`). */
export function readLossLog(text: string, options: LossLogOptions = {}): LossLog {
  const table = readTable(text, options);
  const findings: LabFinding[] = [...table.findings];
  if (table.rows.length === 0) return { points: [], count: 0, findings, columns: logColumns(table.columns, options).columns };
  const { columns, error } = logColumns(table.columns, options);
  if (error) return { points: [], count: 0, findings: [...findings, error], columns };
  const points: LogPoint[] = [];
  const empty: Located[] = [];
  for (const row of table.rows) {
    const read = logRow(row, columns, options);
    if (read === 'empty') empty.push(row);
    else if ('problems' in read) findings.push(finding('error', 'lab-bad-row', `Row left out: ${read.problems}.`, row));
    else points.push(read);
  }
  if (empty.length > 0) findings.push(emptyRowsFinding(empty.length, columns.loss!, around(empty)));
  points.sort((p, q) => p.tokens - q.tokens);
  return { points, count: points.length, findings, columns };
}
