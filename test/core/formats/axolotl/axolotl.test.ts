import assert from 'node:assert/strict';
import { splitShare } from '../../../../src/core/formats/axolotl/axolotl';
import { analyzeExample } from '../examples';

describe('Axolotl configs from axolotl-ai-cloud/axolotl examples', () => {
  it('counts max_steps × micro_batch_size × gradient_accumulation_steps × data-parallel × sequence_len', () => {
    const { analysis } = analyzeExample('axolotl/tiny-llama-pretrain.yml', { gpus: 8 });
    assert.equal(analysis.framework, 'axolotl');
    assert.equal(analysis.tokens, 200 * 2 * 4 * 8 * 2_048);
  });

  it('holds val_set_size 0.1 out of one epoch of llama-3/lora-1b.yml', () => {
    const { analysis } = analyzeExample('axolotl/llama-3-lora-1b.yml', { dataset_tokens: '100M' });
    assert.equal(analysis.tokens, 90e6);
  });

  it('keeps 20% of the dataset for split train[:20%] and holds 5% of that out', () => {
    const { analysis } = analyzeExample('axolotl/lfm2-350m-fft.yaml', { dataset_tokens: '100M' });
    assert.equal(analysis.tokens, 100e6 * 0.2 * 0.95);
  });

  it('finds Mistral-7B for mistral/lora.yml and marks it fine-tuned', () => {
    const { analysis } = analyzeExample('axolotl/mistral-lora.yml');
    assert.equal(analysis.parameters.total, 7_241_732_096);
    assert.equal(analysis.model.startsFrom?.model?.id, 'mistralai/Mistral-7B-v0.1');
  });

  it('reads split slices as shares of the dataset', () => {
    assert.equal(splitShare('train'), 1);
    assert.equal(splitShare('train[:20%]'), 0.2);
    assert.equal(splitShare('train[10%:30%]')!.toFixed(6), '0.200000');
    assert.equal(splitShare('train[:100]'), undefined);
  });

  it("does not take Axolotl's tokens: list (special tokens to add) for a training length", () => {
    const { analysis } = analyzeExample('axolotl/mixtral_22.yml');
    assert.equal(analysis.parameters.total, 140_630_071_296);
    assert.ok(!analysis.findings.some((finding) => finding.severity === 'error'), analysis.findings.map((finding) => finding.code).join(', '));
  });
});
