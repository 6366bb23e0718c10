import assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';

describe('nanoGPT Python configs', () => {
  it("reads config/train_gpt2.py over train.py's defaults: GPT-2 124M on 600,000 × 40 × 12 × 1,024 tokens", () => {
    const text = 'batch_size = 12\nblock_size = 1024\ngradient_accumulation_steps = 5 * 8\nmax_iters = 600000\nlr_decay_iters = 600000\neval_interval = 1000\n';
    const analysis = analyze(text, '/nanoGPT/config/train_gpt2.py');
    assert.equal(analysis.framework, 'nanogpt');
    assert.equal(analysis.parameters.total, 124_475_904);
    assert.equal(analysis.tokens, 600_000 * 40 * 12 * 1024);
    assert.ok(analysis.findings.some((finding) => finding.code === 'assumed-value' && /n_layer 12/.test(finding.message)));
  });

  it('counts the shape a config writes, and names the GPT-2 checkpoint a fine-tune starts from instead of a shape', () => {
    const small = analyze(
      'n_layer = 6\nn_head = 6\nn_embd = 384\nblock_size = 256\nmax_iters = 5000\nbatch_size = 64\ngradient_accumulation_steps = 1\n',
      'c.py',
    );
    assert.equal(small.tokens, 5000 * 64 * 256);
    const gpt2 = analyze("init_from = 'gpt2-xl'\nmax_iters = 20\nbatch_size = 1\ngradient_accumulation_steps = 32\n", 'finetune_shakespeare.py');
    assert.notEqual(gpt2.parameters.total, 124_475_904);
  });
});
