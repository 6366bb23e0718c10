import { printableJson, terminalText } from '../core/text/sanitise';
import type { Analysis } from '../core/analyze';
import { ASCII_NUMBERS } from '../core/report/format';
import type { Severity } from '../core/analysis/findings';
import type { ResourceHost } from '../core/resources/resources';
import { ConfigFileAnalyzer } from '../node/configFileAnalyzer';
import { configFilesIn, isFolder, type WalkCounts } from '../node/folderWalk';
import { argumentRefusal, boundaryFolder } from './boundary';
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
 * `analyze FILE|DIR... [--format table|json|sarif|github] [--json] [--fail-on SEVERITY] [--fact NAME=VALUE]... [--tokens-per-parameter N] [--allow-network]`.
 * Files a config includes are read from disk, models it names by Hugging Face id from the local
 * Hugging Face cache and, with `--allow-network` (unless `HF_HUB_OFFLINE` is set), from the Hub.
 * Facts come from the `.compute-budget.yaml` files above each config, then the file's own
 * `# compute-budget:` comments, then `--fact`, each winning over the one before. A folder is walked
 * (src/node/folderWalk.ts) and its files are analysed and written one at a time.
 */
export async function runAnalyze(args: ParsedArgs, io: CliIO, host?: ResourceHost): Promise<number> {
  if (args.positional.length === 0) throw new UsageError('analyze needs at least one config file or folder');
  const failOn = flag(args, 'fail-on');
  if (failOn !== undefined && !Object.hasOwn(SEVERITY_RANK, failOn)) throw new UsageError('--fail-on must be one of error, warning, information, hint');
  const format = outputFormat(args);
  const given = factFlags(args);
  const tokensPerParameter = numberFlag(args, 'tokens-per-parameter');
  const reported = new Set<string>();
  const boundary = boundaryFolder(args);
  const analyzer = new ConfigFileAnalyzer({
    given,
    tokensPerParameter,
    host,
    allowNetwork: flag(args, 'allow-network') === 'true',
    boundary,
    problem: (line) => {
      if (!reported.has(line)) io.warn(line);
      reported.add(line);
    },
  });
  const output = reportWriter(format, io);
  let unreadable = false;
  let failed = false;
  const threshold = failOn ? SEVERITY_RANK[failOn as Severity] : Infinity;
  const take = (report: FileReport) => {
    output.add(report);
    failed ||= report.diagnostics.some((diagnostic) => SEVERITY_RANK[diagnostic.severity] >= threshold);
  };
  const refuse = (file: string, reason: string) => {
    unreadable = true;
    io.warn(`compute-budget: ${io.errorColor.red('cannot read')} ${terminalText(file, 300)}: ${reason}`);
    // The machine formats keep a report for every file named (its unreadable-file diagnostic); the table shows only what was read.
    if (format !== 'table') take(unreadableReport(file, `cannot read ${file}: ${reason}`));
  };
  for (const target of args.positional) {
    // Before anything is asked of the disk about it (isFolder included).
    const refused = await argumentRefusal(target, boundary);
    if (refused !== undefined) {
      refuse(target, refused);
      continue;
    }
    const folder = await isFolder(target);
    const counts: WalkCounts = { skipped: 0, links: 0 };
    let configs = 0;
    let others = 0;
    for await (const file of folder ? configFilesIn(target, counts) : [target]) {
      const result = await analyzer.analyze(file);
      if ('unreadable' in result) refuse(file, result.unreadable);
      else if (folder && !looksLikeTrainingConfig(result.analysis)) others++;
      else {
        configs++;
        take(fileReport(result.analysis, result.text));
      }
    }
    if (folder) io.warn(folderSummary(target, configs, others + counts.skipped, counts.links));
  }
  output.end();
  // A file that cannot be read is a failure whatever --fail-on says: nothing was checked.
  if (unreadable) return 1;
  return failed ? 1 : 0;
}

/**
 * A file met in a folder is reported when the engine recognised a framework or found a size, a
 * token count or a problem; the rest (package.json, CI files, data cards) is one summary line.
 */
function looksLikeTrainingConfig(analysis: Analysis): boolean {
  return analysis.framework !== 'unknown' || analysis.parameters.total !== null || analysis.tokens !== null || analysis.findings.length > 0;
}

/** The one line a folder ends with, on stderr so that stdout stays the format asked for. */
function folderSummary(folder: string, configs: number, others: number, links: number): string {
  const count = (value: number, one: string, many: string) => `${ASCII_NUMBERS.grouped(value)} ${value === 1 ? one : many}`;
  const parts = [
    count(configs, 'training config', 'training configs') + ' analysed',
    count(others, 'other file', 'other files') + ' not training configs or ignored',
  ];
  if (links) parts.push(count(links, 'symbolic link', 'symbolic links') + ' not followed');
  return `compute-budget: ${terminalText(folder, 300)}: ${parts.join('; ')}.`;
}

/**
 * Reports written as they come, one file at a time: the table and GitHub's annotations at once,
 * JSON as one array written element by element (one report held back, for its comma), SARIF as
 * one log whose results keep only each file's name and diagnostics.
 */
function reportWriter(format: AnalyzeFormat, io: CliIO): { add: (report: FileReport) => void; end: () => void } {
  if (format === 'table') {
    let first = true;
    return {
      add: (report) => {
        io.write(`${first ? '' : '\n'}${formatTable(report, io.color)}`);
        first = false;
      },
      end: () => undefined,
    };
  }
  if (format === 'github') return { add: (report) => githubAnnotations([report], process.cwd()).forEach((line) => io.write(line)), end: () => undefined };
  if (format === 'sarif') {
    const kept: Pick<FileReport, 'file' | 'diagnostics'>[] = [];
    return {
      add: (report) => void kept.push({ file: report.file, diagnostics: report.diagnostics }),
      end: () => io.write(JSON.stringify(sarifLog(kept, { version: VERSION, root: process.cwd(), docs: io.docs }), null, 2)),
    };
  }
  let held: string | undefined;
  let any = false;
  return {
    add: (report) => {
      if (held !== undefined) io.write(`${held},`);
      else io.write('[');
      any = true;
      held = JSON.stringify(report, printableJson, 2).replace(/^/gm, '  ');
    },
    end: () => io.write(any ? `${held}\n]` : '[]'),
  };
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
