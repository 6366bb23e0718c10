import { readSource } from './analysis/stages/source';
import { readFormat } from './analysis/stages/format';
import { readModelStage } from './analysis/stages/model';
import { readTrainingStage } from './analysis/stages/training';
import { readHardwareStage } from './analysis/stages/hardware';
import { scopeReading } from './analysis/stages/scope';
import { estimateMemoryStage } from './analysis/stages/memory';
import { computeBudget } from './analysis/stages/budget';
import { judgeBudget } from './analysis/stages/rules';
import { finishAnalysis } from './analysis/stages/findings';
import type { AnalyzeLinked } from './analysis/stages/types';
import type { Analysis, AnalyzeOptions } from './analysis/types';
import { validateOptions } from './settings/settings';
import { syntaxOf, type Syntax } from './source/syntax';

export { syntaxOf, type Syntax };
export { stoppedAnalysis } from './analysis/stoppedAnalysis';
export { DEFAULT_MAX_LENGTH } from './analysis/stages/source';
// The records an analysis takes and gives live in analysis/types.ts, below their users (settings, workers, training).
export type { Analysis, AnalyzeOptions, FineTune, LossPrediction } from './analysis/types';

/**
 * Reads one config and computes its whole budget. Never throws for any input text.
 *
 * The analysis is a pipeline of stages (analysis/stages/), each a function from the record the
 * one before it made (analysis/stages/types.ts) to the next: read the source, find its format,
 * read the model, the training length and the hardware, scope what counts, estimate memory and
 * step time, compute the budget, judge it, and finish the record with its findings sorted once.
 */
export function analyze(text: string, fileName: string, given: AnalyzeOptions = {}): Analysis {
  return analyzeStage(text, fileName, given, []);
}

/** `analyze`, for a config reached through `chain` (the later stages that link it as their earlier stage). */
function analyzeStage(text: string, fileName: string, given: AnalyzeOptions, chain: readonly string[]): Analysis {
  // Options come from settings files and flags: any shape is possible, so they are checked first.
  const source = readSource(text, fileName, validateOptions(given));
  const format = readFormat(source);
  const model = readModelStage(format);
  const training = readTrainingStage(model, chain, linkedStage(given));
  const hardware = readHardwareStage(training);
  const memory = estimateMemoryStage(scopeReading(hardware));
  const budget = computeBudget(memory);
  return finishAnalysis(budget, judgeBudget(budget));
}

/** How an earlier stage's config is analysed: on its own, with this analysis's settings but not its per-file facts. */
function linkedStage(given: AnalyzeOptions): AnalyzeLinked {
  return (text, path, chain) => analyzeStage(text, path, { ...given, facts: undefined, alwaysReport: true }, chain);
}
