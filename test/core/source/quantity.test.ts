import assert from 'node:assert/strict';
import { isDuration, parseCount, parseDuration } from '../../../src/core/source/quantity';

describe('numbers as configs write them', () => {
  const value = (input: string | number) => {
    const parsed = parseCount(input);
    return parsed.ok ? parsed.value : parsed.why;
  };

  it('reads plain, underscored, comma-grouped and scientific numbers', () => {
    assert.equal(value('4096'), 4096);
    assert.equal(value('739_328'), 739_328);
    assert.equal(value('1,400,000'), 1_400_000);
    assert.equal(value('3e12'), 3e12);
    assert.equal(value('1e-4'), 1e-4);
    assert.equal(value('1.0e+3'), 1000);
    assert.equal(value('.5'), 0.5);
    assert.equal(value(' 42 '), 42);
    assert.equal(value(2048), 2048);
  });

  it('reads magnitude suffixes in either case', () => {
    assert.equal(value('70B'), 70e9);
    assert.equal(value('7b'), 7e9);
    assert.equal(value('1.4T'), 1.4e12);
    assert.equal(value('125M'), 125e6);
    assert.equal(value('32k'), 32e3);
    assert.equal(value('1P'), 1e15);
    assert.equal(value('2 B'), 2e9);
  });

  it('keeps the sign so that callers can reject negative sizes', () => {
    assert.equal(value('-4096'), -4096);
    assert.equal(value('+8'), 8);
  });

  it('says why a text is not a count', () => {
    assert.equal(value('lots'), 'not-a-number');
    assert.equal(value('NaN'), 'not-a-number');
    assert.equal(value('Infinity'), 'not-a-number');
    assert.equal(value('7 billion'), 'not-a-number');
    assert.equal(value(''), 'not-a-number');
    assert.equal(value('1e400'), 'not-finite');
    assert.equal(value(Number.POSITIVE_INFINITY), 'not-finite');
    assert.equal(value(Number.NaN), 'not-finite');
  });
});

describe('Composer and OLMo durations', () => {
  const duration = (input: string | number) => {
    const parsed = parseDuration(input);
    return isDuration(parsed) ? parsed : parsed.why;
  };

  it('reads tokens, batches, epochs and samples by their unit', () => {
    assert.deepEqual(duration('2e12T'), { value: 2e12, unit: 'tokens' });
    assert.deepEqual(duration('1000tok'), { value: 1000, unit: 'tokens' });
    assert.deepEqual(duration('63900ba'), { value: 63_900, unit: 'batches' });
    assert.deepEqual(duration('3ep'), { value: 3, unit: 'epochs' });
    assert.deepEqual(duration('500sp'), { value: 500, unit: 'samples' });
  });

  it('reads a bare number as steps', () => {
    assert.deepEqual(duration('739328'), { value: 739_328, unit: 'steps' });
    assert.deepEqual(duration(1000), { value: 1000, unit: 'steps' });
  });

  it('declines a fraction of another duration and unreadable text', () => {
    assert.equal(duration('0.5dur'), 'not-a-number');
    assert.equal(duration('forever'), 'not-a-number');
    assert.equal(duration(Number.POSITIVE_INFINITY), 'not-finite');
  });
});

describe('durations that cannot be', () => {
  it('refuses negative durations in every unit instead of counting negative tokens', () => {
    for (const text of ['-2e12T', '-63900ba', '-1ep', '-5sp', -3]) assert.deepEqual(parseDuration(text), { ok: false, why: 'negative' });
  });

  it('reads -0 as zero steps', () => {
    const parsed = parseDuration('-0ba');
    assert.ok('unit' in parsed && Object.is(parsed.value, 0));
  });
});
