import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';

const budget = (text: string) => analyze(text, 'run.budget.yaml', { alwaysReport: true });

describe('the whole lifecycle of a model’s compute', () => {
  it('adds earlier stages stated in tokens, and judges tokens per parameter on the whole run', () => {
    // 7B on 1T now after 2T before: 6 × 7e9 × 3e12 = 1.26e23 in all, 3T / 7B = 429 tokens per parameter.
    const analysis = budget('# compute-budget: prior_tokens=2T\nparameters: 7B\ntokens: 1T\n');
    assert.equal(analysis.flops, 6 * 7e9 * 1e12);
    assert.ok(Math.abs(analysis.cumulativeFlops! / (6 * 7e9 * 3e12) - 1) < 1e-12, String(analysis.cumulativeFlops));
    assert.equal(analysis.tokensPerParameter, 3e12 / 7e9);
    assert.deepEqual(
      analysis.lifecycle!.parts.map((part) => part.what),
      ['this run', 'earlier stages of this model'],
    );
  });

  it('counts synthetic data generation as two FLOP per generator parameter per generated token', () => {
    // 70B generator × 500B tokens × 2 = 7e22 FLOP, on top of 6 × 7e9 × 1e12 = 4.2e22.
    const analysis = budget('parameters: 7B\ntokens: 1T\nsynthetic:\n  generator_parameters: 70B\n  generated_tokens: 500B\n');
    assert.ok(Math.abs(analysis.cumulativeFlops! / (4.2e22 + 7e22) - 1) < 1e-12, String(analysis.cumulativeFlops));
    const eu = analysis.thresholds.find((threshold) => threshold.id === 'eu-gpai-indicative')!;
    assert.equal(eu.tier, 'crossed');
  });

  it('takes stated prior and synthetic compute as they are, and lists what the total leaves out', () => {
    const analysis = budget('# compute-budget: prior_flops=3e23 synthetic_flops=1e22\nparameters: 7B\ntokens: 1T\n');
    assert.ok(Math.abs(analysis.cumulativeFlops! / (4.2e22 + 3e23 + 1e22) - 1) < 1e-12, String(analysis.cumulativeFlops));
    assert.ok(analysis.lifecycle!.excluded.some((line) => /publicly available/.test(line)));
  });

  it('asks for the earlier stages of a run continued from a checkpoint instead of calling it under-trained', () => {
    const analysis = analyze('load_path: s3://bucket/step100000\nmodel:\n  parameters: 7B\ntraining:\n  tokens: 100B\n', 'stage2.budget.yaml', {
      alwaysReport: true,
    });
    assert.equal(analysis.band, null);
    assert.ok(
      analysis.findings.some((finding) => finding.code === 'staged-run'),
      analysis.findings.map((finding) => finding.code).join(', '),
    );
    assert.ok(!analysis.findings.some((finding) => finding.code === 'under-trained'));
  });
});
