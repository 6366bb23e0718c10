import assert from 'node:assert/strict';
import { CasePattern } from '../../../src/core/source/shell/casePattern';
import { readShell } from '../../../src/core/source/shellTree';
import { getEntry } from '../../../src/core/source/tree';

function glob(text: string, literal = ''): CasePattern {
  const pattern = new CasePattern();
  pattern.addGlob(text);
  if (literal) pattern.addLiteral(literal);
  return pattern;
}

/** Steps a match takes, counted by the matcher. */
function steps(pattern: CasePattern, subject: string): number {
  const budget = { steps: 1e12 };
  pattern.matches(subject, budget);
  return 1e12 - budget.steps;
}

describe('a shell case pattern', () => {
  it('matches *, ?, [...] classes, escapes and quoted text as a POSIX shell does', () => {
    assert.equal(glob('fp*').matches('fp16'), true);
    assert.equal(glob('fp?').matches('fp8'), true);
    assert.equal(glob('fp?').matches('fp16'), false);
    assert.equal(glob('[bf]p16').matches('bp16'), true);
    assert.equal(glob('[!b]p16').matches('bp16'), false);
    assert.equal(glob('v[0-9]').matches('v7'), true);
    assert.equal(glob('a\\*').matches('a*'), true);
    assert.equal(glob('a\\*').matches('ab'), false);
    assert.equal(glob('', '*').matches('x'), false);
    assert.equal(glob('*/x').matches('a/b/x'), true);
    assert.equal(glob('*').matches(''), true);
  });

  it('takes steps that grow with pattern × subject, not exponentially, on *a*a*a…b (the 40 s reproducer)', () => {
    const pattern = glob(`${'*a'.repeat(30)}b`);
    const short = steps(pattern, 'a'.repeat(60));
    const long = steps(pattern, 'a'.repeat(120));
    assert.ok(short <= 61 * 61, `${short} steps`);
    assert.ok(long <= 4.5 * short, `${short} then ${long} steps for twice the subject`);
  });

  it('answers unknown once its step budget runs out', () => {
    assert.equal(glob(`${'*a'.repeat(30)}b`).matches('a'.repeat(5000), { steps: 1000 }), undefined);
  });

  it('reads the 130-byte launch script whose case arm backtracked for 40 s, and takes the arm that matches', () => {
    const script = `X=${'a'.repeat(30)}\ncase $X in\n  ${'*a'.repeat(20)}b) L=1 ;;\n  *) L=2 ;;\nesac\npython pretrain_gpt.py --num-layers $L\n`;
    assert.ok(script.length <= 160, `${script.length} bytes`);
    const layers = getEntry(readShell(`#!/bin/bash\n${script}`).root, 'num-layers')?.value;
    assert.equal(layers?.kind === 'scalar' ? layers.value : undefined, '2');
  });
});
