import * as path from 'path';
import { analyze, DEFAULT_MAX_LENGTH, type Analysis } from '../core/analyze';
import { printable } from '../core/source/view';
import type { Severity } from '../core/analysis/findings';
import { ResourceCache, withResources, type ResourceHost } from '../core/resources/resources';
import { layeredFacts } from '../core/workspaceFacts/match';
import { factName } from '../core/workspaceFacts/read';
import { READ_FAILURE, readBounded } from '../node/files';
import { NodeResourceHost } from '../node/resourceHost';
import { boundaryFolder, boundedCache } from './boundary';
import { workspaceFactsFor, type WorkspaceFactsOptions } from '../node/workspaceFacts';
import { factFlags, flag, numberFlag, UsageError, type ParsedArgs } from './args';
import { ANALYZE_FORMATS, type AnalyzeFormat } from './help';
import type { CliIO } from './io';
import { githubAnnotations } from './githubAnnotations';
import { fileReport, unreadableReport, type FileReport } from './report';
import { sarifLog } from './sarif';
import { formatTable } from './table';
import { VERSION } from './version';

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, information: 1, hint: 0 };

/**
 * `analyze FILE... [--format table|json|sarif|github] [--json] [--fail-on SEVERITY] [--fact NAME=VALUE]... [--tokens-per-parameter N] [--allow-network]`.
 * Files a config includes are read from disk, models it names by Hugging Face id from the local
 * Hugging Face cache and, with `--allow-network` (unless `HF_HUB_OFFLINE` is set), from the Hub.
 * Facts come from the `.compute-budget.yaml` files above each config, then the file's own
 * `# compute-budget:` comments, then `--fact`, each winning over the one before.
 */
export async function runAnalyze(args: ParsedArgs, io: CliIO, host?: ResourceHost): Promise<number> {
  if (args.positional.length === 0) throw new UsageError('analyze needs at least one config file');
  const failOn = flag(args, 'fail-on');
  if (failOn !== undefined && !Object.hasOwn(SEVERITY_RANK, failOn)) throw new UsageError('--fail-on must be one of error, warning, information, hint');
  const format = outputFormat(args);
  const given = factFlags(args);
  const tokensPerParameter = numberFlag(args, 'tokens-per-parameter');
  const boundary = boundaryFolder(args);
  const resources = host ?? new NodeResourceHost({ allowNetwork: flag(args, 'allow-network') === 'true' }, boundary);
  const cache = new ResourceCache();
  const factsCache: WorkspaceFactsOptions['cache'] = new Map();
  const reported = new Set<string>();
  const reports: FileReport[] = [];
  let unreadable = false;
  for (const file of args.positional) {
    const report = await reportFor(file, given, tokensPerParameter, boundedCache(cache, file, boundary), resources, factsCache, (line) => {
      if (!reported.has(line)) io.warn(line);
      reported.add(line);
    });
    if (report.unreadable) {
      unreadable = true;
      io.warn(`compute-budget: ${io.errorColor.red('cannot read')} ${printable(file, 300)}: ${report.unreadable}`);
    }
    // The machine formats keep a report for every file named (its unreadable-file diagnostic); the table shows only what was read.
    if (!report.unreadable || format !== 'table') reports.push(report.report);
  }
  // JSON escapes C0 controls itself; C1 controls and bidi overrides would reach the terminal raw.
  if (format === 'json') io.write(JSON.stringify(reports, (_key, value: unknown) => (typeof value === 'string' ? printable(value, 100_000) : value), 2));
  else if (format === 'sarif') io.write(JSON.stringify(sarifLog(reports, { version: VERSION, root: process.cwd(), docs: io.docs }), null, 2));
  else if (format === 'github') {
    const lines = githubAnnotations(reports, process.cwd());
    if (lines.length) io.write(lines.join('\n'));
  } else if (reports.length) io.write(reports.map((report) => formatTable(report, io.color)).join('\n\n'));
  // A file that cannot be read is a failure whatever --fail-on says: nothing was checked.
  if (unreadable) return 1;
  const threshold = failOn ? SEVERITY_RANK[failOn as Severity] : Infinity;
  const failed = reports.some((report) => report.diagnostics.some((diagnostic) => SEVERITY_RANK[diagnostic.severity] >= threshold));
  return failed ? 1 : 0;
}

/** `--format`, with `--json` as the older spelling of `--format json`; both at once must agree. */
export function outputFormat(args: ParsedArgs): AnalyzeFormat {
  const given = flag(args, 'format');
  if (given !== undefined && !(ANALYZE_FORMATS as readonly string[]).includes(given))
    throw new UsageError(`--format must be one of ${ANALYZE_FORMATS.join(', ')}`);
  if (flag(args, 'json') === undefined) return (given as AnalyzeFormat | undefined) ?? 'table';
  if (given !== undefined && given !== 'json') throw new UsageError(`--json and --format ${given} ask for different output; give one`);
  return 'json';
}

export async function reportFor(
  file: string,
  given: Record<string, string>,
  tokensPerParameter: number | undefined,
  cache: ResourceCache,
  host: ResourceHost,
  factsCache: WorkspaceFactsOptions['cache'],
  problem: (line: string) => void,
): Promise<{ report: FileReport; unreadable?: string; analysis?: Analysis }> {
  // Read no more than the engine would analyse, so a huge file costs nothing.
  const read = await readBounded(file, DEFAULT_MAX_LENGTH * 4);
  if ('error' in read && read.error !== 'too-large') {
    const reason = READ_FAILURE[read.error];
    return { report: unreadableReport(file, `cannot read ${file}: ${reason}`), unreadable: reason };
  }
  const text = 'text' in read ? read.text : 'x'.repeat(DEFAULT_MAX_LENGTH + 1);
  const workspace = await workspaceFactsFor(file, { cache: factsCache });
  for (const item of workspace.problems)
    problem(`${printable(shortPath(item.file), 300)}:${item.line}:${item.column}: ${item.severity}: ${printable(item.message, 500)}`);
  const facts = withGiven(layeredFacts(text, [workspace.facts]), given);
  const analysis = await withResources((resources) => analyze(text, file, { facts, tokensPerParameter, resources }), cache, host);
  return { report: fileReport(analysis, text), analysis };
}

/** `--fact` over the layers below it; `analyze` lets facts it is given win over the file's comments. */
export function withGiven(layered: Record<string, string | number>, given: Record<string, string>): Record<string, string | number> {
  const names = new Set(Object.keys(given).map((key) => factName(key) ?? key));
  const kept = Object.entries(layered).filter(([key]) => !names.has(factName(key) ?? key));
  return { ...Object.fromEntries(kept), ...given };
}

/** A facts file's path as the user would type it: relative to the working folder when inside it. */
function shortPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
