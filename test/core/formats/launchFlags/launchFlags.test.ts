import assert from 'node:assert/strict';
import { analyze } from '../../../../src/core/analyze';
import type { Resources } from '../../../../src/core/resources/resources';

const HF_LLAMA = JSON.stringify({
  model_type: 'llama',
  hidden_size: 512,
  intermediate_size: 1376,
  num_hidden_layers: 8,
  num_attention_heads: 8,
  vocab_size: 32000,
});

describe('launch flags of programs no framework module knows', () => {
  it("reads llm.c's single letters as train_gpt2.cu's parser does: -e d12 a GPT-2 124M, -d the step in tokens, no -x one epoch", () => {
    const script = 'mpirun -np 8 ./train_gpt2cu -i "train_*.bin" -b 64 -t 1024 -d 524288 -e "d12"\n';
    const analysis = analyze(script, '/repo/scripts/run.sh', { facts: { dataset_tokens: 9_890_693_120 } });
    assert.equal(analysis.framework, 'launch-flags');
    assert.equal(analysis.parameters.total, 124_475_904);
    assert.equal(analysis.tokens, 9_890_693_120);
    const withSteps = analyze(script.replace('-e', '-x 1000 -e'), '/repo/scripts/run.sh');
    assert.equal(withSteps.tokens, 1000 * 524_288);
  });

  it('asks for the dataset size when llm.c runs one epoch and the size is not given', () => {
    const analysis = analyze('./train_gpt2cu -b 16 -t 1024 -e d12\n', '/repo/run.sh');
    assert.equal(analysis.tokens, null);
    assert.ok(analysis.findings.some((finding) => finding.code === 'missing-dataset-size'));
  });

  it("follows --model_config to a Hugging Face config found above the script, and takes torchrun_main.py's --max_length default", () => {
    const files: Record<string, string> = { '/repo/configs/llama_60m.json': HF_LLAMA };
    const resources: Resources = { file: (path) => files[path] ?? null, modelConfig: () => null };
    const script =
      'torchrun --standalone --nproc_per_node 1 torchrun_main.py --model_config configs/llama_60m.json --batch_size 256 --total_batch_size 512 --num_training_steps 10000\n';
    const analysis = analyze(script, '/repo/scripts/benchmark_c4/llama_60m.sh', { resources });
    assert.equal(analysis.parameters.total, 58_073_600);
    assert.equal(analysis.tokens, 10_000 * 512 * 256);
    assert.ok(analysis.findings.some((finding) => finding.code === 'assumed-value' && /max_length 256/.test(finding.message)));
  });

  it('says where it looked when the model config file is not there', () => {
    const resources: Resources = { file: () => null, modelConfig: () => null };
    const analysis = analyze('python torchrun_main.py --model_config configs/nope.json --total_batch_size 512\n', '/repo/run.sh', { resources });
    const missing = analysis.findings.find((finding) => finding.code === 'missing-file');
    assert.match(missing!.message, /not found beside the script or in the 4 folders above it/);
    assert.equal(missing!.severity, 'information');
  });

  it("reads EasyLM's preset flag and dataset batch: OpenLLaMA 7B on 1T tokens", () => {
    const script = [
      'python -m EasyLM.models.llama.llama_train \\',
      "    --total_steps=250000 --load_llama_config='7b' \\",
      '    --optimizer.adamw_optimizer.lr_decay_steps=250000 \\',
      '    --train_dataset.json_dataset.seq_length=2048 \\',
      '    --train_dataset.json_dataset.batch_size=2048',
    ].join('\n');
    const analysis = analyze(script, '/repo/pretrain.sh');
    assert.equal(analysis.parameters.total, 6_738_415_616);
    assert.equal(analysis.tokens, 250_000 * 2048 * 2048);
  });

  it('reads a program it has no table for by the generic key names', () => {
    const analysis = analyze(
      'torchrun --nproc_per_node 8 train.py --n_layer 12 --n_head 12 --n_embd 768 --max_iters 1000 --batch_size 8 --block_size 1024\n',
      '/repo/go.sh',
    );
    assert.equal(analysis.framework, 'launch-flags');
    assert.ok(analysis.parameters.total! > 100e6);
    assert.equal(analysis.tokens, 1000 * 8 * 8 * 1024);
  });
});
