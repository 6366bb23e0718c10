import assert from 'node:assert/strict';
import { splitFraction } from '../../../../src/core/formats/torchtune/torchtune';
import { analyzeExample, codes } from '../examples';

describe('torchtune recipe configs', () => {
  it('counts llama3_1_8b at 8,030,261,248 parameters and fine-tunes Llama 3.1 8B', () => {
    const { analysis } = analyzeExample('torchtune/llama3_1-8B_full.yaml');
    assert.equal(analysis.framework, 'torchtune');
    assert.equal(analysis.parameters.total, 8_030_261_248);
    assert.equal(analysis.model.startsFrom?.model?.id, 'meta-llama/Llama-3.1-8B');
  });

  it('needs the dataset size for an epoch-based recipe', () => {
    const { analysis } = analyzeExample('torchtune/llama3_1-8B_full.yaml');
    assert.equal(analysis.tokens, null);
    assert.deepEqual(codes(analysis), ['missing-dataset-size']);
  });

  it('applies the split slice train[:95%] to the dataset size', () => {
    const { analysis } = analyzeExample('torchtune/llama3_1-8B_full.yaml', { dataset_tokens: 10_000_000 });
    assert.equal(analysis.tokens, 9_500_000);
    assert.ok(codes(analysis).includes('fine-tuning-cumulative'));
  });

  it('counts qwen2_0_5b with q/k/v biases and tied embeddings at 494,032,768 parameters', () => {
    assert.equal(analyzeExample('torchtune/qwen2-0.5B_full.yaml').analysis.parameters.total, 494_032_768);
  });

  it('counts gemma_2b (tied, multi-query) at 2,506,172,416 parameters', () => {
    assert.equal(analyzeExample('torchtune/gemma-2B_full.yaml').analysis.parameters.total, 2_506_172_416);
  });

  it('counts the base model of lora_llama3_2_1b (tied) at 1,235,814,400 parameters', () => {
    assert.equal(analyzeExample('torchtune/llama3_2-1B_lora_single_device.yaml').analysis.parameters.total, 1_235_814_400);
  });

  it('reads dataset split slices', () => {
    assert.equal(splitFraction('train[:95%]'), 0.95);
    assert.equal(splitFraction('train[95%:]'), 0.05);
    assert.equal(splitFraction('train[10%:20%]'), 0.1);
    assert.equal(splitFraction('train'), undefined);
    assert.equal(splitFraction('train[:1000]'), undefined);
  });
});
