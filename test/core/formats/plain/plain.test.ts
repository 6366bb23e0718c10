import * as assert from 'node:assert/strict';
import { analyze } from '../../../../src/core/analyze';

const budget = (text: string) => analyze(text, 'budget.yaml', { alwaysReport: true });

describe('plain budget files', () => {
  it('counts epochs over a dataset size stated in the file', () => {
    const analysis = budget('model:\n  parameters: 7B\ntraining:\n  epochs: 3\n  dataset_tokens: 100B\n');
    assert.equal(analysis.tokens, 3e11);
    assert.equal(analysis.training.derivation, '3 epochs × 100,000,000,000 dataset tokens');
    assert.equal(analysis.flops, 6 * 7e9 * 3e11);
  });

  it('reads a token count in a dataset section as the dataset’s size when the file states epochs', () => {
    const analysis = budget('parameters: 7B\nnum_epochs: 2\ndataset:\n  name: my-corpus\n  tokens: 50B\n');
    assert.equal(analysis.tokens, 1e11);
  });

  it('keeps a dataset’s token count as the run’s length when no epochs are stated', () => {
    assert.equal(budget('parameters: 7B\ndataset:\n  tokens: 50B\n').tokens, 5e10);
  });

  it('reports a dataset size that is not a number at its key and asks for nothing else', () => {
    const analysis = budget('parameters: 7B\nepochs: 2\ndataset_tokens: lots\n');
    assert.equal(analysis.tokens, null);
    assert.deepEqual(
      analysis.findings.map((finding) => finding.code),
      ['invalid-number'],
    );
  });

  it('lets a compute-budget fact give the dataset size the file leaves out', () => {
    assert.equal(budget('# compute-budget: dataset_tokens=20B\nparameters: 1B\nepochs: 4\n').tokens, 8e10);
  });
});

describe('a budget that states only hardware and time', () => {
  // The Commission's hardware method: 1,024 H100 × 30 days × 989.5 TFLOP/s (dense BF16) × 40%.
  const expected = 1024 * 30 * 86_400 * 989.5e12 * 0.4;
  const analysis = budget('hardware:\n  accelerator: H100\n  count: 1024\n  days: 30\n  utilisation: 0.4\n');

  it('gets compute from accelerators × time × peak × utilisation, and says which method produced it', () => {
    assert.equal(analysis.framework, 'plain');
    assert.equal(analysis.method, 'hardware');
    assert.ok(Math.abs(analysis.flops! / expected - 1) < 1e-9, `${analysis.flops} vs ${expected}`);
    assert.equal(analysis.tokens, null);
  });

  it('places the hardware estimate against the thresholds', () => {
    const eu = analysis.thresholds.find((threshold) => threshold.id === 'eu-ai-act-systemic')!;
    assert.ok(Math.abs(eu.fraction - expected / 1e25) < 1e-12);
  });

  it('is recognised without the plain-budget file name, and reads hours and per-cent utilisation too', () => {
    const byName = analyze('hardware:\n  accelerator: A100\n  count: 64\n  hours: 240\n  utilisation: 45\n', 'run.yaml');
    // 64 × 240 h × 3,600 s × 312 TFLOP/s × 0.45.
    assert.ok(Math.abs(byName.flops! / (64 * 240 * 3600 * 312e12 * 0.45) - 1) < 1e-9, String(byName.flops));
  });

  it('uses 6·N·D when the architecture is known too, and keeps the hardware estimate beside it', () => {
    const both = budget('parameters: 7B\ntokens: 2T\nhardware:\n  accelerator: H100\n  count: 1024\n  days: 30\n  utilisation: 0.4\n');
    assert.equal(both.method, 'architecture');
    assert.equal(both.flops, 6 * 7e9 * 2e12);
    assert.ok(Math.abs(both.hardware!.flops / expected - 1) < 1e-9);
  });
});

describe('a length whose factors multiply past any run', () => {
  it('refuses 10²⁰ steps × 10²⁰ sequences × 10²⁰ tokens at the steps key, with no infinite compute', () => {
    const analysis = budget('parameters: 7B\nsteps: 1e20\nglobal_batch_size: 1e20\nseq_len: 1e20\n');
    assert.equal(analysis.tokens, null);
    assert.equal(analysis.flops, null);
    const finding = analysis.findings.find((candidate) => candidate.code === 'out-of-range');
    assert.ok(finding, analysis.findings.map((candidate) => candidate.code).join(', '));
    assert.match(finding.message, /multiplies out to 1\.0e60 tokens/);
  });
});
