import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';
import { computeStatement, statementMarkdown } from '../../../src/core/report/statement';

describe('the compute statement', () => {
  it('states a hardware budget over 10²⁵ to two significant figures, with the band, both inputs and the notification deadline', () => {
    // 4,096 H100 × 90 days × 989.5 TFLOP/s × 40% = 1.26e25 FLOP.
    const analysis = analyze('hardware:\n  accelerator: H100\n  count: 4096\n  days: 90\n  utilisation: 0.4\n', 'cluster.budget.yaml', { alwaysReport: true });
    const statement = computeStatement(analysis);
    assert.equal(statement.estimate, '1.3e25 FLOP');
    assert.ok(Math.abs(statement.band!.low / (statement.flops! * 0.7) - 1) < 1e-12);
    assert.deepEqual(
      statement.methods.map((method) => method.method),
      ['hardware'],
    );
    assert.match(statement.methods[0]!.inputs[0]!, /4,096 × NVIDIA H100 \(SXM\) for 90 days/);
    assert.match(statement.notification ?? '', /within 14 days/);
    const markdown = statementMarkdown(statement);
    assert.match(markdown, /\*\*Estimated cumulative training compute: 1\.3e25 FLOP\*\*/);
    assert.match(markdown, /\| EU AI Act systemic risk \(Art\. 51\) \| EU \| 1e25 FLOP \| in-force \| 2025-08-02 \| 126% \| crossed \|/);
  });

  it('gives both methods when the file states the model, the tokens and the hardware', () => {
    const analysis = analyze(
      'parameters: 7B\ntokens: 2T\nhardware:\n  accelerator: A100\n  count: 1024\n  days: 21\n  utilisation: 0.45\n',
      'run.budget.yaml',
      { alwaysReport: true },
    );
    const statement = computeStatement(analysis);
    assert.deepEqual(
      statement.methods.map((method) => method.method),
      ['architecture', 'hardware'],
    );
    assert.equal(statement.estimate, '8.4e22 FLOP');
  });

  it('says when nothing can be estimated, and escapes what came from the file', () => {
    const statement = computeStatement(analyze('model:\n  name: x\n', 'a|b*`c.budget.yaml', { alwaysReport: true }));
    assert.equal(statement.estimate, null);
    const markdown = statementMarkdown(statement);
    assert.match(markdown, /cannot be estimated/);
    assert.match(markdown, /a\\\|b\\\*\\`c/);
  });
});
