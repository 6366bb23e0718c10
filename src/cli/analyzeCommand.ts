import { analyze, DEFAULT_MAX_LENGTH } from '../core/analyze';
import { printable } from '../core/source/view';
import type { Severity } from '../core/findings';
import { ResourceCache, withResources, type ResourceHost } from '../core/resources/resources';
import { readBounded } from '../node/files';
import { NodeResourceHost } from '../node/resourceHost';
import { flag, numberFlag, UsageError, type ParsedArgs } from './args';
import { fileReport, unreadableReport, type FileReport } from './report';
import { formatTable } from './table';

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, information: 1, hint: 0 };

/**
 * `analyze FILE... [--json] [--fail-on warning|error] [--fact name=value]... [--tokens-per-parameter N] [--allow-network]`.
 * Files a config includes are read from disk, models it names by Hugging Face id from the local
 * Hugging Face cache and, with `--allow-network` (unless `HF_HUB_OFFLINE` is set), from the Hub.
 */
export async function runAnalyze(args: ParsedArgs, write: (text: string) => void, host?: ResourceHost): Promise<number> {
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
  const resources = host ?? new NodeResourceHost({ allowNetwork: flag(args, 'allow-network') === 'true' });
  const cache = new ResourceCache();
  const reports: FileReport[] = [];
  for (const file of args.positional) reports.push(await reportFor(file, facts, tokensPerParameter, cache, resources));
  // JSON escapes C0 controls itself; C1 controls and bidi overrides would reach the terminal raw.
  if (flag(args, 'json')) write(JSON.stringify(reports, (_key, value: unknown) => (typeof value === 'string' ? printable(value, 100_000) : value), 2));
  else write(reports.map(formatTable).join('\n\n'));
  const threshold = failOn ? SEVERITY_RANK[failOn as Severity] : Infinity;
  // A file that cannot be read is a failure whatever --fail-on says: nothing was checked.
  if (reports.some((report) => report.diagnostics.some((diagnostic) => diagnostic.code === 'unreadable-file'))) return 1;
  const failed = reports.some((report) => report.diagnostics.some((diagnostic) => SEVERITY_RANK[diagnostic.severity] >= threshold));
  return failed ? 1 : 0;
}

async function reportFor(file: string, facts: Record<string, string>, tokensPerParameter: number | undefined, cache: ResourceCache, host: ResourceHost): Promise<FileReport> {
  // Read no more than the engine would analyse, so a huge file costs nothing.
  const read = await readBounded(file, DEFAULT_MAX_LENGTH * 4);
  if ('error' in read && read.error !== 'too-large') return unreadableReport(file, read.error === 'not-a-file' ? `${file} is not a file.` : read.detail);
  const text = 'text' in read ? read.text : 'x'.repeat(DEFAULT_MAX_LENGTH + 1);
  const analysis = await withResources((resources) => analyze(text, file, { facts, tokensPerParameter, resources }), cache, host);
  return fileReport(analysis, text);
}
