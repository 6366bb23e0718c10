import assert from 'node:assert/strict';
import { analyze } from '../../../../src/core/analyze';
import { analyzeExample } from '../examples';

describe('llm-foundry configs from mosaicml/llm-foundry', () => {
  it('counts pretrain/mpt-125m.yaml with MPTConfig defaults (biases, learned positions): 125,311,488', () => {
    const { analysis } = analyzeExample('llm-foundry/mpt-125m.yaml');
    assert.equal(analysis.framework, 'llm-foundry');
    assert.equal(analysis.model.architecture?.learnedPositions?.value, 2_048);
    assert.equal(analysis.parameters.total, 125_311_488);
    assert.equal(analysis.tokens, 4_800 * 256 * 2_048);
  });

  it('gives the published MPT-7B 6,649,024,512 when the file sets no_bias and ALiBi', () => {
    const text = [
      'model:',
      '  name: mpt_causal_lm',
      '  d_model: 4096',
      '  n_heads: 32',
      '  n_layers: 32',
      '  expansion_ratio: 4',
      '  max_seq_len: 2048',
      '  vocab_size: 50368',
      '  no_bias: true',
      '  attn_config:',
      '    alibi: true',
      'max_duration: 63900ba',
      'global_train_batch_size: 1024',
      '',
    ].join('\n');
    assert.equal(analyze(text, 'mpt-7b.yaml').parameters.total, 6_649_024_512);
  });

  it('reads an hf_causal_lm by its pretrained_model_name_or_path and counts fine-tuning on top of it', () => {
    const { analysis } = analyzeExample('llm-foundry/llama-3-8b_domain_adapt.yaml');
    assert.equal(analysis.framework, 'llm-foundry');
    assert.equal(analysis.parameters.total, 8_030_261_248);
    assert.equal(analysis.model.startsFrom?.model?.id, 'meta-llama/Meta-Llama-3-8B');
    assert.equal(analysis.tokens, 3_195 * 1_024 * 4_096);
  });

  it('resolves ${variables.model_name} and treats pretrained: false as training from scratch', () => {
    const { analysis } = analyzeExample('llm-foundry/hf-llama-3.1-8B.yaml', { parameters: '8B' });
    assert.equal(analysis.framework, 'llm-foundry');
    assert.equal(analysis.model.startsFrom?.model, undefined);
    assert.equal(analysis.tokens, 50 * 8 * 2_048);
  });
});
