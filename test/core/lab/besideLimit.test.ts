import assert from 'node:assert/strict';
import { besideLimit, percentDigits, plainDigits } from '../../../src/core/lab/besideLimit';
import { ASCII_NUMBERS as fmt } from '../../../src/core/report/format';

describe('a value shown beside the limit it is judged against', () => {
  it('never reads the same as the limit: 0.00996 below 0.010, not 0.010 below 0.010', () => {
    assert.equal(fmt.loss(0.00996), fmt.loss(0.01));
    assert.equal(
      besideLimit(0.00996, 0.01, (x) => fmt.loss(x), plainDigits),
      '0.00996',
    );
    assert.equal(
      besideLimit(0.004996, 0.005, (x) => fmt.percent(x), percentDigits),
      '0.4996%',
    );
  });

  it('keeps the usual rounding when the two already differ, or are equal', () => {
    assert.equal(
      besideLimit(0.0042, 0.01, (x) => fmt.loss(x), plainDigits),
      fmt.loss(0.0042),
    );
    assert.equal(
      besideLimit(0.01, 0.01, (x) => fmt.loss(x), plainDigits),
      fmt.loss(0.01),
    );
  });
});
