import assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';

const codes = (text: string, facts: Record<string, string | number> = {}) => analyze(text, 'budget.yaml', { facts }).findings.map((finding) => finding.code);

describe('stated parameter counts', () => {
  it('refuses an active count above the stated total and keeps the total for both', () => {
    const analysis = analyze('model:\n  parameters: 7B\n  active_parameters: 70B\ntraining:\n  tokens: 1T\n', 'budget.yaml');
    assert.equal(analysis.parameters.total, 7e9);
    assert.equal(analysis.parameters.active, 7e9);
    assert.ok(codes('model:\n  parameters: 7B\n  active_parameters: 70B\n').includes('parameter-mismatch'));
  });

  it('refuses an active_parameters fact above the total the architecture gives', () => {
    const text = JSON.stringify({
      model_type: 'llama',
      hidden_size: 4096,
      num_hidden_layers: 32,
      num_attention_heads: 32,
      intermediate_size: 11008,
      vocab_size: 32000,
    });
    const analysis = analyze(text, 'config.json', { facts: { active_parameters: '70B' } });
    assert.equal(analysis.parameters.active, analysis.parameters.total);
    assert.ok(analysis.findings.some((finding) => finding.code === 'parameter-mismatch' && /more than the model/.test(finding.message)));
  });

  it('refuses a parameter count below one as a typo, not a tiny model', () => {
    assert.ok(codes('model:\n  parameters: 0.5\n').includes('out-of-range'));
    assert.ok(codes('model:\n  parameters: 7B\n', { parameters: '0.5' }).includes('invalid-directive'));
  });

  it('reports a negative duration as a negative value', () => {
    assert.ok(
      codes(
        'model:\n  name: mpt_causal_lm\n  d_model: 768\n  n_layers: 12\n  n_heads: 12\nmax_duration: -5ba\nglobal_train_batch_size: 8\nmax_seq_len: 2048\n',
      ).includes('negative-value'),
    );
  });
});
