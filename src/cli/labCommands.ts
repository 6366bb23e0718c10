import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../core/analyze';
import { ASCII_NUMBERS } from '../core/format';
import { boundaryJson, boundaryText, fitJson, fitRunsText, formatBoundary, formatFit, formatStop, stopJson, stopText } from '../core/lab';
import { parseCount } from '../core/source/quantity';
import { printable } from '../core/source/view';
import { readBounded } from '../node/files';
import { flag, numberFlag, UsageError, type ParsedArgs } from './args';
import type { CliIO } from './main';

/** Runs files and loss logs are tables of thousands of rows, not gigabytes. */
const MAX_TABLE_BYTES = 50_000_000;

/** `fit RUNS [--min-tokens T] [--compute C] [--bootstrap N] [--seed S] [--json]`: the user's own L(N, D). */
export async function runFit(args: ParsedArgs, io: CliIO): Promise<number> {
  const file = onlyFile(args, 'fit', 'a runs file (CSV, TSV or JSON Lines)');
  const text = await readTable(file, io);
  if (text === undefined) return 1;
  const report = fitRunsText(text, {
    file, minTokens: countFlag(args, 'min-tokens'), bootstrap: numberFlag(args, 'bootstrap'), seed: numberFlag(args, 'seed'),
    configFacts: (configPath) => configFacts(path.resolve(path.dirname(file), configPath)),
  });
  const compute = countFlag(args, 'compute');
  if (flag(args, 'json') !== undefined) io.write(JSON.stringify({ schema: 'compute-budget/fit@1', file, ...(fitJson(report, { compute }) as object) }, null, 2));
  else io.write(formatFit(report, ASCII_NUMBERS, { compute }));
  return report.fit ? 0 : 1;
}

/** `stop LOG [--config FILE] [--tokens-per-step N] [--planned-tokens T] [--json]`: is the run still worth its GPUs. */
export async function runStop(args: ParsedArgs, io: CliIO): Promise<number> {
  const file = onlyFile(args, 'stop', 'a training loss log (CSV or JSON Lines)');
  const text = await readTable(file, io);
  if (text === undefined) return 1;
  const configPath = flag(args, 'config');
  const linked = configPath !== undefined ? configFacts(configPath) : undefined;
  if (configPath !== undefined && !linked) {
    io.warn(`compute-budget: cannot read ${printable(configPath, 200)} as a training config`);
    return 1;
  }
  const report = stopText(text, { file, tokensPerStep: countFlag(args, 'tokens-per-step') ?? linked?.tokensPerStep, plannedTokens: countFlag(args, 'planned-tokens') ?? linked?.tokens });
  if (flag(args, 'json') !== undefined) io.write(JSON.stringify({ schema: 'compute-budget/stop@1', file, ...(stopJson(report) as object) }, null, 2));
  else io.write(formatStop(report, ASCII_NUMBERS));
  return report.signal ? 0 : 1;
}

/** `boundary EVALS [--compute C] [--tau Q] [--task NAME] [--json]`: the capability boundary. */
export async function runBoundary(args: ParsedArgs, io: CliIO): Promise<number> {
  const file = onlyFile(args, 'boundary', 'an evals file (CSV, TSV or JSON Lines)');
  const text = await readTable(file, io);
  if (text === undefined) return 1;
  const tau = numberFlag(args, 'tau');
  if (tau !== undefined && !(tau > 0 && tau < 1)) throw new UsageError('--tau must be a quantile between 0 and 1, e.g. 0.98');
  const report = boundaryText(text, { file, tau, compute: countFlag(args, 'compute'), task: flag(args, 'task') });
  if (flag(args, 'json') !== undefined) io.write(JSON.stringify({ schema: 'compute-budget/boundary@1', file, ...(boundaryJson(report) as object) }, null, 2));
  else io.write(formatBoundary(report, ASCII_NUMBERS));
  return report.fits.length ? 0 : 1;
}

function onlyFile(args: ParsedArgs, command: string, what: string): string {
  if (args.positional.length !== 1) throw new UsageError(`${command} takes one file: ${what}`);
  return args.positional[0]!;
}

function countFlag(args: ParsedArgs, name: string): number | undefined {
  const text = flag(args, name);
  if (text === undefined) return undefined;
  const parsed = parseCount(text);
  if (!parsed.ok || !(parsed.value > 0)) throw new UsageError(`--${name} must be a positive number (e.g. 10B or 1e24), not ${JSON.stringify(printable(text, 40))}`);
  return parsed.value;
}

async function readTable(file: string, io: CliIO): Promise<string | undefined> {
  const read = await readBounded(file, MAX_TABLE_BYTES);
  if ('error' in read) {
    io.warn(`compute-budget: cannot read ${printable(file, 200)}: ${read.error === 'missing' ? 'no such file' : read.error === 'not-a-file' ? 'not a file' : read.error === 'too-large' ? 'larger than 50 MB' : 'unreadable'}`);
    return undefined;
  }
  return read.text;
}

/** A config a runs file or a log names: its parameters, tokens and tokens per step, read by the same engine. */
function configFacts(file: string): { parameters?: number; tokens?: number; tokensPerStep?: number } | undefined {
  try {
    const analysis = analyze(fs.readFileSync(file, 'utf8'), path.basename(file));
    if (analysis.parameters.active === null && analysis.tokens === null) return undefined;
    return { parameters: analysis.parameters.active ?? undefined, tokens: analysis.tokens ?? undefined, tokensPerStep: analysis.training.setting?.tokensPerStep };
  } catch {
    return undefined;
  }
}
