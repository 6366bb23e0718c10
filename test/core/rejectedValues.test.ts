import assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';

describe('values that are read and rejected', () => {
  const text = [
    'hidden_size: -4096',
    'num_hidden_layers: 31.5',
    'num_attention_heads: 32',
    'tokens: ""',
    'global_batch_size: [1, 2]',
    'max_steps: 1000',
    'seq_length: 2048',
    '',
  ].join('\n');
  const analysis = analyze(text, 'budget.yaml');
  const at = (key: string) => analysis.findings.filter((finding) => text.slice(finding.span.start).startsWith(key));

  it('each get their own diagnostic at their own key', () => {
    assert.deepEqual(
      at('hidden_size').map((finding) => finding.code),
      ['negative-value'],
    );
    assert.deepEqual(
      at('num_hidden_layers').map((finding) => finding.code),
      ['invalid-number'],
    );
    assert.deepEqual(
      at('tokens').map((finding) => finding.code),
      ['invalid-number'],
    );
    assert.deepEqual(
      at('global_batch_size').map((finding) => finding.code),
      ['invalid-number'],
    );
  });

  it('count for nothing: no parameters, tokens or compute from them', () => {
    assert.equal(analysis.parameters.total, null);
    assert.equal(analysis.tokens, null);
    assert.equal(analysis.flops, null);
  });

  it('do not include a key left empty on purpose, which YAML reads as null', () => {
    const quiet = analyze('parameters: 7B\ntokens:\nmax_tokens: 1T\n', 'budget.yaml');
    assert.equal(quiet.tokens, 1e12);
    assert.ok(!quiet.findings.some((finding) => finding.code === 'invalid-number'));
  });
});
