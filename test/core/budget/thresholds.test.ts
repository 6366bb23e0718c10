import assert from 'node:assert/strict';
import { ESTIMATION_MARGIN, evaluateThresholds, THRESHOLD_RULES, thresholdTier, twoSignificant } from '../../../src/core/budget/thresholds';

describe('regulatory compute thresholds', () => {
  const rule = (id: string) => THRESHOLD_RULES.find((candidate) => candidate.id === id) ?? assert.fail(id);

  it('carries the thresholds at their legal values', () => {
    assert.equal(rule('eu-ai-act-systemic').flops, 1e25);
    assert.equal(rule('eu-gpai-indicative').flops, 1e23);
    assert.equal(rule('california-sb53').flops, 1e26);
    assert.equal(rule('new-york-raise').flops, 1e26);
    assert.equal(rule('us-eo-14110').status, 'revoked');
  });

  it('gives every rule a source, a date and a consequence', () => {
    for (const item of THRESHOLD_RULES) {
      assert.match(item.date, /^\d{4}-\d{2}-\d{2}$/, item.id);
      assert.ok(item.source.length > 20 && item.consequence.length > 10, item.id);
    }
    assert.equal(new Set(THRESHOLD_RULES.map((item) => item.id)).size, THRESHOLD_RULES.length, 'ids are unique');
  });

  it('crosses only strictly above the threshold', () => {
    assert.equal(thresholdTier(1), 'within-margin');
    assert.equal(thresholdTier(1 + 1e-12), 'crossed');
  });

  it('counts 70% and more of a threshold as within the ±30% estimation margin', () => {
    assert.equal(ESTIMATION_MARGIN, 0.3);
    assert.equal(thresholdTier(0.7), 'within-margin');
    assert.equal(thresholdTier(0.6999), 'below');
    assert.equal(thresholdTier(0), 'below');
  });

  it('evaluates a 70B Chinchilla run (5.88e23 FLOP) against every rule', () => {
    const results = evaluateThresholds(5.88e23);
    const eu = results.find((result) => result.id === 'eu-ai-act-systemic')!;
    assert.ok(Math.abs(eu.fraction - 0.0588) < 1e-12);
    assert.equal(eu.tier, 'below');
    assert.equal(results.find((result) => result.id === 'eu-gpai-indicative')!.tier, 'crossed');
    assert.equal(eu.stated, '5.9e23 FLOP');
    assert.deepEqual(
      results.map((result) => result.id),
      THRESHOLD_RULES.map((item) => item.id),
    );
  });

  it('evaluates only the rules it is given', () => {
    assert.deepEqual(
      evaluateThresholds(2e25, [rule('eu-ai-act-systemic')]).map((result) => [result.id, result.tier, result.fraction]),
      [['eu-ai-act-systemic', 'crossed', 2]],
    );
  });

  it('states compute to two significant figures, and nonsense as zero', () => {
    assert.equal(twoSignificant(8.087e22), '8.1e22 FLOP');
    assert.equal(twoSignificant(1e25), '1.0e25 FLOP');
    assert.equal(twoSignificant(0), '0 FLOP');
    assert.equal(twoSignificant(Number.NaN), '0 FLOP');
  });
});
