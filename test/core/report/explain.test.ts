import assert from 'node:assert/strict';
import { explainAt } from '../../../src/core/report/explain';
import { analyze } from '../../../src/core/analyze';
import { analyzeExample } from '../formats/examples';

describe('what a hover explains', () => {
  it('titles a key that names a whole model by the model, not by the first of its facts', () => {
    const { analysis, text } = analyzeExample('torchtitan/llama3_8b.toml');
    const explanation = explainAt(analysis, text.indexOf('flavor') + 1);
    assert.ok(explanation);
    assert.equal(explanation.key, 'torchtitan llama3 8B');
    assert.ok(
      explanation.contributions.some((line) => line.includes('8,030,261,248')),
      explanation.contributions.join(' | '),
    );
  });

  it('titles an architecture key by its own name', () => {
    const { analysis, text } = analyzeExample('huggingface/llama-2-7b.config.json');
    const explanation = explainAt(analysis, text.indexOf('"intermediate_size"') + 2);
    assert.equal(explanation?.key, 'intermediate_size');
  });
});

describe('explaining the hardware method', () => {
  it('shows how accelerators, time, peak and utilisation multiply, on each of their keys', () => {
    const text = 'hardware:\n  accelerator: H100\n  count: 1024\n  days: 30\n  utilisation: 0.4\n';
    const analysis = analyze(text, 'run.budget.yaml', { alwaysReport: true });
    for (const key of ['accelerator', 'count', 'days']) {
      const explanation = explainAt(analysis, text.indexOf(key) + 1)!;
      assert.ok(explanation, key);
      assert.match(
        explanation.contributions[0]!,
        /^Hardware estimate: 1,024 × NVIDIA H100 \(SXM\) for 30 days × 989\.5 TFLOP\/s peak \(BF16\) × 40% utilisation = 1\.1e24 FLOP$/,
      );
    }
  });
});

describe('the title of a hover on a key that names a whole model', () => {
  it('titles MaxText’s base_config by the model it brings in, not by the first of its facts (vocab_size)', () => {
    const { analysis, text } = analyzeExample('maxtext/configs/tpu/tpu_smoke_test.yml');
    const explanation = explainAt(analysis, text.indexOf('base_config') + 2)!;
    assert.equal(explanation.key, 'MaxText llama2');
  });
});

describe('a parameter count the user stated', () => {
  it('is shown as the user’s fact, not credited to the catalog model the file names', () => {
    const text =
      '# compute-budget: parameters=7B\nbase_model: meta-llama/Llama-2-7b-hf\nsequence_len: 4096\nmax_steps: 1000\nmicro_batch_size: 1\ngradient_accumulation_steps: 1\n';
    const analysis = analyze(text, 'axolotl.yaml', { alwaysReport: true });
    assert.equal(analysis.model.total?.origin, 'user');
    const explanation = explainAt(analysis, text.indexOf('parameters=') + 2);
    const lines = (explanation?.contributions ?? []).join(' | ');
    assert.match(lines, /Parameters: 7,000,000,000 \(stated as a fact\)/);
    assert.doesNotMatch(lines, /built-in catalog/);
  });
});
