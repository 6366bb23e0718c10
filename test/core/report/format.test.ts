import assert from 'node:assert/strict';
import { ASCII_NUMBERS, multiple, ratio, UNICODE_NUMBERS } from '../../../src/core/report/format';

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

describe('one number style for every surface', () => {
  it('writes compute with a proper power of ten in the editor and plain ASCII in the terminal, both to two significant figures', () => {
    assert.equal(UNICODE_NUMBERS.flops(8.087e22), '8.1 × 10²²');
    assert.equal(ASCII_NUMBERS.flops(8.087e22), '8.1e22');
    assert.equal(UNICODE_NUMBERS.flops(1e25), '1.0 × 10²⁵');
    assert.equal(ASCII_NUMBERS.flops(3.2e-3), '3.2e-3');
  });

  it('writes an exact threshold as a bare power of ten and any other line as compute', () => {
    assert.equal(UNICODE_NUMBERS.threshold(1e25), '10²⁵');
    assert.equal(ASCII_NUMBERS.threshold(1e26), '1e26');
    assert.equal(UNICODE_NUMBERS.threshold(3.3e24), '3.3 × 10²⁴');
  });

  it('keeps metric suffixes for counts past a thousand trillion instead of switching to exponents', () => {
    assert.equal(ASCII_NUMBERS.count(2.47e15), '2,470T');
    assert.equal(ASCII_NUMBERS.count(2.47e14), '247T');
    assert.equal(UNICODE_NUMBERS.count(6_738_415_616), '6.74B');
    assert.equal(UNICODE_NUMBERS.count(4.2e19), '4.20 × 10¹⁹');
  });

  it('turns percentages past a thousand into a multiple rather than printing 135000%', () => {
    assert.equal(UNICODE_NUMBERS.percent(1350), '1,350×');
    assert.equal(ASCII_NUMBERS.percent(1350), '1,350x');
    assert.equal(ASCII_NUMBERS.percent(2.5), '250%');
    assert.equal(ASCII_NUMBERS.percent(0.0081), '0.81%');
    assert.equal(ASCII_NUMBERS.percent(0), '0%');
  });

  it('rounds tokens per parameter the same way on every surface', () => {
    for (const format of [UNICODE_NUMBERS, ASCII_NUMBERS]) {
      assert.equal(format.ratio(1.84), '1.8');
      assert.equal(format.ratio(0.025), '0.025');
      assert.equal(format.ratio(2048.4), '2,048');
    }
    assert.equal(ASCII_NUMBERS.multiple(0.00125), '0.0013x');
  });

  it('never prints NaN-looking garbage for a non-finite figure', () => {
    assert.equal(ASCII_NUMBERS.flops(Infinity), 'Infinity');
    assert.equal(UNICODE_NUMBERS.count(Number.NaN), 'NaN');
  });
});

describe('percentages to two significant figures', () => {
  it('gives 7.2%, not 7.23%, and keeps 0.81% and 58%', () => {
    assert.equal(UNICODE_NUMBERS.percent(0.0723), '7.2%');
    assert.equal(UNICODE_NUMBERS.percent(0.0081), '0.81%');
    assert.equal(UNICODE_NUMBERS.percent(0.5822), '58%');
  });
});

describe('tiny figures in the style of their surface', () => {
  it('writes a percentage far below a thousandth of a percent as a power of ten, never as 1.4e-7%', () => {
    assert.equal(UNICODE_NUMBERS.percent(1.4e-9), '1.4 × 10⁻⁷%');
    assert.equal(ASCII_NUMBERS.percent(1.4e-9), '1.4e-7%');
    assert.equal(UNICODE_NUMBERS.percent(2.3e-5), '0.0023%');
  });

  it('writes tiny ratios, counts and days the same way', () => {
    assert.equal(UNICODE_NUMBERS.ratio(3.2e-8), '3.2 × 10⁻⁸');
    assert.equal(UNICODE_NUMBERS.count(5e-9), '5.00 × 10⁻⁹');
    assert.equal(UNICODE_NUMBERS.days(2e-6), '2.0 × 10⁻⁶');
    assert.equal(UNICODE_NUMBERS.ratio(0.065), '0.065');
  });

  it("never lets JavaScript's e-notation through in the editor style", () => {
    for (let exponent = -30; exponent <= 30; exponent++) {
      const value = 1.37 * 10 ** exponent;
      for (const text of [UNICODE_NUMBERS.percent(value), UNICODE_NUMBERS.ratio(value), UNICODE_NUMBERS.count(value), UNICODE_NUMBERS.days(value)])
        assert.doesNotMatch(text, /\de[-+]?\d/, `${value} → ${text}`);
    }
  });
});
