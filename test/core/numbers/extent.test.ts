import assert from 'node:assert/strict';
import { maxOf, minOf } from '../../../src/core/numbers/extent';
import { readShell } from '../../../src/core/source/shellTree';

describe('the least and greatest of a list', () => {
  it('takes 200,000 values, where Math.max(...xs) throws "Maximum call stack size exceeded"', () => {
    const values = Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 200_003);
    assert.equal(
      maxOf(values),
      values.reduce((a, b) => (b > a ? b : a)),
    );
    assert.equal(minOf(values), 0);
    assert.throws(
      () =>
        Math.max.apply(
          null,
          Array.from({ length: 2_000_000 }, () => 1),
        ),
      RangeError,
    );
  });

  it('gives the identities on an empty list and NaN when a value is NaN, as Math.min and Math.max do', () => {
    assert.equal(minOf([]), Infinity);
    assert.equal(maxOf([]), -Infinity);
    assert.ok(Number.isNaN(maxOf([1, NaN, 2])));
    assert.ok(Number.isNaN(minOf([1, NaN, 2])));
  });

  it('lets a launch script pass 150,000 values in one array to a flag without a crash', () => {
    const script = `#!/bin/bash\nA=(${Array.from({ length: 150_000 }, (_, i) => i).join(' ')})\npython pretrain_gpt.py --num-layers 2 --x "\${A[@]}"\n`;
    assert.doesNotThrow(() => readShell(script));
  });
});
