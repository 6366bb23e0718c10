import * as path from 'path';
import { ASCII_NUMBERS } from '../core/report/format';
import { boundaryJson, boundaryText, fitJson, fitRunsText, formatBoundary, formatFit, formatStop, stopJson, StopStream } from '../core/lab';
import { printableJson, terminalText } from '../core/text/sanitise';
import { READ_FAILURE, readBounded, streamBounded } from '../node/files';
import { argumentRefusal, boundaryFolder } from './boundary';
import { labConfigFacts } from './labConfig';
import { countFlag, flag, numberFlag, UsageError, type ParsedArgs } from './args';
import type { CliIO } from './io';

/** Runs files and evals files are tables of thousands of rows, not gigabytes: past this they are refused unread. */
const MAX_TABLE_BYTES = 50_000_000;

/** A loss log is streamed in bounded memory; past this many bytes it is refused unread (about 40 million rows). */
const MAX_LOG_BYTES = 50_000_000;

/**
 * What the three lab commands share: one table file read, then the report as text or as JSON
 * under its schema; exit 1 when the file cannot be read or the report holds no result.
 */
async function runTable(
  args: ParsedArgs,
  io: CliIO,
  command: { readonly name: string; readonly what: string; readonly schema: string },
  build: (text: string, file: string) => { ok: boolean; json: () => unknown; text: () => string },
): Promise<number> {
  if (args.positional.length !== 1) throw new UsageError(`${command.name} takes one file: ${command.what}`);
  const file = args.positional[0]!;
  const refused = await argumentRefusal(file, boundaryFolder(args));
  const read = refused === undefined ? await readBounded(file, MAX_TABLE_BYTES) : undefined;
  if (read === undefined || 'error' in read) {
    io.warn(`compute-budget: cannot read ${terminalText(file, 200)}: ${read ? READ_FAILURE[read.error] : refused}`);
    return 1;
  }
  const result = build(read.text, file);
  io.write(flag(args, 'json') !== undefined ? JSON.stringify({ schema: command.schema, file, ...(result.json() as object) }, printableJson, 2) : result.text());
  return result.ok ? 0 : 1;
}

/** `fit RUNS [--min-tokens T] [--compute C] [--bootstrap N] [--seed S] [--json]`: the user's own L(N, D). */
export function runFit(args: ParsedArgs, io: CliIO): Promise<number> {
  const compute = positiveCount(args, 'compute');
  const options = { minTokens: positiveCount(args, 'min-tokens'), bootstrap: numberFlag(args, 'bootstrap'), seed: numberFlag(args, 'seed') };
  return runTable(args, io, { name: 'fit', what: 'a runs file (CSV, TSV or JSON Lines)', schema: 'compute-budget/fit@1' }, (text, file) => {
    const boundary = boundaryFolder(args);
    const report = fitRunsText(text, {
      file,
      ...options,
      compute,
      configFacts: (configPath) => labConfigFacts(path.resolve(path.dirname(file), configPath), boundary),
    });
    return { ok: !!report.fit, json: () => fitJson(report, { compute }), text: () => formatFit(report, ASCII_NUMBERS, { compute }) };
  });
}

/** `stop LOG [--config FILE] [--tokens-per-step N] [--planned-tokens T] [--json]`: is the run still worth its GPUs. */
export async function runStop(args: ParsedArgs, io: CliIO): Promise<number> {
  const configPath = flag(args, 'config');
  const boundary = boundaryFolder(args);
  const linked = configPath !== undefined ? labConfigFacts(configPath, boundary) : undefined;
  if (configPath !== undefined && (!linked || 'refused' in linked)) {
    const why =
      linked && 'refused' in linked ? `: ${terminalText(linked.refused, 400)}` : ' as a training config: it gives no parameters, tokens or tokens per step';
    io.warn(`compute-budget: cannot read ${terminalText(configPath, 200)}${why}`);
    return 1;
  }
  const facts = linked && !('refused' in linked) ? linked : undefined;
  const options = {
    tokensPerStep: positiveCount(args, 'tokens-per-step') ?? facts?.tokensPerStep,
    plannedTokens: positiveCount(args, 'planned-tokens') ?? facts?.tokens,
  };
  if (args.positional.length !== 1) throw new UsageError('stop takes one file: a training loss log (CSV or JSON Lines)');
  const file = args.positional[0]!;
  // Streamed: only the window at the end of the run and an even sample stay in memory.
  const stop = new StopStream({ file, ...options });
  const refused = await argumentRefusal(file, boundary);
  const read = refused === undefined ? await streamBounded(file, MAX_LOG_BYTES, (text) => stop.push(text)) : undefined;
  if (read === undefined || 'error' in read) {
    io.warn(`compute-budget: cannot read ${terminalText(file, 200)}: ${read ? READ_FAILURE[read.error] : refused}`);
    return 1;
  }
  const report = stop.end();
  io.write(
    flag(args, 'json') !== undefined
      ? JSON.stringify({ schema: 'compute-budget/stop@1', file, ...(stopJson(report) as object) }, printableJson, 2)
      : formatStop(report, ASCII_NUMBERS),
  );
  return report.signal ? 0 : 1;
}

/** `boundary EVALS [--compute C] [--tau Q] [--task NAME] [--json]`: the capability boundary. */
export function runBoundary(args: ParsedArgs, io: CliIO): Promise<number> {
  const tau = numberFlag(args, 'tau');
  if (tau !== undefined && !(tau > 0 && tau < 1)) throw new UsageError('--tau must be a quantile between 0 and 1, e.g. 0.98');
  const options = { tau, compute: positiveCount(args, 'compute'), task: flag(args, 'task') };
  return runTable(args, io, { name: 'boundary', what: 'an evals file (CSV, TSV or JSON Lines)', schema: 'compute-budget/boundary@1' }, (text, file) => {
    const report = boundaryText(text, { file, ...options });
    return { ok: report.fits.length > 0, json: () => boundaryJson(report), text: () => formatBoundary(report, ASCII_NUMBERS) };
  });
}

function positiveCount(args: ParsedArgs, name: string): number | undefined {
  const value = countFlag(args, name);
  if (value !== undefined && !(value > 0)) throw new UsageError(`--${name} must be a positive number (e.g. 10B or 1e24)`);
  return value;
}
