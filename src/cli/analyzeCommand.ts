import * as fs from 'fs';
import { analyze, DEFAULT_MAX_LENGTH } from '../core/analyze';
import { printable } from '../core/source/view';
import type { Severity } from '../core/findings';
import { flag, numberFlag, UsageError, type ParsedArgs } from './args';
import { fileReport, unreadableReport, type FileReport } from './report';
import { formatTable } from './table';

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, information: 1, hint: 0 };

/** `analyze FILE... [--json] [--fail-on warning|error] [--fact name=value]... [--tokens-per-parameter N]` */
export function runAnalyze(args: ParsedArgs, write: (text: string) => void): number {
  if (args.positional.length === 0) throw new UsageError('analyze needs at least one config file');
  const failOn = flag(args, 'fail-on');
  if (failOn !== undefined && !Object.hasOwn(SEVERITY_RANK, failOn)) throw new UsageError('--fail-on must be one of error, warning, information, hint');
  const facts: Record<string, string> = {};
  for (const pair of args.flags.get('fact') ?? []) {
    const [name, value] = pair.split('=', 2);
    if (!name || value === undefined) throw new UsageError(`--fact takes name=value, e.g. --fact gpus=128 (got ${JSON.stringify(pair)})`);
    facts[name] = value;
  }
  const tokensPerParameter = numberFlag(args, 'tokens-per-parameter');
  const reports = args.positional.map((file) => reportFor(file, facts, tokensPerParameter));
  // JSON escapes C0 controls itself; C1 controls and bidi overrides would reach the terminal raw.
  if (flag(args, 'json')) write(JSON.stringify(reports, (_key, value: unknown) => (typeof value === 'string' ? printable(value, 100_000) : value), 2));
  else write(reports.map(formatTable).join('\n\n'));
  const threshold = failOn ? SEVERITY_RANK[failOn as Severity] : Infinity;
  // A file that cannot be read is a failure whatever --fail-on says: nothing was checked.
  if (reports.some((report) => report.diagnostics.some((diagnostic) => diagnostic.code === 'unreadable-file'))) return 1;
  const failed = reports.some((report) => report.diagnostics.some((diagnostic) => SEVERITY_RANK[diagnostic.severity] >= threshold));
  return failed ? 1 : 0;
}

function reportFor(file: string, facts: Record<string, string>, tokensPerParameter: number | undefined): FileReport {
  let text: string;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return unreadableReport(file, `${file} is not a file.`);
    // Read no more than the engine would analyse, so a huge file costs nothing.
    if (stat.size > DEFAULT_MAX_LENGTH * 4) text = 'x'.repeat(DEFAULT_MAX_LENGTH + 1);
    else text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return unreadableReport(file, `${file} could not be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
  return fileReport(analyze(text, file, { facts, tokensPerParameter }), text);
}
