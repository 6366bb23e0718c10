import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';
import { stoppedAnalysis } from '../../../src/core/analysis/stoppedAnalysis';

describe('the analysis of a file the engine could not finish', () => {
  it('has every field a real analysis has, each figure unknown, and one finding saying why', () => {
    const stopped = stoppedAnalysis('run.yaml', 'model:\n  parameters: 7B\n', 'The analysis took longer than 10 s and was stopped.');
    const real = analyze('model:\n  parameters: 7B\ntraining:\n  tokens: 2T\n', 'run.yaml');
    assert.deepEqual(Object.keys(stopped).sort(), Object.keys(real).sort());
    assert.equal(stopped.flops, null);
    assert.equal(stopped.syntax, 'yaml');
    assert.deepEqual(
      stopped.findings.map((finding) => finding.code),
      ['too-large'],
    );
    assert.match(stopped.findings[0].message, /^The analysis took longer than 10 s and was stopped\. The file is not analysed/);
  });

  it('is what the engine itself reports for a text it does not read, apart from that finding', () => {
    const stopped = stoppedAnalysis('run.yaml', 'x: 1\n', 'Stopped.');
    const unread = analyze('x'.repeat(20), 'run.yaml', { maxLength: 10, alwaysReport: true });
    assert.deepEqual({ ...stopped, findings: [] }, { ...unread, findings: [] });
  });
});
