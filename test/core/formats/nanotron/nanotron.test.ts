import assert from 'node:assert/strict';
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
});
