import assert from 'node:assert/strict';
import { multiple, ratio } from '../../src/core/format';

describe('ratios as the inline summary shows them', () => {
  it('rounds large ratios and keeps one decimal for middling ones', () => {
    assert.equal(ratio(297.4), '297');
    assert.equal(ratio(14.84), '14.8');
    assert.equal(ratio(20), '20');
    assert.equal(multiple(2), '2×');
  });

  it('shows a short run as two significant digits, never as a bare zero', () => {
    assert.equal(ratio(0.0653), '0.065');
    assert.equal(multiple(0.003265), '0.0033×');
    assert.equal(ratio(0), '0');
  });
});
