/**
 * The scaling-law lab's fit of 250 runs (issue 13: "under a second on this machine").
 *
 * `benchLabFit()` fits 250 synthetic runs (10 sizes × 25 token counts, drawn from Besiroglu et
 * al.'s law with 0.5% noise) with the defaults: grid ranking, 8 L-BFGS starts, the held-out fit,
 * 100 bootstrap resamples. One warm-up fit, then the median of `repeats` timed fits.
 * Nothing here asserts a time; the lead wires it into `npm run bench`.
 */
import { fitRunsText } from '../../src/core/lab/fit';
import { runsCsv } from '../core/lab/synthetic';

export interface LabFitBench {
  readonly runs: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly bootstrap: number;
}

export function benchLabFit(repeats = 5): LabFitBench {
  const text = runsCsv({ sizes: 10, ratios: Array.from({ length: 25 }, (_, i) => 2 + 4 * i) });
  const run = (): number => {
    const started = process.hrtime.bigint();
    const report = fitRunsText(text, { minTokens: 0 });
    if (report.fit?.rowsUsed !== 250) throw new Error('the benchmark fit did not use 250 runs');
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  run();
  const times = Array.from({ length: repeats }, run).sort((a, b) => a - b);
  return { runs: 250, medianMs: times[Math.floor(times.length / 2)]!, minMs: times[0]!, maxMs: times[times.length - 1]!, bootstrap: 100 };
}

if (require.main === module) console.log(JSON.stringify(benchLabFit()));
