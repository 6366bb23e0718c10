/**
 * The runs file: one row per small training run or checkpoint, with its parameters (or the config
 * it was run from), its tokens (or FLOPs, or a step and the tokens per step), its loss, and
 * optionally a run id and step. Schema: `runs.schema.json` beside this file; docs/lab.md
 * lists the column names each quantity is read from (`COLUMN_ALIASES`).
 */
import { findColumn, numberCell } from './columns';
import { around, finding, type LabFinding, type Located } from './findings';
import { implausible, type PlausibleQuantity } from './plausible';
import { capRowFindings } from './rowFindings';
import { readTable, type TableOptions } from './table';

export interface Run extends Located {
  /** The run this row belongs to: its run id, else its parameters when steps are given, else the row. */
  readonly run: string;
  readonly parameters: number;
  readonly tokens: number;
  readonly loss: number;
  readonly step?: number;
  readonly config?: string;
}

/** What a config says, for rows that name a config instead of giving parameters or tokens. */
export interface ConfigFacts {
  readonly parameters?: number;
  readonly tokens?: number;
  readonly tokensPerStep?: number;
}

/** A config the host would not read (outside the boundary, not a regular file, too large), and why. */
export interface ConfigRefusal {
  readonly refused: string;
}

export interface RunsOptions extends TableOptions {
  /**
   * Reads a config named in a `config` column (the CLI passes one; the core reads no files):
   * its facts, why it was refused, or undefined when it says nothing. Asked once per distinct path.
   */
  readonly configFacts?: (path: string) => ConfigFacts | ConfigRefusal | undefined;
}

export interface RunsFile {
  readonly runs: readonly Run[];
  readonly findings: readonly LabFinding[];
  /** Which column each quantity was read from. */
  readonly columns: Readonly<Partial<Record<'parameters' | 'tokens' | 'flops' | 'loss' | 'run' | 'step' | 'config', string>>>;
}

/** Distinct configs a runs file may name: each is a file read and a whole analysis. */
export const MAX_CONFIGS = 1000;

export function readRuns(text: string, options: RunsOptions = {}): RunsFile {
  const table = readTable(text, options);
  const findings: LabFinding[] = [...table.findings];
  const loss = findColumn(table.columns, 'loss');
  const columns = {
    parameters: findColumn(table.columns, 'parameters'),
    tokens: findColumn(table.columns, 'tokens'),
    flops: findColumn(table.columns, 'flops'),
    loss,
    run: findColumn(table.columns, 'run'),
    step: findColumn(table.columns, 'step'),
    config: findColumn(table.columns, 'config'),
  };
  if (table.rows.length === 0) return { runs: [], findings: capRowFindings(findings), columns };
  const header = { span: { start: 0, end: 0 }, lines: { first: 1, last: 1 } };
  const missing = [
    !columns.loss && 'loss',
    !columns.parameters && !columns.config && 'parameters (or config)',
    !columns.tokens && !columns.flops && !columns.step && 'tokens (or flops, or step with a config)',
  ].filter((name): name is string => typeof name === 'string');
  if (missing.length > 0) {
    findings.push(finding('error', 'lab-missing-column', `No column for ${missing.join(', ')}; columns found: ${table.columns.join(', ') || 'none'}.`, header));
    return { runs: [], findings: capRowFindings(findings), columns };
  }
  const runs: Run[] = [];
  // One read per distinct config, however many rows name it.
  const configs = new Map<string, ConfigFacts | ConfigRefusal | undefined>();
  const configOf = (path: string): ConfigFacts | ConfigRefusal | undefined => {
    if (configs.has(path)) return configs.get(path);
    if (configs.size >= MAX_CONFIGS) return { refused: `the runs file names more than ${MAX_CONFIGS} configs, and each is read and analysed` };
    configs.set(path, options.configFacts?.(path));
    return configs.get(path);
  };
  for (const row of table.rows) {
    const problems: string[] = [];
    const read = (name: string | undefined, label: string, quantity?: PlausibleQuantity): number | undefined => {
      if (!name) return undefined;
      const cell = numberCell(row.cells[name]);
      const why = cell?.ok ? (quantity ? implausible(quantity, cell.value) : cell.value > 0 ? undefined : 'must be positive') : cell?.why;
      if (why) problems.push(`${label} ${why}`);
      return cell?.ok && !why ? cell.value : undefined;
    };
    const config = columns.config ? row.cells[columns.config] : undefined;
    const named = typeof config === 'string' && config !== '' ? configOf(config) : undefined;
    const facts = named && !('refused' in named) ? named : undefined;
    const refused = named && 'refused' in named ? `the config ${String(config)} is not read: ${named.refused}` : undefined;
    const step = read(columns.step, 'step');
    const parameters = read(columns.parameters, 'parameters', 'parameters') ?? facts?.parameters;
    const flops = read(columns.flops, 'flops', 'compute');
    const lossValue = read(columns.loss, 'loss', 'loss');
    let tokens = read(columns.tokens, 'tokens', 'tokens');
    if (tokens === undefined && flops !== undefined && parameters !== undefined) tokens = flops / (6 * parameters);
    if (tokens === undefined && step !== undefined && facts?.tokensPerStep) tokens = step * facts.tokensPerStep;
    if (tokens === undefined && !columns.step) tokens = facts?.tokens;
    // Derived or read from a config, the numbers meet the same bounds as a cell.
    for (const [label, quantity, value] of [
      ['parameters', 'parameters', parameters],
      ['tokens', 'tokens', tokens],
    ] as const) {
      const why = value !== undefined && problems.length === 0 ? implausible(quantity, value) : undefined;
      if (why) problems.push(`${label} ${fmtValue(value!)} ${why}`);
    }
    if (problems.length === 0 && refused && (parameters === undefined || tokens === undefined)) problems.push(refused);
    if (problems.length === 0) {
      if (parameters === undefined)
        problems.push(typeof config === 'string' && config !== '' ? `parameters missing and the config ${config} gave none` : 'parameters missing');
      if (tokens === undefined) problems.push('tokens missing (give tokens, flops, or a step with a config that fixes tokens per step)');
      if (lossValue === undefined) problems.push('loss missing');
    }
    if (problems.length > 0 || parameters === undefined || tokens === undefined || lossValue === undefined) {
      findings.push(finding('error', 'lab-bad-row', `Row left out of the fit: ${problems.join('; ') || 'tokens not finite'}.`, row));
      continue;
    }
    const id = columns.run ? row.cells[columns.run] : undefined;
    const run = id !== null && id !== undefined && id !== '' ? String(id) : columns.step ? `N=${parameters}` : `line ${row.lines.first}`;
    runs.push({
      span: row.span,
      lines: row.lines,
      run,
      parameters,
      tokens,
      loss: lossValue,
      ...(step !== undefined ? { step } : {}),
      ...(typeof config === 'string' && config ? { config } : {}),
    });
  }
  if (runs.length === 0 && table.rows.length > 0) {
    findings.push(finding('error', 'lab-too-few-runs', 'No row could be read as a run.', around(table.rows)));
  }
  return { runs, findings: capRowFindings(findings).sort((p, q) => p.span.start - q.span.start), columns };
}

/** A derived number in a message: short, whatever its size. */
function fmtValue(value: number): string {
  return Number.isFinite(value) && Math.abs(value) < 1e6 ? String(value) : value.toExponential(2);
}
