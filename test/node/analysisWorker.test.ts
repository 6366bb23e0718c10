import assert from 'node:assert/strict';
import { EMPTY_SNAPSHOT } from '../../src/core/analysis/analysisJob';
import { answer } from '../../src/node/analysisWorker';

// The extension host loads the worker's module on its own thread when no worker thread can start
// (src/extension/analyzer.ts), so the engine is bundled once, in dist/analysisWorker.js.
describe('the analysis worker module, loaded on the calling thread', () => {
  it('answers a job with the analysis and its id', () => {
    const reply = answer({ id: 7, text: 'parameters: 70B\ntokens: 1.4T\n', fileName: 'chinchilla.yaml', options: {}, resources: EMPTY_SNAPSHOT });
    assert.equal(reply.id, 7);
    assert.ok('analysis' in reply);
    assert.equal(reply.analysis.flops, 6 * 70e9 * 1.4e12);
  });

  it('answers a job the engine cannot take with an error, not a throw', () => {
    const options = Object.defineProperty({}, 'numberStyle', {
      enumerable: true,
      get: () => {
        throw new Error('options unreadable');
      },
    });
    assert.deepEqual(answer({ id: 8, text: 'x', fileName: 'a.yaml', options, resources: EMPTY_SNAPSHOT }), { id: 8, error: 'options unreadable' });
  });
});
