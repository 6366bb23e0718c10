import assert from 'node:assert/strict';
import { analyze } from '../../../../src/core/analyze';

/** A Trainer launch line after `launcher`: Llama-2-7B (in the catalog), 1,000 steps of 4 × 2,048 tokens per device. */
const line = (launcher: string, flags = '') =>
  `${launcher} train.py --model_name_or_path meta-llama/Llama-2-7b-hf --max_steps 1000 --per_device_train_batch_size 4 --max_seq_length 2048${flags}\n`;
const PER_PROCESS = 1000 * 4 * 2048;

describe('Hugging Face Trainer flags on a launch line', () => {
  it('takes the world size from torchrun: --nproc_per_node × --nnodes processes, each with its own batch', () => {
    const analysis = analyze(line('torchrun --nproc_per_node 8 --nnodes 2', ' --gradient_accumulation_steps 8'), '/repo/run.sh');
    assert.equal(analysis.framework, 'hf-trainer');
    assert.equal(analysis.parameters.total, 6_738_415_616);
    assert.equal(analysis.tokens, PER_PROCESS * 8 * 16);
  });

  it("counts accelerate's --num_processes as the total over all machines, not per machine", () => {
    assert.equal(analyze(line('accelerate launch --num_processes 8 --num_machines 2'), '/repo/run.sh').tokens, PER_PROCESS * 8);
  });

  it('gives deepspeed the GPUs CUDA_VISIBLE_DEVICES shows on one node, and none when several nodes ignore it', () => {
    assert.equal(analyze(`export CUDA_VISIBLE_DEVICES=0,1,2,3\n${line('deepspeed')}`, '/repo/run.sh').tokens, PER_PROCESS * 4);
    assert.equal(analyze(line('deepspeed --include localhost:0,1'), '/repo/run.sh').tokens, PER_PROCESS * 2);
    const multiNode = analyze(`export CUDA_VISIBLE_DEVICES=0,1,2,3\n${line('deepspeed --num_nodes 2')}`, '/repo/run.sh');
    assert.equal(multiNode.tokens, null);
    assert.ok(multiNode.findings.some((finding) => finding.code === 'missing-data-parallel'));
  });

  it('multiplies the batch by the GPUs a plain python process sees (DataParallel), and asks when it sees an unknown number', () => {
    assert.equal(analyze(line('CUDA_VISIBLE_DEVICES=0,1 python'), '/repo/run.sh').tokens, PER_PROCESS * 2);
    assert.ok(analyze(line('python'), '/repo/run.sh').findings.some((finding) => finding.code === 'missing-data-parallel'));
  });

  it("takes ms-swift's NPROC_PER_NODE × NNODES, and not the visible GPUs its single process spreads the model over", () => {
    const swift = (variables: string) =>
      analyze(`${variables} swift sft --model Qwen/Qwen2.5-7B --max_steps 100 --per_device_train_batch_size 1 --max_length 2048\n`, '/repo/sft.sh');
    assert.equal(swift('NPROC_PER_NODE=8 NNODES=2 CUDA_VISIBLE_DEVICES=0,1,2,3,4,5,6,7').tokens, 100 * 8 * 2 * 2048);
    assert.ok(swift('CUDA_VISIBLE_DEVICES=0,1').findings.some((finding) => finding.code === 'missing-data-parallel'));
  });

  it('leaves the world size unknown when --nproc_per_node comes from a variable the script never sets', () => {
    const analysis = analyze(line('torchrun --nproc_per_node $GPUS'), '/repo/run.sh');
    assert.equal(analysis.tokens, null);
    assert.ok(analysis.findings.some((finding) => finding.code === 'missing-data-parallel'));
  });

  it("follows a job launcher's command after -- past an escaped && (open-instruct's mason.py) to the training program and its launcher", () => {
    const script = [
      'python mason.py --cluster ai2/jupiter --num_nodes 4 --gpus 8 -- source setup.sh \\&\\& accelerate launch \\',
      '    --num_processes 8 --use_deepspeed open_instruct/dpo_tune_cache.py \\',
      '    --model_name_or_path meta-llama/Llama-2-7b-hf --max_seq_length 2048 --per_device_train_batch_size 1 \\',
      '    --gradient_accumulation_steps 4 --max_steps 100 --beta 5',
      '',
    ].join('\n');
    const analysis = analyze(script, '/repo/scripts/dpo.sh');
    assert.equal(analysis.framework, 'hf-trainer');
    assert.equal(analysis.fineTune?.trainer, 'dpo');
    assert.equal(analysis.tokens, 100 * 1 * 4 * 8 * 2048);
  });

  it('reads the trainer from the name of the script launched (grpo_fast.py), before a beta that DPO also has', () => {
    const script = 'python open_instruct/grpo_fast.py --model_name_or_path Qwen/Qwen2.5-7B --beta 0.0 --per_device_train_batch_size 1 --num_epochs 1\n';
    assert.equal(analyze(script, '/repo/run.sh').fineTune?.trainer, 'grpo');
  });

  it('reads a quoted "</answer>" as a flag value, not as a redirection that ends the flags', () => {
    const script = 'python open_instruct/grpo_fast.py --stop_strings "</answer>" --model_name_or_path Qwen/Qwen2.5-7B --per_device_train_batch_size 1\n';
    const analysis = analyze(script, '/repo/run.sh');
    assert.equal(analysis.parameters.total !== null && analysis.parameters.total > 7e9, true);
  });

  it("reads llamafactory-cli's flags as a LLaMA-Factory recipe", () => {
    const script =
      'llamafactory-cli train --model_name_or_path meta-llama/Llama-2-7b-hf --stage sft --finetuning_type lora --per_device_train_batch_size 1 --max_steps 10 --cutoff_len 1024\n';
    const analysis = analyze(script, '/repo/run.sh');
    assert.equal(analysis.framework, 'hf-trainer');
    assert.equal(analysis.fineTune?.trainer, 'sft');
  });
});
