import assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';
import { codes } from './examples';

describe('The generic reader (configs of trainers no module knows)', () => {
  // lingua's apps/main/configs layout: model.dim / n_layers / n_heads, data.batch_size per GPU.
  const lingua = [
    'name: "1b_baseline"',
    'steps: 60_000',
    'model:',
    '  dim: 2048',
    '  n_layers: 25',
    '  n_heads: 16',
    'data:',
    '  batch_size: 4',
    '  seq_len: 4096',
    '',
  ].join('\n');

  it('reads a model by key synonyms and names every key it read and every assumption', () => {
    const analysis = analyze(lingua, 'llama_1B.yaml', { facts: { gpus: 256, vocab: 128_256 } });
    assert.equal(analysis.framework, 'generic');
    // Llama's rule: int(8 · 2048 / 3) = 5461, up to a multiple of 256 = 5632; RMSNorm, no bias, untied.
    // 25 × (4 · 2048² + 3 · 2048 · 5632 + 2 · 2048) + 2 · 128,256 · 2048 + 2048.
    assert.equal(analysis.parameters.total, 1_809_946_624);
    const note = analysis.findings.find((finding) => finding.code === 'assumed-value' && /Read by key names/.test(finding.message))!;
    assert.match(note.message, /hidden size from `dim`, layers from `n_layers`, heads from `n_heads`/);
    assert.match(note.message, /Assumed a Llama-style block/);
    assert.equal(lingua.slice(note.span.start, note.span.end), 'dim');
  });

  it('reads a bare batch_size as the batch of one device and says so once the GPU count is given', () => {
    const given = analyze(lingua, 'llama_1B.yaml', { facts: { gpus: 256, vocab: 128_256 } });
    assert.equal(given.tokens, 60_000 * 4 * 256 * 4_096);
    assert.ok(given.findings.some((finding) => /batch_size read as the batch of one device/.test(finding.message)));
    const missing = analyze(lingua, 'llama_1B.yaml');
    assert.equal(missing.tokens, null);
    assert.ok(codes(missing).includes('missing-data-parallel'), 'asks for the GPU count');
    assert.ok(codes(missing).includes('missing-architecture'), 'names the vocabulary it lacks');
  });

  it('takes a GPT-2-style block from nanoGPT key names: learned positions, biases, tied embeddings, 4h GeLU', () => {
    const analysis = analyze('n_layer: 12\nn_head: 12\nn_embd: 768\nblock_size: 1024\nvocab_size: 50304\nmax_iters: 600000\n', 'gpt2.yaml');
    // 12 × (12h² + 13h) + 50,304h + 1,024h + 2h.
    assert.equal(analysis.parameters.total, 124_475_904);
  });

  it('leaves a file with no training keys alone', () => {
    const analysis = analyze('image_size: 224\ndepth: 12\nheads: 12\ndim: 768\n', 'vit.yaml');
    assert.equal(analysis.framework, 'unknown');
    assert.deepEqual(analysis.findings, []);
  });
});

describe('Never silent', () => {
  it('says what a recognised config lacks when it yields no model size (a Composer run naming no model)', () => {
    const text = 'model:\n  name: hf_causal_lm\n  init_device: cpu\nmax_duration: 800ba\nglobal_train_batch_size: 32\nmax_seq_len: 4096\n';
    const analysis = analyze(text, 'run.yaml');
    assert.equal(analysis.framework, 'llm-foundry');
    const finding = analysis.findings.find((each) => each.code === 'missing-architecture')!;
    assert.match(finding.message, /found the training length \(104,857,600 tokens\), but not the model's size/);
  });

  it('names the flags of a launch script whose program the reader does not follow', () => {
    const analysis = analyze(
      'torchrun --nproc_per_node 1 main.py \\\n  --batch_size 256 \\\n  --total_batch_size 512 \\\n  --num_training_steps 10000\n',
      'run.sh',
    );
    const finding = analysis.findings.find((each) => each.code === 'unsupported-format')!;
    assert.match(finding.message, /--batch_size, --total_batch_size, --num_training_steps/);
  });

  it('names the program and the model and length flags of a launch no reader follows (a BERT fine-tune)', () => {
    const script = 'deepspeed nvidia_run_squad_deepspeed.py --bert_model bert-large-uncased --do_train --num_train_epochs 2 --learning_rate 3e-5\n';
    const finding = analyze(script, 'run_squad.sh').findings.find((each) => each.code === 'unsupported-format')!;
    assert.match(finding.message, /runs nvidia_run_squad_deepspeed\.py under deepspeed and sets bert_model, num_train_epochs/);
  });

  it('says what a config no reader recognises sets when it names a model shape or a model and a length', () => {
    const speech = analyze('model:\n  encoder:\n    d_model: ${model.width}\ntrainer:\n  max_steps: -1\n  max_epochs: 100\n', 'citrinet.yaml');
    assert.match(speech.findings.find((each) => each.code === 'missing-architecture')!.message, /it sets `d_model`, `max_epochs`, `max_steps`/);
    const named = analyze('policy:\n  model_name: org/unreleased-30B\n  lora:\n    dim: 256\n', 'grpo.yaml');
    assert.ok(named.findings.some((each) => each.code === 'missing-architecture'));
  });

  it('still explains a missing size when the only findings are warnings on flags read by their names (an evaluation harness)', () => {
    const script = 'python tasks/eval_harness/evaluate.py --num-layers -1 --hidden-size -1 --num-attention-heads -1 --micro-batch-size 4\n';
    const analysis = analyze(script, 'eval.sh');
    assert.ok(analysis.findings.some((each) => each.code === 'missing-architecture'));
    assert.ok(analysis.findings.every((each) => each.severity !== 'error'));
  });

  it('gives a shell script that trains nothing no diagnostic', () => {
    assert.deepEqual(analyze('#!/bin/bash\nmpirun -np 8 ./server --port 8080\n', 'serve.sh').findings, []);
  });
});

describe('No false alarms', () => {
  it("accepts Qwen3-MoE's shared_expert_intermediate_size: 0, which transformers never reads", () => {
    // Keys and values of Qwen/Qwen3-30B-A3B's config.json (published 30.5B total, 3.3B active).
    const config = JSON.stringify({
      architectures: ['Qwen3MoeForCausalLM'],
      model_type: 'qwen3_moe',
      hidden_size: 2048,
      intermediate_size: 6144,
      moe_intermediate_size: 768,
      num_experts: 128,
      num_experts_per_tok: 8,
      num_hidden_layers: 48,
      num_attention_heads: 32,
      num_key_value_heads: 4,
      head_dim: 128,
      vocab_size: 151936,
      tie_word_embeddings: false,
      shared_expert_intermediate_size: 0,
      decoder_sparse_step: 1,
      mlp_only_layers: [],
    });
    const analysis = analyze(config, 'config.json');
    assert.ok(!analysis.findings.some((finding) => finding.severity === 'error'));
    assert.equal(analysis.parameters.total, 30_532_122_624);
    assert.equal(analysis.parameters.active, 3_353_032_704);
  });
});
