import assert from 'node:assert/strict';
import { analyze } from '../../../../src/core/analyze';
import { analyzeExample } from '../examples';

describe('nanotron configs', () => {
  it('counts the tiny Llama example at 2,420,754,432 parameters and 98,304,000 tokens', () => {
    const { analysis } = analyzeExample('nanotron/config_tiny_llama.yaml');
    assert.equal(analysis.framework, 'nanotron');
    assert.equal(analysis.parameters.total, 2_420_754_432);
    assert.equal(analysis.tokens, 2_000 * 3 * 1 * 4 * 4_096);
  });

  it('counts SmolLM2-135M at its published 134,515,008 parameters over about 2T tokens', () => {
    const { analysis } = analyzeExample('nanotron/config_smollm2_135M.yaml');
    assert.equal(analysis.parameters.total, 134_515_008);
    assert.equal(analysis.tokens, 2_000_000 * 8 * 1 * 64 * 2_048);
  });

  it('counts SmolLM2-1.7B at its published 1,711,376,384 parameters over about 11T tokens', () => {
    const { analysis } = analyzeExample('nanotron/config_smollm2_1B.yaml');
    assert.equal(analysis.parameters.total, 1_711_376_384);
    assert.equal(analysis.tokens, 5_240_000 * 4 * 1 * 256 * 2_048);
  });

  it('counts SmolLM-360M at its published 361,821,120 parameters with accumulation 2', () => {
    const { analysis } = analyzeExample('nanotron/config_smollm1_360M.yaml');
    assert.equal(analysis.parameters.total, 361_821_120);
    assert.equal(analysis.tokens, 600_000 * 8 * 2 * 32 * 2_048);
  });

  it('counts config_qwen_with_moe.yaml as a mixture of experts: 191,726,848 total, 100,893,952 active', () => {
    // Every layer (layers: [-1]): 8 experts of 3 × 256 × 1408 (MoEConfig default width), top-1, an 8 × 256 router,
    // the shared expert 3 × 256 × 5632 (default) with its 256-wide gate, attention 4 × 256², 2 norms = 13,241,088.
    const { analysis } = analyzeExample('nanotron/config_qwen_with_moe.yaml');
    assert.equal(analysis.parameters.total, 13_241_088 * 12 + 128_256 * 256 + 256);
    assert.equal(analysis.parameters.active, (13_241_088 - 7 * 3 * 256 * 1408) * 12 + 128_256 * 256 + 256);
    assert.equal(analysis.tokens, 32_000 * 3 * 1 * 2 * 4_096);
    assert.ok(!analysis.findings.some((finding) => /dense model/.test(finding.message)));
  });

  it('puts experts only on the layers moe_config.layers lists', () => {
    const { text } = analyzeExample('nanotron/config_qwen_with_moe.yaml');
    const listed = text.replace('      top_k: 1\n', '      top_k: 1\n      layers: [0, 5]\n');
    assert.notEqual(listed, text);
    const analysis = analyze(listed, 'config_qwen_with_moe.yaml');
    // Ten layers keep the dense MLP of intermediate_size 768 instead of the MoE block.
    const moeBlock = 8 * 3 * 256 * 1408 + 8 * 256 + 3 * 256 * 5632 + 256;
    assert.equal(analysis.parameters.total, 191_726_848 - 10 * (moeBlock - 3 * 256 * 768));
  });
});
