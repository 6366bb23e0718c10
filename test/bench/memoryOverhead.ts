/**
 * What the memory stage (memory per device, the reverse question, step time, serving) adds to one
 * analysis: `analyze()` against the same pipeline with that stage left out, timed in alternating
 * batches in one process so a slow spell of the machine cancels out of the ratio. The target
 * (issue 25) is at most 1.10×. Nothing here asserts a time; `npm run bench` prints it.
 */
import { analyze, type AnalyzeOptions } from '../../src/core/analyze';
import { computeBudget } from '../../src/core/analysis/stages/budget';
import { finishAnalysis } from '../../src/core/analysis/stages/findings';
import { readFormat } from '../../src/core/analysis/stages/format';
import { readHardwareStage } from '../../src/core/analysis/stages/hardware';
import { readModelStage } from '../../src/core/analysis/stages/model';
import { judgeBudget } from '../../src/core/analysis/stages/rules';
import { scopeReading } from '../../src/core/analysis/stages/scope';
import { readSource } from '../../src/core/analysis/stages/source';
import { readTrainingStage } from '../../src/core/analysis/stages/training';
import { estimateMemoryStage } from '../../src/core/analysis/stages/memory';
import type { MemoryRecord, ScopedRecord } from '../../src/core/analysis/stages/types';
import { NO_MEMORY } from '../../src/core/memory/memoryStage';
import { validateOptions } from '../../src/core/settings/settings';

export const MEMORY_TARGET = 1.1;

/** The record the memory stage takes: the pipeline of src/core/analyze.ts up to its scope stage. */
function scopedRecord(text: string, fileName: string, given: AnalyzeOptions): ScopedRecord {
  const source = readSource(text, fileName, validateOptions(given));
  const model = readModelStage(readFormat(source));
  const training = readTrainingStage(model, [], (linked, path) => analyze(linked, path, { ...given, facts: undefined, alwaysReport: true }));
  return scopeReading(readHardwareStage(training));
}

/**
 * The memory stage timed on its own, against the whole analysis, each over batches of many calls
 * (CPU time, batches alternating): the stage's share, precise where the pair ratio is noisy.
 * Returns analysis ÷ (analysis − stage), the same ratio as with ÷ without.
 */
export function stageShare(text: string, fileName: string, given: AnalyzeOptions): { ratio: number; analyzeMs: number; stageMs: number } {
  const scoped = scopedRecord(text, fileName, given);
  const stage = () => estimateMemoryStage({ ...scoped, findings: [...scoped.findings] });
  const whole = () => analyze(text, fileName, given);
  const batch = (run: () => unknown, runs: number) => {
    const start = process.cpuUsage();
    for (let i = 0; i < runs; i++) run();
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000 / runs;
  };
  for (let i = 0; i < 3; i++) {
    batch(whole, 50);
    batch(stage, 500);
  }
  const wholeTimes: number[] = [];
  const stageTimes: number[] = [];
  for (let i = 0; i < 15; i++) {
    wholeTimes.push(batch(whole, 50));
    stageTimes.push(batch(stage, 500));
  }
  const middle = (values: number[]) => [...values].sort((x, y) => x - y)[values.length >> 1];
  const analyzeMs = middle(wholeTimes);
  const stageMs = middle(stageTimes);
  return { ratio: analyzeMs / (analyzeMs - stageMs), analyzeMs, stageMs };
}

/**
 * `analyze()` as src/core/analyze.ts composes it, with the memory stage replaced by what it gives
 * a file it does not estimate: the baseline the overhead is measured against.
 */
export function analyzeWithoutMemory(text: string, fileName: string, given: AnalyzeOptions = {}) {
  const scoped = scopedRecord(text, fileName, given);
  const { memory, throughput, serving } = NO_MEMORY;
  const record: MemoryRecord = { ...scoped, memory: { memory, throughput, serving } };
  const budget = computeBudget(record);
  return finishAnalysis(budget, judgeBudget(budget));
}

const WARMUP_RUNS = 100;
const CPU_BUDGET_MS = 4_000;

/** CPU milliseconds (user + system) of one call: on a shared, loaded machine this, not wall time, is the work done. */
function cpuMs(run: () => unknown): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * The ratio with / without over pairs of calls, each pair one call of each back to back (which
 * runs first alternates), so a change of load between pairs falls on both. CPU time is counted in
 * ticks, so one call's reading is coarse: the ratio is of the totals over all pairs; the middle
 * half of the per-pair ratios is returned beside it, the noise shown rather than hidden.
 */
export function cpuRatio(withStage: () => unknown, without: () => unknown): { ratio: number; low: number; high: number; withMs: number; withoutMs: number } {
  for (let i = 0; i < WARMUP_RUNS; i++) {
    withStage();
    without();
  }
  const ratios: number[] = [];
  const withTimes: number[] = [];
  const withoutTimes: number[] = [];
  let spent = 0;
  for (let pair = 0; spent < CPU_BUDGET_MS; pair++) {
    const first = pair % 2 === 0 ? cpuMs(withStage) : cpuMs(without);
    const second = pair % 2 === 0 ? cpuMs(without) : cpuMs(withStage);
    const [withTime, withoutTime] = pair % 2 === 0 ? [first, second] : [second, first];
    spent += withTime + withoutTime;
    if (withoutTime <= 0) continue;
    withTimes.push(withTime);
    withoutTimes.push(withoutTime);
    ratios.push(withTime / withoutTime);
  }
  const at = (values: number[], q: number) => [...values].sort((x, y) => x - y)[Math.min(values.length - 1, Math.floor(q * values.length))];
  const total = (values: number[]) => values.reduce((sum, value) => sum + value, 0);
  return {
    ratio: total(withTimes) / total(withoutTimes),
    low: at(ratios, 0.25),
    high: at(ratios, 0.75),
    withMs: total(withTimes) / withTimes.length,
    withoutMs: total(withoutTimes) / withoutTimes.length,
  };
}
