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

describe('placeholders where a number goes', () => {
  it("are a warning at the key that the value is to be filled in, not an invalid-number error (FlagScale's vocab_size: xxx)", () => {
    // FlagOpen/FlagScale@da4935ec6019:examples/aquila/conf/train/1_8b.yaml writes `vocab_size: xxx # Please replace with your actual vocab size`.
    const text = 'hidden_size: 2048\nnum_hidden_layers: 24\nnum_attention_heads: 16\nvocab_size: xxx\ntrain_iters: TODO\n';
    const analysis = analyze(text, 'train.yaml');
    assert.ok(analysis.findings.every((finding) => finding.severity !== 'error'));
    const placeholders = analysis.findings.filter((finding) => finding.code === 'mandatory-missing');
    assert.deepEqual(
      placeholders.map((finding) => [text.slice(finding.span.start, finding.span.start + 10), finding.severity]),
      [
        ['vocab_size', 'warning'],
        ['train_iter', 'warning'],
      ],
    );
  });

  it('keep a mistyped number an error', () => {
    assert.ok(
      analyze('hidden_size: 2048\nnum_hidden_layers: 24\nnum_attention_heads: 16\nvocab_size: 32k0\n', 'config.yaml').findings.some(
        (finding) => finding.code === 'invalid-number' && finding.severity === 'error',
      ),
    );
  });
});
