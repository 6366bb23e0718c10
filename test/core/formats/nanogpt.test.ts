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

  it("leaves a character-level run's vocabulary unknown, naming data/<dataset>/meta.pkl and the vocab_size fact, and counts it once given", () => {
    // karpathy/nanoGPT@3adf61e154c3fe3fca428ad6bc3818b27a3b8291:config/train_shakespeare_char.py (its numbers).
    const text =
      "dataset = 'shakespeare_char'\ngradient_accumulation_steps = 1\nbatch_size = 64\nblock_size = 256\nn_layer = 6\nn_head = 6\nn_embd = 384\nmax_iters = 5000\n";
    const analysis = analyze(text, '/nanoGPT/config/train_shakespeare_char.py');
    assert.equal(analysis.parameters.total, null);
    assert.equal(analysis.tokens, 5000 * 64 * 256);
    const missing = analysis.findings.filter((finding) => finding.code === 'missing-architecture');
    assert.equal(missing.length, 1);
    assert.match(missing[0].message, /data\/shakespeare_char\/meta\.pkl.*vocab_size=/);
    // 65 characters: 6 × (12·384² + 13·384) + 65·384 + 256·384 + 2·384 (GPT-2 with biases, tied embeddings).
    const given = analyze(`${text}# compute-budget: vocab_size=65\n`, '/nanoGPT/config/train_shakespeare_char.py');
    assert.equal(given.parameters.total, 6 * (12 * 384 * 384 + 13 * 384) + 65 * 384 + 256 * 384 + 2 * 384);
  });
});
