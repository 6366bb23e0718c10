/**
 * How long an analysis holds the extension host's thread: on the thread (what the host would
 * block for if it analysed there) against through the worker (what it does: post a text, receive
 * a result). The host-thread figure is the longest event-loop delay seen while the worker ran,
 * from `perf_hooks.monitorEventLoopDelay`; the budget is about 50 ms per analysis.
 */
import * as path from 'path';
import { monitorEventLoopDelay } from 'perf_hooks';
import { EMPTY_SNAPSHOT } from '../../src/core/analysis/analysisJob';
import { analyze } from '../../src/core/analyze';
import { WorkerAnalyzer } from '../../src/node/workerAnalyzer';

export const HOST_BUDGET_MS = 50;

/** The inputs: a normal config and the bombs the engine bounds (each under the size limit). */
export function hostInputs(normal: string, large: string): { name: string; text: string }[] {
  const aliasBomb = [
    'a0: &a0 [lol]',
    ...Array.from({ length: 10 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`),
    'hidden_size: *a10',
  ].join('\n');
  const mergeBomb = [
    'm0: &m0 {k: 1}',
    ...Array.from(
      { length: 17 },
      (_, i) => `m${i + 1}: &m${i + 1} {<<: [*m${i}, *m${i}], ${Array.from({ length: 50 }, (_, j) => `s${i}_${j}: ${j}`).join(', ')}}`,
    ),
  ].join('\n');
  const mergeChain = ['p0: &p0 {a: 1}', ...Array.from({ length: 3000 }, (_, i) => `p${i + 1}: &p${i + 1} {<<: *p${i}, k${i + 1}: ${i}}`)].join('\n');
  const interpolation = [...Array.from({ length: 40 }, (_, i) => `k${i}: \${k${i + 1}}\${k${i + 1}}`), 'k40: x', 'model:', '  hidden_size: ${k0}'].join('\n');
  return [
    { name: 'normal config (200 lines)', text: normal },
    { name: 'large config (20,000 lines)', text: large },
    { name: 'alias bomb (10 × 10)', text: aliasBomb },
    { name: 'merge bomb (17 levels × 50)', text: mergeBomb },
    { name: 'merge chain (3,000 maps)', text: mergeChain },
    { name: 'nesting (5,000 brackets)', text: `${'['.repeat(5000)}1` },
    { name: 'interpolation doubling (40)', text: interpolation },
    {
      name: 'near the size limit (0.99 MB)',
      text: `parameters: 7B\ntokens: 1T\n${Array.from({ length: 33_000 }, (_, i) => `key_${i}: ${'v'.repeat(20)}`).join('\n')}`.slice(0, 990_000),
    },
  ];
}

export async function measureHostBlock(inputs: readonly { name: string; text: string }[]): Promise<Record<string, unknown>[]> {
  const analyzer = new WorkerAnalyzer(path.resolve(__dirname, '../../src/node/analysisWorker.js'), 60_000);
  const results: Record<string, unknown>[] = [];
  await analyzer.analyze({ text: 'parameters: 1B', fileName: 'warm.yaml', options: {}, resources: EMPTY_SNAPSHOT });
  for (const input of inputs) {
    const start = process.hrtime.bigint();
    analyze(input.text, 'config.yaml');
    const onThreadMs = Number(process.hrtime.bigint() - start) / 1e6;
    const histogram = monitorEventLoopDelay({ resolution: 1 });
    histogram.enable();
    const workerStart = process.hrtime.bigint();
    await analyzer.analyze({ text: input.text, fileName: 'config.yaml', options: {}, resources: EMPTY_SNAPSHOT });
    const workerMs = Number(process.hrtime.bigint() - workerStart) / 1e6;
    histogram.disable();
    // The histogram's delay includes its own 1 ms resolution; what remains is the block.
    const hostMs = Math.max(0, histogram.max / 1e6 - 1);
    console.log(
      `${input.name.padEnd(32)} on the host thread ${onThreadMs.toFixed(1).padStart(7)} ms; through the worker ${workerMs.toFixed(1).padStart(7)} ms, longest host block ${hostMs.toFixed(1).padStart(5)} ms (budget ${HOST_BUDGET_MS} ms)${hostMs > HOST_BUDGET_MS ? '  OVER BUDGET' : ''}`,
    );
    results.push({
      input: input.name,
      characters: input.text.length,
      onThreadMs: Math.round(onThreadMs * 10) / 10,
      workerMs: Math.round(workerMs * 10) / 10,
      hostBlockMs: Math.round(hostMs * 10) / 10,
      budgetMs: HOST_BUDGET_MS,
    });
  }
  analyzer.dispose();
  return results;
}
