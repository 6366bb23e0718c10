import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type Analysis } from '../../../src/core/analyze';
import { computeStatement, statementMarkdown } from '../../../src/core/report/statement';

/** test/examples/regulatory/: every figure below is worked by hand in the comment above it. */
const folder = join(__dirname, '../../../../test/examples/regulatory');
const read = (name: string) => readFileSync(join(folder, name), 'utf8');
/** Files are read from the examples folder, as the extension's host reader would. */
const files = {
  file: (path: string) => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return null;
    }
  },
  modelConfig: () => null,
};
const example = (name: string): Analysis => analyze(read(name), join(folder, name), { resources: files });
const close = (actual: number | null, expected: number) => assert.ok(actual !== null && Math.abs(actual / expected - 1) < 1e-9, `${actual} vs ${expected}`);

describe('worked examples of the hardware method', () => {
  it('multiplies 2,048 H100 × 60 days × 989.5 TFLOP/s × 40% into 4.2 × 10²⁴ FLOP, 42% of 10²⁵', () => {
    // 2,048 × 5,184,000 s = 1.0616832e10 chip-seconds; × 9.895e14 = 1.0505355e25; × 0.4 = 4.2021421056e24.
    const analysis = example('hardware-h100.budget.yaml');
    assert.equal(analysis.method, 'hardware');
    close(analysis.cumulativeFlops, 4.2021421056e24);
    const statement = computeStatement(analysis);
    assert.equal(statement.estimate, '4.2e24 FLOP');
    assert.deepEqual(
      statement.methods.map((method) => method.method),
      ['hardware'],
    );
    assert.match(statement.methods[0].inputs[0], /^2,048 × NVIDIA H100 \(SXM\) for 60 days × 989\.5 TFLOP\/s peak \(BF16\) × 40% utilisation$/);
    const eu = analysis.thresholds.find((threshold) => threshold.id === 'eu-ai-act-systemic')!;
    close(eu.fraction, 0.42021421056);
  });

  it('takes a stated peak for a chip the table lacks, and one total of accelerator-hours', () => {
    // 3,000,000 h × 3,600 s = 1.08e10 chip-seconds; × 1.835e15 FLOP/s = 1.9818e25; × 0.35 = 6.9363e24.
    const analysis = example('hardware-stated-peak.budget.yaml');
    assert.equal(analysis.method, 'hardware');
    close(analysis.cumulativeFlops, 6.9363e24);
    const statement = computeStatement(analysis);
    assert.equal(statement.estimate, '6.9e24 FLOP');
    assert.equal(statement.methods[0].inputs[0], '3,000,000 Gaudi 3 accelerator-hours × 1,835 TFLOP/s peak (BF16) (hardware.peak_tflops) × 35% utilisation');
  });
});

describe('worked examples of the architecture method', () => {
  it('multiplies 6 × 70B × 15T into 6.3 × 10²⁴ FLOP', () => {
    const analysis = example('architecture-70b.budget.yaml');
    assert.equal(analysis.method, 'architecture');
    close(analysis.cumulativeFlops, 6.3e24);
    assert.equal(computeStatement(analysis).estimate, '6.3e24 FLOP');
  });

  it('gives Llama 2 7B by both methods, 8.1 and 8.3 × 10²², within the ±30% the guidelines accept', () => {
    // Architecture: 6 × 6,738,415,616 × 2e12 = 8.0860987e22.
    // Hardware: 184,320 A100-hours × 3,600 s × 3.12e14 FLOP/s × 0.4 = 8.2810726e22 (2.4% more).
    const analysis = example('llama-2-7b-both.budget.yaml');
    assert.equal(analysis.method, 'architecture');
    close(analysis.flops, 6 * 6_738_415_616 * 2e12);
    close(analysis.hardware!.flops, 184_320 * 3600 * 312e12 * 0.4);
    const statement = computeStatement(analysis);
    assert.equal(statement.estimate, '8.1e22 FLOP');
    assert.deepEqual(
      statement.methods.map((method) => `${method.method} ${(method.flops / 1e22).toFixed(1)}`),
      ['architecture 8.1', 'hardware 8.3'],
    );
    assert.deepEqual(statement.warnings, []);
    assert.ok(!analysis.findings.some((finding) => finding.code === 'hardware-mismatch'));
  });
});

describe('worked examples of the lifecycle', () => {
  it('counts the stage a staged run continues, read from the config it links: 1.3 × 10²³ in all', () => {
    // Stage 2: 6 × 7e9 × 1e12 = 4.2e22. Stage 1 (stage1.budget.yaml): 6 × 7e9 × 2e12 = 8.4e22. Sum 1.26e23.
    const analysis = example('stage2.budget.yaml');
    close(analysis.flops, 4.2e22);
    close(analysis.cumulativeFlops, 1.26e23);
    assert.deepEqual(
      analysis.lifecycle!.parts.map((part) => `${part.what}: ${part.how}`),
      ['this run: 6·N·D', 'earlier stages of this model: stage1.budget.yaml, 6·N·D'],
    );
    assert.ok(!analysis.findings.some((finding) => finding.code === 'staged-run'), 'the earlier stage is known');
    assert.equal(computeStatement(analysis).estimate, '1.3e23 FLOP');
    assert.equal(analysis.tokensPerParameter, 3e12 / 7e9);
  });

  it('asks the host for a linked stage it has not read yet, and counts nothing until then', () => {
    const analysis = analyze(read('stage2.budget.yaml'), join(folder, 'stage2.budget.yaml'));
    assert.deepEqual(analysis.pending.files, [join(folder, 'stage1.budget.yaml')]);
    close(analysis.cumulativeFlops, 4.2e22);
  });

  it('reports a linked stage that is missing or links back, at the linking key', () => {
    const missing = analyze('prior_config: nowhere.yaml\nparameters: 7B\ntokens: 1T\n', '/runs/stage2.budget.yaml', {
      resources: { file: () => null, modelConfig: () => null },
    });
    const finding = missing.findings.find((candidate) => candidate.code === 'missing-file')!;
    assert.match(finding.message, /"nowhere\.yaml" was not found/);
    assert.equal(finding.span.start, 0);
    const texts: Record<string, string> = {
      '/runs/a.budget.yaml': 'prior_config: b.budget.yaml\nparameters: 7B\ntokens: 1T\n',
      '/runs/b.budget.yaml': 'prior_config: a.budget.yaml\nparameters: 7B\ntokens: 2T\n',
    };
    const cycle = analyze(texts['/runs/a.budget.yaml'], '/runs/a.budget.yaml', { resources: { file: (path) => texts[path] ?? null, modelConfig: () => null } });
    // b is counted once; b's own link back to a is reported inside b's analysis, not followed.
    close(cycle.cumulativeFlops, 4.2e22 + 8.4e22);
  });

  it('adds synthetic data generation: 4.2 × 10²² + 2 × 70B × 500B = 1.1 × 10²³', () => {
    const analysis = example('synthetic.budget.yaml');
    close(analysis.cumulativeFlops, 4.2e22 + 7e22);
    const statement = computeStatement(analysis);
    assert.equal(statement.estimate, '1.1e23 FLOP');
    const markdown = statementMarkdown(statement);
    assert.match(markdown, /synthetic data generation/);
    assert.match(markdown, /publicly available/);
  });
});
