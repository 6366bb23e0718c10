import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EMPTY_SNAPSHOT } from '../../src/core/analysis/analysisJob';
import { AnalysisTimeout, WorkerAnalyzer } from '../../src/node/workerAnalyzer';

const WORKER = path.resolve(__dirname, '../../src/node/analysisWorker.js');

describe('analyses on a worker thread', function () {
  this.timeout(20_000);
  let analyzer: WorkerAnalyzer;
  afterEach(() => analyzer?.dispose());

  it('returns the same analysis the engine gives on the calling thread', async () => {
    analyzer = new WorkerAnalyzer(WORKER);
    const analysis = await analyzer.analyze({ text: 'parameters: 70B\ntokens: 1.4T\n', fileName: 'chinchilla.yaml', options: {}, resources: EMPTY_SNAPSHOT });
    assert.equal(analysis.flops, 6 * 70e9 * 1.4e12);
    assert.equal(analysis.framework, 'plain');
  });

  it('answers jobs in any number, each with its own result', async () => {
    analyzer = new WorkerAnalyzer(WORKER);
    const sizes = [1, 2, 3, 4, 5];
    const results = await Promise.all(
      sizes.map((size) => analyzer.analyze({ text: `parameters: ${size}B\ntokens: 1T\n`, fileName: 'a.yaml', options: {}, resources: EMPTY_SNAPSHOT })),
    );
    assert.deepEqual(
      results.map((analysis) => analysis.parameters.total),
      sizes.map((size) => size * 1e9),
    );
  });

  it('stops a job past its time limit, and the next job runs on a fresh worker', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'compute-budget-worker-'));
    const stuck = path.join(folder, 'stuck.js');
    // A stand-in for a worker caught in a runaway analysis: the job for stuck.yaml never returns.
    fs.writeFileSync(
      stuck,
      `const { parentPort } = require('worker_threads'); parentPort.on('message', (job) => { if (job.fileName === 'stuck.yaml') for (;;) {} parentPort.postMessage({ id: job.id, analysis: { file: job.fileName } }); });`,
    );
    analyzer = new WorkerAnalyzer(stuck, 300);
    await assert.rejects(analyzer.analyze({ text: 'x', fileName: 'stuck.yaml', options: {}, resources: EMPTY_SNAPSHOT }), AnalysisTimeout);
    const next = await analyzer.analyze({ text: 'x', fileName: 'b.yaml', options: {}, resources: EMPTY_SNAPSHOT });
    assert.equal(next.file, 'b.yaml');
    fs.rmSync(folder, { recursive: true, force: true });
  });
});
