import assert from 'node:assert/strict';
import { analyzeExample } from '../examples';

describe('GPT-NeoX configs from EleutherAI/gpt-neox', () => {
  it('reads configs/pythia/160M.yml, written with underscores, as Pythia-160M: 162,322,944 parameters', () => {
    const { analysis } = analyzeExample('gpt-neox/pythia-160M.yml');
    assert.equal(analysis.framework, 'gpt-neox');
    assert.equal(analysis.model.architecture?.vocab.value, 50_304);
    assert.equal(analysis.parameters.total, 162_322_944);
  });

  it('counts Pythia-160M at 143,000 steps × 32 micro-batch × 32 GPUs × 2,048 tokens = 299,892,736,000', () => {
    assert.equal(analyzeExample('gpt-neox/pythia-160M.yml', { gpus: 32 }).analysis.tokens, 299_892_736_000);
  });

  it('reads the model-only configs/llama/7B.yml: swiglu intermediate_size 32768 is 11,008 per branch', () => {
    const { analysis } = analyzeExample('gpt-neox/llama-7B.yml');
    assert.equal(analysis.framework, 'gpt-neox');
    assert.equal(analysis.model.architecture?.ffn.value, 11_008);
    assert.equal(analysis.model.architecture?.norm, 'rms');
    assert.equal(analysis.model.architecture?.attentionBias, 'none');
    assert.equal(analysis.model.architecture?.mlpBias, false);
  });

  it('gives Llama-7B its published 6,738,415,616 parameters once the vocabulary fact says 32,000', () => {
    assert.equal(analyzeExample('gpt-neox/llama-7B.yml', { vocab: 32_000 }).analysis.parameters.total, 6_738_415_616);
    assert.equal(analyzeExample('gpt-neox/llama-7B.yml', { vocab: 'llama-2' }).analysis.parameters.total, 6_738_415_616);
  });

  it('counts configs/llama2/70B.yml with the MLP biases NeoX builds when use_bias_in_mlp is left at true', () => {
    const { analysis } = analyzeExample('gpt-neox/llama2-70B.yml', { vocab: 32_000 });
    assert.equal(analysis.model.architecture?.ffn.value, 28_672);
    // Llama-2-70B's 68,976,648,192 plus 80 layers × (2 × 28,672 + 8,192) MLP biases.
    assert.equal(analysis.parameters.total, 68_976_648_192 + 80 * (2 * 28_672 + 8_192));
  });

  it('counts configs/125M-dmoe.yml as 8 experts, top-1: 558,712,320 total and 162,350,592 active', () => {
    const { analysis } = analyzeExample('gpt-neox/125M-dmoe.yml');
    assert.equal(analysis.framework, 'gpt-neox');
    assert.equal(analysis.model.architecture?.moe?.experts.value, 8);
    assert.equal(analysis.model.architecture?.moe?.topK.value, 1);
    assert.equal(analysis.parameters.total, 558_712_320);
    assert.equal(analysis.parameters.active, 162_350_592);
  });

  it('keeps the MoE active share when a parameters fact states the total', () => {
    const { analysis } = analyzeExample('gpt-neox/125M-dmoe.yml', { parameters: 1_117_424_640 });
    assert.equal(analysis.parameters.total, 1_117_424_640);
    assert.equal(analysis.parameters.active, 2 * 162_350_592);
  });

  it('takes active_parameters as stated', () => {
    const { analysis } = analyzeExample('gpt-neox/125M-dmoe.yml', { active_parameters: '150M' });
    assert.equal(analysis.parameters.total, 558_712_320);
    assert.equal(analysis.parameters.active, 150e6);
  });

  it('reads pipe-parallel-size 0 (Pythia-14M) as no pipeline, not as an error', () => {
    const { analysis } = analyzeExample('gpt-neox/pythia-14M.yml', { gpus: 32 });
    assert.equal(analysis.parameters.total, 14_067_712);
    assert.equal(analysis.tokens, 299_892_736_000);
    assert.ok(!analysis.findings.some((finding) => finding.severity === 'error'), analysis.findings.map((finding) => finding.code).join(', '));
  });
});
