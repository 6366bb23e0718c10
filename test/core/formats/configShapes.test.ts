import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../../src/core/analyze';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures');
const analyzeFixture = (name: string) => analyze(fs.readFileSync(path.join(FIXTURES, name), 'utf8'), name);

describe('config shapes beyond the shared fixtures', () => {
  it('reads a Levanter config, taking the vocabulary from the tokenizer it names', () => {
    const analysis = analyzeFixture('levanter-llama2-7b.yaml');
    assert.equal(analysis.framework, 'levanter');
    assert.equal(analysis.model.architecture?.vocab.value, 32_000);
    assert.equal(analysis.parameters.total, 6_738_415_616);
    assert.equal(analysis.tokens, 250_000 * 1_024 * 4_096);
  });

  it('reads an inline LitGPT model_config as Pythia-160M', () => {
    const analysis = analyzeFixture('litgpt-pythia-160m.yaml');
    assert.equal(analysis.framework, 'litgpt');
    // Pythia-160M's published count: 2 × 50,304 × 768 embeddings + 12 × (12h² + 13h) + 2h.
    assert.equal(analysis.parameters.total, 162_322_944);
    assert.equal(analysis.tokens, 143_000 * 512 * 2_048);
  });

  it('reads a NeMo Llama-3-style model with GQA, RMSNorm, SwiGLU and a padded Llama 3 vocabulary', () => {
    const analysis = analyzeFixture('nemo-llama3-8b.yaml');
    assert.equal(analysis.framework, 'nemo');
    // 128,256 padded to a multiple of 128 × tensor-parallel 4 = 512: 128,512 rows.
    assert.equal(analysis.model.architecture?.vocab.value, 128_512);
    // Llama-3-8B's 8,030,261,248 plus 256 padding rows in both embedding and output layer.
    assert.equal(analysis.parameters.total, 8_030_261_248 + 2 * 256 * 4_096);
    assert.equal(analysis.tokens, 100_000 * 1_024 * 4_096);
  });

  it('reads a plain budget given in steps, with anchors, merge keys and an !include tag', () => {
    const analysis = analyzeFixture('plain-steps.yaml');
    assert.equal(analysis.framework, 'plain');
    assert.equal(analysis.parameters.total, 7e9);
    assert.equal(analysis.tokens, 500_000 * 1_024 * 4_096);
    assert.deepEqual(
      analysis.findings.filter((finding) => finding.severity !== 'information').map((finding) => finding.code),
      ['unsupported-tag'],
    );
  });
});
