import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../../src/core/analyze';

const examples = join(__dirname, '..', '..', '..', '..', '..', 'test', 'examples');
const read = (path: string) => readFileSync(join(examples, path), 'utf8');
/** The notebooks run on one GPU (Colab); the scripts do not say so, so the tests state it as a user would. */
const onOneGpu = (path: string, facts = '') => analyze(`# compute-budget: gpus=1${facts}\n${read(path)}`, path.split('/').pop()!);
const codes = (analysis: ReturnType<typeof analyze>) => analysis.findings.map((finding) => finding.code);
const PRETRAINING = ['under-trained', 'overtrained-diminishing', 'overtrained-negligible'];

describe('Unsloth notebooks read as the fine-tunes they run', () => {
  it('reads the Llama-3.1-8B Alpaca notebook: SFTTrainer, QLoRA r=16 on every linear layer, 60 steps of 2 × 4 × 2,048 tokens', () => {
    const analysis = onOneGpu('unsloth/llama3.1-8b-alpaca.py');
    assert.equal(analysis.framework, 'trl-script');
    assert.equal(analysis.fineTune?.base, 'meta-llama/Llama-3.1-8B');
    assert.equal(analysis.fineTune?.trainer, 'sft');
    assert.equal(analysis.fineTune?.method, 'qlora');
    // 16 × [(4096+4096) q + (4096+1024) k + (4096+1024) v + (4096+4096) o + 3 × (4096+14336) MLP] × 32 layers;
    // the notebook's own output prints "Trainable parameters = 41,943,040".
    assert.equal(analysis.adapter?.trainable, 16 * 32 * (8192 + 5120 + 5120 + 8192 + 3 * 18432));
    assert.equal(analysis.adapter?.trainable, 41_943_040);
    assert.equal(analysis.tokens, 60 * 2 * 4 * 1 * 2048);
    assert.equal(analysis.flops, (4 * 8_030_261_248 + 2 * 41_943_040) * 983_040);
    assert.equal(analysis.fineTune?.modifierTest, 'below-one-third');
    assert.equal(analysis.band, null);
    assert.ok(!codes(analysis).some((code) => PRETRAINING.includes(code) || code === 'threshold-crossed'), codes(analysis).join(', '));
    assert.ok(!analysis.findings.some((finding) => finding.severity === 'error'), codes(analysis).join(', '));
  });

  it('reads the Llama-3-8B ORPO notebook as ORPO (no reference model), each pair two sequences of up to 4,096 tokens', () => {
    const analysis = onOneGpu('unsloth/llama3-8b-orpo.py');
    assert.equal(analysis.fineTune?.base, 'meta-llama/Meta-Llama-3-8B');
    assert.equal(analysis.fineTune?.trainer, 'orpo');
    assert.match(analysis.fineTune!.trainerReason!, /ORPOTrainer/);
    assert.equal(analysis.fineTune?.method, 'qlora');
    assert.equal(analysis.adapter?.trainable, 41_943_040);
    // max_steps 30 × 2 per device × 4 accumulation × 1 GPU × 2 sequences (chosen, rejected) × max_length 4096.
    assert.equal(analysis.tokens, 30 * 2 * 4 * 1 * 2 * 4096);
    assert.equal(analysis.fineTune?.compute?.terms.length, 1);
    assert.equal(analysis.flops, (4 * 8_030_261_248 + 2 * 41_943_040) * 1_966_080);
  });

  it('reads the Qwen3-4B GRPO notebook: GRPOTrainer, LoRA r=32, Unsloth’s batch of num_generations, and says its SFT stage is not counted', () => {
    const analysis = onOneGpu('unsloth/qwen3-4b-grpo.py');
    assert.equal(analysis.fineTune?.base, 'Qwen/Qwen3-4B');
    assert.equal(analysis.fineTune?.trainer, 'grpo');
    assert.equal(analysis.fineTune?.method, 'lora');
    assert.equal(analysis.adapter?.rank, 32);
    // 32 × [(2560+4096) q + (2560+1024) k, v + (4096+2560) o + 3 × (2560+9728) MLP] × 36 layers.
    assert.equal(analysis.adapter?.trainable, 32 * 36 * (6656 + 3584 + 3584 + 6656 + 3 * 12288));
    // per_device 1 is not a multiple of num_generations 4, so Unsloth trains 4 completions per device;
    // each at most max_seq_length 2048 (the notebook sets max_completion_length = max_seq_length - max_prompt_length).
    assert.equal(analysis.tokens, 100 * 4 * 1 * 1 * 2048);
    const n = 4_022_468_096;
    // Generation 2·N, reference 2·N (TRL's beta 0.04), one policy update 4·N + 2·N_trainable.
    assert.equal(analysis.flops, (2 * n + 2 * n + 4 * n + 2 * 66_060_288) * 819_200);
    const several = analysis.findings.find((finding) => finding.code === 'several-trainers');
    assert.match(several!.message, /only its last trainer, GRPOTrainer, is counted here; SFTTrainer before it also trains/);
  });

  it('reads the Zephyr DPO notebook as DPO with a QLoRA adapter, trained by epochs over the stated dataset', () => {
    const analysis = onOneGpu('unsloth/zephyr-7b-dpo.py', ' dataset_tokens=2M');
    assert.equal(analysis.fineTune?.trainer, 'dpo');
    assert.equal(analysis.fineTune?.method, 'qlora');
    assert.equal(analysis.tokens, 3 * 2e6);
    // unsloth/zephyr-sft-bnb-4bit is no catalog entry: its size is unknown, named as written, not guessed.
    assert.equal(analysis.fineTune?.base, 'unsloth/zephyr-sft-bnb-4bit');
    assert.equal(analysis.parameters.total, null);
  });

  it('reads TRL’s KTO example script as KTO, naming the dataset whose size it needs', () => {
    const analysis = analyze(read('fine-tune/trainer-kind/train_kto.py'), 'train_kto.py');
    assert.equal(analysis.fineTune?.trainer, 'kto');
    assert.equal(analysis.fineTune?.base, 'Qwen/Qwen2-0.5B-Instruct');
    const missing = analysis.findings.find((finding) => finding.code === 'missing-dataset-size');
    assert.match(missing!.message, /trl-lib\/kto-mix-14k/);
  });

  it('reads alignment-handbook’s ORPO recipe (beta, max_prompt_length) as ORPO by its path, not DPO', () => {
    const text = `# compute-budget: dataset_tokens=10M\n${read('fine-tune/trainer-kind/zephyr-141b-orpo-config_full.yaml')}`;
    const analysis = analyze(text, 'recipes/zephyr-141b-A35b/orpo/config_full.yaml');
    assert.equal(analysis.fineTune?.trainer, 'orpo');
    assert.equal(analysis.fineTune?.compute?.terms.length, 1, 'no reference forward');
    assert.equal(analysis.tokens, 3 * 10e6);
  });

  it('leaves a script that only loads a model for inference unread as a training recipe', () => {
    const text =
      'from unsloth import FastLanguageModel\nmodel, tokenizer = FastLanguageModel.from_pretrained(model_name = "unsloth/Llama-3.1-8B", load_in_4bit = True)\n';
    assert.notEqual(analyze(text, 'infer.py').framework, 'trl-script');
  });
});
