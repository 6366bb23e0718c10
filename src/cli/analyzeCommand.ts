import { printableJson, terminalText } from '../core/text/sanitise';
import type { Severity } from '../core/analysis/findings';
import type { ResourceHost } from '../core/resources/resources';
import { ConfigFileAnalyzer } from '../node/configFileAnalyzer';
import { boundaryFolder } from './boundary';
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
  const reported = new Set<string>();
  const analyzer = new ConfigFileAnalyzer({
    given,
    tokensPerParameter,
    host,
    allowNetwork: flag(args, 'allow-network') === 'true',
    boundary: boundaryFolder(args),
    problem: (line) => {
      if (!reported.has(line)) io.warn(line);
      reported.add(line);
    },
  });
  const reports: FileReport[] = [];
  let unreadable = false;
  for (const file of args.positional) {
    const result = await analyzer.analyze(file);
    if ('unreadable' in result) {
      unreadable = true;
      io.warn(`compute-budget: ${io.errorColor.red('cannot read')} ${terminalText(file, 300)}: ${result.unreadable}`);
      // The machine formats keep a report for every file named (its unreadable-file diagnostic); the table shows only what was read.
      if (format !== 'table') reports.push(unreadableReport(file, `cannot read ${file}: ${result.unreadable}`));
    } else reports.push(fileReport(result.analysis, result.text));
  }
  if (format === 'json') io.write(JSON.stringify(reports, printableJson, 2));
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
