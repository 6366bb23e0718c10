import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../../src/core/analyze';
import { anyInput } from '../fuzz/arbitraries';
import { loadCorpus } from '../fuzz/corpus';
import { violations } from '../fuzz/invariants';

/**
 * A seeded sample of the fuzz suite (`npm run fuzz` runs 10,000 and more): mutated real configs,
 * structured configs, bombs, binary noise and any settings shape. Same seed, same cases.
 */
describe('analysis of any input, fuzzed', function () {
  this.timeout(120_000);
  const corpus = loadCorpus();

  it('never throws, and keeps figures finite, ranges inside the text and messages clean, over 300 seeded inputs', () => {
    fc.assert(
      fc.property(anyInput(corpus), (input) => {
        const analysis = analyze(input.text, input.name, input.options);
        const found = violations(analysis, input.text);
        assert.deepEqual(found, [], `${input.name}: ${found.map((violation) => `${violation.kind}: ${violation.detail}`).join('; ')}`);
      }),
      { seed: 20261124, numRuns: 300 },
    );
  });
});
