import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../core/analyze';
import { ASCII_NUMBERS } from '../core/report/format';
import { boundaryJson, boundaryText, fitJson, fitRunsText, formatBoundary, formatFit, formatStop, stopJson, stopText } from '../core/lab';
import { printableJson, terminalText } from '../core/text/sanitise';
import { insideFolderSync } from '../node/boundary';
import { READ_FAILURE, readBounded } from '../node/files';
import { MAX_INCLUDED_BYTES } from '../node/resourceHost';
import { boundaryFolder } from './boundary';
import { countFlag, flag, numberFlag, UsageError, type ParsedArgs } from './args';
import type { CliIO } from './io';

/** Runs files and loss logs are tables of thousands of rows, not gigabytes. */
const MAX_TABLE_BYTES = 50_000_000;

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
  const read = await readBounded(file, MAX_TABLE_BYTES);
  if ('error' in read) {
    io.warn(`compute-budget: cannot read ${terminalText(file, 200)}: ${READ_FAILURE[read.error]}`);
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
      configFacts: (configPath) => configFacts(path.resolve(path.dirname(file), configPath), boundary),
    });
    return { ok: !!report.fit, json: () => fitJson(report, { compute }), text: () => formatFit(report, ASCII_NUMBERS, { compute }) };
  });
}

/** `stop LOG [--config FILE] [--tokens-per-step N] [--planned-tokens T] [--json]`: is the run still worth its GPUs. */
export async function runStop(args: ParsedArgs, io: CliIO): Promise<number> {
  const configPath = flag(args, 'config');
  const linked = configPath !== undefined ? configFacts(configPath) : undefined;
  if (configPath !== undefined && !linked) {
    io.warn(`compute-budget: cannot read ${terminalText(configPath, 200)} as a training config`);
    return 1;
  }
  const options = {
    tokensPerStep: positiveCount(args, 'tokens-per-step') ?? linked?.tokensPerStep,
    plannedTokens: positiveCount(args, 'planned-tokens') ?? linked?.tokens,
  };
  return runTable(args, io, { name: 'stop', what: 'a training loss log (CSV or JSON Lines)', schema: 'compute-budget/stop@1' }, (text, file) => {
    const report = stopText(text, { file, ...options });
    return { ok: !!report.signal, json: () => stopJson(report), text: () => formatStop(report, ASCII_NUMBERS) };
  });
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

/**
 * A config a runs file or a log names: its parameters, tokens and tokens per step, read by the
 * same engine. Inside `boundary` (the working folder, links followed) when one is given, and only
 * a regular file no larger than the engine would analyse; otherwise unknown, as a missing file.
 */
function configFacts(file: string, boundary?: string): { parameters?: number; tokens?: number; tokensPerStep?: number } | undefined {
  try {
    if (boundary !== undefined && !insideFolderSync(boundary, file)) return undefined;
    const stat = fs.statSync(file);
    if (!stat.isFile() || stat.size > MAX_INCLUDED_BYTES) return undefined;
    const analysis = analyze(fs.readFileSync(file, 'utf8'), path.basename(file));
    if (analysis.parameters.active === null && analysis.tokens === null) return undefined;
    return {
      parameters: analysis.parameters.active ?? undefined,
      tokens: analysis.tokens ?? undefined,
      tokensPerStep: analysis.training.setting?.tokensPerStep,
    };
  } catch {
    return undefined;
  }
}
