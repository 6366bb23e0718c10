import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../../src/core/analyze';

const recipe = (name: string) => readFileSync(join(__dirname, '..', '..', '..', '..', '..', 'test', 'examples', 'fine-tune', name), 'utf8');
const codes = (analysis: ReturnType<typeof analyze>): string[] => analysis.findings.map((finding) => finding.code);
/** Pre-training advice a fine-tune must never get. */
const PRETRAINING = ['under-trained', 'overtrained-diminishing', 'overtrained-negligible'];

describe('real fine-tuning recipes', () => {
  it('reads alignment-handbook’s LoRA SFT: max_steps -1 trains by epochs, r=64 on q, k, v, o of Mistral-7B', () => {
    const analysis = analyze(`# compute-budget: dataset_tokens=1M\n${recipe('zephyr-sft-lora.yaml')}`, 'zephyr-sft-lora.yaml');
    assert.ok(!analysis.findings.some((finding) => finding.severity === 'error'), codes(analysis).join(', '));
    assert.equal(analysis.fineTune?.trainer, 'sft');
    assert.equal(analysis.fineTune?.method, 'lora');
    // 64·(4096+4096) q + 64·(4096+1024) k and v + 64·(4096+4096) o, × 32 layers.
    assert.equal(analysis.adapter?.trainable, 64 * 32 * (8192 + 5120 + 5120 + 8192));
    assert.equal(analysis.tokens, 1e6);
    assert.equal(analysis.flops, (4 * analysis.parameters.active! + 2 * 54_525_952) * 1e6);
    assert.equal(analysis.band, null);
    assert.deepEqual(analysis.loss, []);
  });

  it('reads alignment-handbook’s full DPO with the reference model’s forward', () => {
    const analysis = analyze(`# compute-budget: dataset_tokens=100M parameters=7.24B\n${recipe('zephyr-dpo-full.yaml')}`, 'zephyr-dpo-full.yaml');
    assert.equal(analysis.fineTune?.trainer, 'dpo');
    assert.equal(analysis.fineTune?.method, 'full');
    assert.equal(analysis.flops, (6 + 2) * 7.24e9 * 100e6);
    // The base is unknown: 5.8e18 FLOP is below a third of even 10²³, the guidelines' lower fallback.
    assert.equal(analysis.fineTune?.modifierTest, 'below-one-third');
  });

  it('reads LLaMA-Factory’s LoRA DPO of Llama-3-8B-Instruct as DPO, never as pretraining', () => {
    const analysis = analyze(`# compute-budget: dataset_tokens=1M\n${recipe('llama-factory-llama3-lora-dpo.yaml')}`, 'llama3_lora_dpo.yaml');
    assert.equal(analysis.framework, 'hf-trainer');
    assert.equal(analysis.fineTune?.trainer, 'dpo');
    // lora_target: all at rank 8: 8·(8192 + 5120 + 5120 + 8192 + 3·18432) per layer × 32 layers.
    assert.equal(analysis.adapter?.trainable, 20_971_520);
    // 3 epochs × 1M × 0.9 (val_size 0.1).
    assert.equal(analysis.tokens, 2.7e6);
    const N = 8_030_261_248;
    assert.equal(analysis.flops, (4 * N + 2 * 20_971_520 + 2 * N) * 2.7e6);
    assert.equal(analysis.chinchillaMultiple, null);
    assert.equal(analysis.computeOptimal, null);
    assert.deepEqual(analysis.loss, []);
    for (const code of PRETRAINING) assert.ok(!codes(analysis).includes(code), code);
  });

  it('states the one-third test below it, and the base’s own crossing as information, not threshold-crossed', () => {
    const analysis = analyze(`# compute-budget: dataset_tokens=1M\n${recipe('llama-factory-llama3-lora-sft.yaml')}`, 'llama3_lora_sft.yaml');
    assert.equal(analysis.fineTune?.modifierTest, 'below-one-third');
    const test = analysis.findings.find((finding) => finding.code === 'modifier-test');
    assert.equal(test?.severity, 'information');
    assert.match(test!.message, /below the one third .* at which the Commission's guidelines treat a modifier as the provider/);
    assert.ok(!codes(analysis).includes('threshold-crossed'), codes(analysis).join(', '));
    assert.equal(analysis.findings.find((finding) => finding.code === 'base-threshold')?.severity, 'information');
  });

  it('reads open-r1’s GRPO: generation, reference and one update on the rollout tokens', () => {
    const analysis = analyze(`# compute-budget: dataset_tokens=100M\n${recipe('open-r1-qwen2.5-1.5b-grpo.yaml')}`, 'config_demo.yaml');
    assert.equal(analysis.fineTune?.trainer, 'grpo');
    const N = analysis.parameters.active!;
    assert.equal(analysis.flops, (2 * N + 2 * N + 6 * N) * 100e6);
    assert.ok(!analysis.findings.some((finding) => finding.severity === 'error'));
  });

  it('reads open-instruct’s DPO launch line (loss_type dpo_norm, beta) as DPO with the reference forward, not as SFT', () => {
    const analysis = analyze(`# compute-budget: dataset_tokens=100M\n${recipe('open-instruct-olmo2-7b-dpo.sh')}`, 'dpo_7b.sh');
    assert.equal(analysis.fineTune?.trainer, 'dpo');
    assert.equal(analysis.fineTune?.trainerReason, 'loss_type: dpo_norm');
    const N = analysis.parameters.active!;
    // 1 epoch × 100M; the policy on chosen and rejected (6·N) plus the reference forward (2·N).
    assert.equal(analysis.flops, (6 * N + 2 * N) * 100e6);
    assert.deepEqual(
      analysis.fineTune?.compute?.terms.map((term) => term.what),
      ['policy forward + backward on chosen and rejected', 'reference forward'],
    );
  });

  it('reads open-instruct’s DPO YAML by its dpo_loss_type', () => {
    const analysis = analyze(
      `# compute-budget: dataset_tokens=100M parameters=8B\n${recipe('open-instruct-8b-dpo-norm.yaml')}`,
      'final_best_8b_dpo_config.yaml',
    );
    assert.equal(analysis.fineTune?.trainer, 'dpo');
    assert.equal(analysis.flops, 8 * 8e9 * 100e6);
  });

  it('reads a PEFT adapter_config.json on its own: LoRA r=8 on q and v of Llama-3.2-3B', () => {
    const analysis = analyze(`${recipe('adapter_config.json')}`, 'adapter_config.json', { facts: { tokens: 10e6 } });
    assert.equal(analysis.framework, 'peft-adapter');
    assert.equal(analysis.fineTune?.base, 'meta-llama/Llama-3.2-3B');
    // q 8·(3072+3072), v 8·(3072+1024), × 28 layers.
    assert.equal(analysis.adapter?.trainable, 8 * 28 * (6144 + 4096));
  });

  it('counts max_steps with the accelerators: steps × per device × accumulation × gpus × sequence length', () => {
    const text = recipe('zephyr-sft-lora.yaml').replace('max_steps: -1', 'max_steps: 100');
    const analysis = analyze(`# compute-budget: gpus=8\n${text}`, 'zephyr-sft-lora.yaml');
    assert.equal(analysis.tokens, 100 * 4 * 128 * 8 * 2048);
  });

  it('uses transformers’ default of 3 epochs when a by-epochs recipe names none', () => {
    const analysis = analyze(
      '# compute-budget: dataset_tokens=1M\nmodel_name_or_path: meta-llama/Meta-Llama-3-8B\nstage: sft\nper_device_train_batch_size: 1\n',
      'r.yaml',
    );
    assert.equal(analysis.tokens, 3e6);
    assert.match(analysis.training.derivation ?? '', /default/);
  });

  it('treats a re-initialised model as pretraining, and an empty Axolotl adapter as a full fine-tune', () => {
    const scratch = analyze('model_name_or_path: meta-llama/Meta-Llama-3-8B\nreinit_weights: true\nper_device_train_batch_size: 1\nstage: pt\n', 'r.yaml');
    assert.equal(scratch.fineTune, null);
    const empty = analyze('base_model: meta-llama/Meta-Llama-3-8B\nadapter:\n# compute-budget: tokens=1M\n', 'a.yml');
    assert.equal(empty.fineTune?.method, 'full');
    assert.equal(empty.flops, 6 * 8_030_261_248 * 1e6);
  });

  it('reads the adapters LLaMA-Factory and ms-swift name: DoRA, QLoRA by quantization_bit', () => {
    const dora = analyze(
      'model_name_or_path: meta-llama/Meta-Llama-3-8B\nstage: sft\nfinetuning_type: lora\nuse_dora: true\nper_device_train_batch_size: 1\n',
      'd.yaml',
    );
    assert.equal(dora.fineTune?.method, 'dora');
    // DoRA adds a magnitude vector of the output width per adapted matrix: q 4096 + k, v 1024 + o 4096 + gate, up 14336 + down 4096.
    assert.equal(dora.adapter?.trainable, 20_971_520 + 32 * (4096 + 1024 + 1024 + 4096 + 14336 + 14336 + 4096));
    const qlora = analyze(
      'model_name_or_path: meta-llama/Meta-Llama-3-8B\nstage: sft\nfinetuning_type: lora\nquantization_bit: 4\nper_device_train_batch_size: 1\n',
      'q.yaml',
    );
    assert.equal(qlora.fineTune?.method, 'qlora');
    const swift = analyze(
      'model: Qwen/Qwen2.5-7B-Instruct\ntrain_type: lora\nlora_rank: 8\nnum_train_epochs: 1\nper_device_train_batch_size: 1\nrlhf_type: dpo\n',
      's.yaml',
    );
    assert.equal(swift.fineTune?.trainer, 'dpo');
    assert.equal(swift.fineTune?.method, 'lora');
  });
});
