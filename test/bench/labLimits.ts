/**
 * The lab's commands on the largest files their readers accept (issue 21: no command past 5 s or
 * 1 GB): each input is written to `dir` just under its byte limit (50 MB), with the argv that runs
 * it. `hostileCli.ts` runs each as a child process under /usr/bin/time.
 */
import * as fs from 'fs';
import * as path from 'path';

export interface LabInput {
  readonly name: string;
  readonly argv: readonly string[];
}

/** The limit of a runs, evals or loss-log file (`src/cli/labCommands.ts`); each file stops just under it. */
const LIMIT_BYTES = 50_000_000;

/** Lines from `row(i)` under `header` until the next would pass `bytes`. */
function writeLines(file: string, header: string, row: (i: number) => string, bytes = LIMIT_BYTES - 1000): void {
  const fd = fs.openSync(file, 'w');
  try {
    let size = header.length + 1;
    let lines = [header];
    for (let i = 0; ; i++) {
      const line = row(i);
      if (size + line.length + 1 > bytes) break;
      size += line.length + 1;
      lines.push(line);
      if (lines.length >= 10_000) {
        fs.writeSync(fd, lines.join('\n') + '\n');
        lines = [];
      }
    }
    fs.writeSync(fd, lines.join('\n') + '\n');
  } finally {
    fs.closeSync(fd);
  }
}

/** Besiroglu et al.'s law with a small wobble: 200 runs of 8 sizes, checkpoints every billion tokens or more. */
function runRow(i: number): string {
  const run = i % 200;
  const n = 2e7 * 2 ** (run % 8);
  const d = (Math.floor(i / 200) + 1) * 1e9 * (1 + (run % 5));
  const loss = 1.8172 + 482.01 / n ** 0.3478 + 2085.43 / d ** 0.3658;
  return `r${run},${n},${d},${(loss * (1 + 0.005 * Math.sin(i))).toFixed(5)}`;
}

function evalRow(i: number, tasks: number): string {
  const log10 = 20 + (6 * ((i * 7919) % 200_000)) / 200_000;
  const score = 0.25 + 0.6 / (1 + Math.exp(-1.5 * (log10 - 23))) - (0.2 * ((i * 7919) % 1000)) / 1000;
  return `m${i},t${i % tasks},${(10 ** log10).toExponential(4)},${score.toFixed(4)}`;
}

export function writeLabInputs(dir: string): LabInput[] {
  fs.mkdirSync(dir, { recursive: true });
  const file = (name: string): string => path.join(dir, name);
  writeLines(file('checkpoints.runs.csv'), 'run,params,tokens,loss', runRow);
  writeLines(file('bad.runs.csv'), 'run,params,tokens,loss', () => 'x');
  writeLines(file('bad.runs.jsonl'), '{"run": "a", "params": 1e8, "tokens": 1e10, "loss": 3}', () => '[1]');
  writeLines(file('tasks.evals.csv'), 'model,task,compute,score', (i) => evalRow(i, 100));
  writeLines(file('one-task.evals.csv'), 'model,task,compute,score', (i) => evalRow(i, 1));
  writeLines(file('loss.csv'), 'step,tokens,loss', (i) => `${i + 1},${(i + 1) * 1e6},${(2 + 400 / ((i + 1) * 1e6) ** 0.35).toFixed(6)}`);
  writeLines(
    file('loss.jsonl'),
    '{"_step": 0, "tokens": 0, "train/loss": 9}',
    (i) => `{"_step": ${i + 1}, "tokens": ${(i + 1) * 1e6}, "train/loss": ${2 + 1 / (i + 1)}}`,
  );
  writeLines(file('bad.loss.csv'), 'step,tokens,loss', (i) => (i % 2 ? 'x' : `${i},${i * 1e6},oops`));
  return [
    { name: 'fit: 50 MB of checkpoints (200,000 rows read, thinned to 2,000)', argv: ['fit', file('checkpoints.runs.csv'), '--json'] },
    { name: 'fit --compute 1e23 on the same', argv: ['fit', file('checkpoints.runs.csv'), '--compute', '1e23'] },
    { name: 'fit: 50 MB of bad CSV rows', argv: ['fit', file('bad.runs.csv')] },
    { name: 'fit: 50 MB of bad JSON Lines rows', argv: ['fit', file('bad.runs.jsonl'), '--json'] },
    { name: 'boundary: 50 MB, 100 tasks (50 fitted)', argv: ['boundary', file('tasks.evals.csv'), '--json'] },
    { name: 'boundary: 50 MB, one task of 200,000 models', argv: ['boundary', file('one-task.evals.csv'), '--compute', '1e25'] },
    { name: 'stop: a 50 MB CSV loss log (1.6 million rows)', argv: ['stop', file('loss.csv'), '--planned-tokens', '3T'] },
    { name: 'stop: a 50 MB JSON Lines loss log', argv: ['stop', file('loss.jsonl'), '--json'] },
    { name: 'stop: a 50 MB log of bad rows', argv: ['stop', file('bad.loss.csv')] },
  ];
}
