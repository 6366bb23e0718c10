import assert from 'node:assert/strict';
import { analyze } from '../../../../src/core/analyze';
import { analyzeExample, codes } from '../examples';

describe('Levanter configs from stanford-crfm/levanter', () => {
  it('follows data: !include to the GPT-2 tokenizer and counts gpt2_small.yaml as GPT-2: 124,439,808', () => {
    const { analysis } = analyzeExample('levanter/gpt2_small.yaml');
    assert.equal(analysis.framework, 'levanter');
    assert.equal(analysis.model.architecture?.vocab.value, 50_257);
    assert.equal(analysis.parameters.total, 124_439_808);
    assert.ok(!codes(analysis).includes('unsupported-tag'));
    assert.ok(!codes(analysis).includes('missing-file'));
  });

  it('uses the trainer default of 400,000 steps: 400,000 × 512 × 1,024 tokens', () => {
    const { analysis } = analyzeExample('levanter/gpt2_small.yaml');
    assert.equal(analysis.tokens, 400_000 * 512 * 1_024);
  });

  it('reads model: {type: mistral} alone as Mistral-7B from MistralConfig defaults: 7,241,732,096', () => {
    const { analysis } = analyzeExample('levanter/mistral_7b.yaml');
    assert.equal(analysis.parameters.total, 7_241_732_096);
    assert.equal(analysis.tokens, 1_000 * 256 * 8_192);
  });

  it('reads model: {type: mixtral} alone as Mixtral-8x7B from MixtralConfig defaults: 46,702,792,704 total, 12,879,925,248 active', () => {
    // 8 experts of 3 × 4096 × 14336 per layer, top-2, a 4096 × 8 router; Mistral-7B's attention and 32,000-token vocabulary.
    const { analysis } = analyzeExample('levanter/mixtral_8x7b.yaml');
    assert.equal(analysis.parameters.total, 46_702_792_704);
    assert.equal(analysis.parameters.active, 12_879_925_248);
    assert.equal(analysis.tokens, 1_000 * 256 * 8_192);
  });

  it('gives a Levanter mixtral with n_shared_experts one shared MLP of intermediate_dim, as MixtralDecoderLayer builds it', () => {
    const text = (shared: number) =>
      `model:\n  type: mixtral\n  num_layers: 2\n  hidden_dim: 64\n  intermediate_dim: 128\n  num_heads: 4\n  num_kv_heads: 4\n  n_shared_experts: ${shared}\n  vocab_size: 100\ntrainer:\n  num_train_steps: 10\n`;
    const without = analyze(text(0), 'mixtral.yaml').parameters.total!;
    assert.equal(analyze(text(2), 'mixtral.yaml').parameters.total! - without, 2 * 3 * 64 * 128);
  });

  it('counts llama_small_fast.yaml at 134,105,856 parameters and 20,000 × 256 × 1,024 tokens', () => {
    const { analysis } = analyzeExample('levanter/llama_small_fast.yaml');
    assert.equal(analysis.parameters.total, 134_105_856);
    assert.equal(analysis.tokens, 20_000 * 256 * 1_024);
  });

  it('gives gpt2_nano.yaml the default GPT-2 tokenizer and seq_len: 1,666,464 parameters', () => {
    const { analysis } = analyzeExample('levanter/gpt2_nano.yaml');
    assert.equal(analysis.parameters.total, 1_666_464);
    assert.equal(analysis.tokens, 100 * 32 * 1_024);
  });

  it('reads a batch schedule (gpt2_small_fast_batch_schedule.yaml) as the sequences of each stage: 5,054,136,320 tokens', () => {
    // 64×64 + (256−64)×128 + (1024−256)×64 + (20000−1024)×256 = 4,935,680 sequences × 1,024 tokens.
    const { analysis } = analyzeExample('levanter/gpt2_small_fast_batch_schedule.yaml');
    assert.equal(analysis.parameters.total, 124_439_808);
    assert.equal(analysis.tokens, 5_054_136_320);
    assert.deepEqual(
      codes(analysis).filter((code) => code === 'invalid-number'),
      [],
    );
  });

  it('reads lora_llama2.yaml as a LoRA run on the Hub model it initialises from, with train_batch_size -1 asking for the devices', () => {
    const { analysis } = analyzeExample('levanter/lora_llama2.yaml');
    assert.equal(analysis.parameters.total, 6_738_415_616);
    assert.ok(codes(analysis).includes('missing-data-parallel'));
    assert.ok(!codes(analysis).includes('negative-value'));
    // per_device_parallelism 4 × 8 devices = 32 sequences of max_train_length 2,048, for 5,000 steps.
    assert.equal(analyzeExample('levanter/lora_llama2.yaml', { gpus: 8 }).analysis.tokens, 5000 * 32 * 2048);
  });
});
