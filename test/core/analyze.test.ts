import assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';

const plain = 'model:\n  parameters: 7B\ntraining:\n  tokens: 140B\n';

describe('analyze options', () => {
  it('reads in-house key names mapped to the keys it knows', () => {
    const text = 'model_type: llama\nwidth: 4096\ndepth: 32\nnum_attention_heads: 32\nintermediate_size: 11008\nvocab_size: 32000\n';
    assert.equal(analyze(text, 'inhouse.yaml').parameters.total, null);
    const analysis = analyze(text, 'inhouse.yaml', { extraKeys: { hidden_size: ['width'], num_hidden_layers: ['depth'] } });
    assert.equal(analysis.parameters.total, 6_738_415_616);
    assert.equal(analysis.model.architecture?.hidden.key, 'width');
  });

  it('counts a different tokens-per-parameter target as optimal', () => {
    const analysis = analyze(plain, 'run.yaml', { tokensPerParameter: 40 });
    assert.equal(analysis.chinchillaTokens, 280e9);
    assert.equal(analysis.chinchillaMultiple, 0.5);
    assert.equal(analysis.band, 'under-trained');
  });

  it('evaluates only the chosen thresholds', () => {
    const analysis = analyze(plain, 'run.yaml', { thresholdIds: ['eu-ai-act-systemic'] });
    assert.deepEqual(
      analysis.thresholds.map((threshold) => threshold.id),
      ['eu-ai-act-systemic'],
    );
  });

  it('takes facts from settings after the file, so settings win', () => {
    const text = '# compute-budget: tokens=1T\nmodel:\n  parameters: 7B\n';
    assert.equal(analyze(text, 'run.yaml').tokens, 1e12);
    assert.equal(analyze(text, 'run.yaml', { facts: { tokens: '2T' } }).tokens, 2e12);
  });

  it('says nothing about YAML that is not a training config', () => {
    const workflow = 'name: CI\non: [push]\njobs:\n  build:\n    steps:\n      - run: npm test\n    env:\n      tokens: abc\n';
    assert.deepEqual(analyze(workflow, 'ci.yml').findings, []);
    assert.ok(analyze(workflow, 'ci.budget.yaml', { alwaysReport: true }).findings.length > 0);
  });

  it('still reports a syntax error in a file it does not recognise', () => {
    const analysis = analyze('a: [1, 2\nb: 3\n', 'broken.yaml');
    assert.deepEqual(
      analysis.findings.map((finding) => finding.code),
      ['parse-error'],
    );
  });

  it('flags a stated parameter count that disagrees with the architecture', () => {
    const text =
      '{"model_type": "llama", "hidden_size": 4096, "num_hidden_layers": 32, "num_attention_heads": 32, "intermediate_size": 11008, "vocab_size": 32000, "num_params": "13B"}';
    const finding = analyze(text, 'config.json').findings.find((candidate) => candidate.code === 'parameter-mismatch');
    assert.ok(finding);
    assert.match(finding.message, /says 13\.00B parameters, but the architecture has 6\.74B/);
  });

  it('flags two token counts that disagree and uses the smaller', () => {
    const text = 'model_name: tiny-llama-1.1b\ntrain:\n  global_batch_size: 512\n  max_seq_length: 2048\n  max_tokens: 3000000000000\n  max_steps: 1000\n';
    const analysis = analyze(text, 'litgpt.yaml');
    assert.equal(analysis.tokens, 1000 * 512 * 2048);
    assert.ok(analysis.findings.some((finding) => finding.code === 'token-mismatch'));
  });
});

describe('analyze on broken architectures', () => {
  it('reports an invalid hidden size at its key, not as a missing one', () => {
    const analysis = analyze(
      '{"model_type": "llama", "hidden_size": -4096, "num_hidden_layers": 32, "num_attention_heads": 32, "intermediate_size": 11008, "vocab_size": 32000}',
      'config.json',
    );
    assert.deepEqual(
      analysis.findings.map((finding) => finding.code),
      ['negative-value'],
    );
  });

  it('lets the first map of a merge list win, as YAML 1.1 merge keys do', () => {
    const text =
      'a: &a {hidden_size: 1024}\nb: &b {hidden_size: 2048}\nmodel_type: llama\n<<: [*a, *b]\nnum_hidden_layers: 2\nnum_attention_heads: 8\nintermediate_size: 4096\nvocab_size: 1000\n';
    assert.equal(analyze(text, 'merge.yaml').model.architecture?.hidden.value, 1024);
  });
});
