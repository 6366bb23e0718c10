import assert from 'node:assert/strict';
import { analyzeExample, codes } from '../examples';

describe('LitGPT configs from Lightning-AI/litgpt config_hub', () => {
  it('ties the embeddings of pretrain/tinystories.yaml through train.tie_embeddings: 15,191,712 parameters', () => {
    const { analysis } = analyzeExample('litgpt/tinystories.yaml');
    assert.equal(analysis.framework, 'litgpt');
    assert.equal(analysis.model.architecture?.tied.value, true);
    assert.equal(analysis.parameters.total, 15_191_712);
    assert.equal(analysis.tokens, 9_700_000_000);
  });

  it('reads the base model of finetune/llama-2-7b/lora.yaml from checkpoint_dir and marks it a fine-tune', () => {
    const { analysis } = analyzeExample('litgpt/llama-2-7b-lora.yaml');
    assert.equal(analysis.framework, 'litgpt');
    assert.equal(analysis.parameters.total, 6_738_415_616);
    assert.equal(analysis.model.startsFrom?.model?.id, 'meta-llama/Llama-2-7b-hf');
    assert.ok(codes(analysis).includes('missing-dataset-size'));
  });

  it('counts 4 epochs of the LoRA fine-tune once the dataset size is given', () => {
    assert.equal(analyzeExample('litgpt/llama-2-7b-lora.yaml', { dataset_tokens: '1M' }).analysis.tokens, 4e6);
  });

  it('reads train.max_tokens of pretrain/microllama.yaml as 3T tokens', () => {
    assert.equal(analyzeExample('litgpt/microllama.yaml').analysis.tokens, 3e12);
  });
});
