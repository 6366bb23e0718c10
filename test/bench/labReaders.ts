/**
 * The lab's readers at the audit's sizes (issue 21): the time of each at 100,000 and 200,000 rows
 * and their ratio, which is about 2 for linear work and about 4 for quadratic (the early-checkpoint
 * filter was quadratic: 107 s at 200,000 rows). Each size is timed once after a warm-up at the
 * smaller size; nothing here asserts a time (`npm run bench` prints it).
 */
import { boundaryText } from '../../src/core/lab/boundary';
import { splitEarlyCheckpoints } from '../../src/core/lab/earlyCheckpoints';
import type { Run } from '../../src/core/lab/runs';
import { stopText } from '../../src/core/lab/stop';

export interface ReaderBench {
  readonly reader: string;
  readonly rows: readonly [number, number];
  readonly ms: readonly [number, number];
  readonly ratio: number;
}

function checkpoints(rows: number): Run[] {
  const where = { span: { start: 0, end: 0 }, lines: { first: 1, last: 1 } };
  return Array.from({ length: rows }, (_, i) => ({ ...where, run: `r${i % 200}`, parameters: 1e8, tokens: (Math.floor(i / 200) + 1) * 2e7, loss: 3 }));
}

function lossLog(rows: number): string {
  const lines = ['step,tokens,loss'];
  for (let i = 1; i <= rows; i++) lines.push(`${i},${i * 1e6},${2 + 400 / (i * 1e6) ** 0.35}`);
  return lines.join('\n');
}

function evals(rows: number): string {
  const lines = ['model,compute,score'];
  for (let i = 0; i < rows; i++) {
    const log10 = 20 + (6 * i) / rows;
    lines.push(`m${i},${10 ** log10},${0.25 + 0.6 / (1 + Math.exp(-1.5 * (log10 - 23))) - (0.2 * ((i * 7919) % 1000)) / 1000}`);
  }
  return lines.join('\n');
}

function time(run: () => unknown): number {
  const started = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

export function benchLabReaders(small = 100_000, large = 200_000): ReaderBench[] {
  const readers: [string, (rows: number) => () => unknown][] = [
    [
      'early-checkpoint split',
      (rows) =>
        (
          (data) => () =>
            splitEarlyCheckpoints(data, 10e9)
        )(checkpoints(rows)),
    ],
    [
      'stop over a loss log (streamed)',
      (rows) =>
        (
          (text) => () =>
            stopText(text)
        )(lossLog(rows)),
    ],
    [
      'boundary of one task',
      (rows) =>
        (
          (text) => () =>
            boundaryText(text)
        )(evals(rows)),
    ],
  ];
  return readers.map(([reader, prepare]) => {
    time(prepare(small));
    const ms = [time(prepare(small)), time(prepare(large))] as const;
    return { reader, rows: [small, large], ms: [Math.round(ms[0]), Math.round(ms[1])], ratio: Math.round((ms[1] / ms[0]) * 100) / 100 };
  });
}

if (require.main === module) console.log(JSON.stringify(benchLabReaders()));
