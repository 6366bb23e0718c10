import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../../src/core/analyze';

/** Real launch scripts (sources in test/examples/launch-lines/README.md). */
const EXAMPLES = path.resolve(__dirname, '../../../../test/examples/launch-lines');

function analyzeExample(name: string) {
  const file = path.join(EXAMPLES, name);
  return analyze(fs.readFileSync(file, 'utf8'), file, { facts: {} });
}

const codes = (analysis: ReturnType<typeof analyze>) => analysis.findings.map((finding) => finding.code);

describe('launch lines of programs other than pretrain_*.py', () => {
  it('reads ms-swift `swift sft` flags as a Trainer recipe: Qwen2.5-7B from the catalog, and asks for the dataset size', () => {
    const analysis = analyzeExample('ms-swift-full-train.sh');
    assert.equal(analysis.framework, 'hf-trainer');
    assert.equal(analysis.parameters.total, 7_615_616_512);
    assert.equal(analysis.tokens, null);
    assert.ok(codes(analysis).includes('missing-dataset-size'), codes(analysis).join(', '));
  });

  it('reads Megatron flags on finetune_gpt.py: 24 layers of 2048 with GPT-2 vocabulary, 1,315,819,520 parameters', () => {
    // 50,304·2048 embeddings + 2048·2048 positions + 24·(12·2048² + 13·2048) + 2·2048 final norm.
    const analysis = analyzeExample('megatron-finetune_gpt_distributed-1.3b.sh');
    assert.equal(analysis.framework, 'megatron-lm');
    assert.equal(analysis.parameters.total, 1_315_819_520);
    assert.ok(codes(analysis).includes('unresolved-interpolation'), 'the batch and steps come from the script arguments, and it says so');
  });

  it('reads an accelerate launch of a Trainer script and says what is missing (a local model path, the dataset size)', () => {
    const analysis = analyzeExample('open-instruct-finetune_with_accelerate.sh');
    assert.equal(analysis.framework, 'hf-trainer');
    assert.equal(analysis.parameters.total, null);
    assert.ok(codes(analysis).includes('missing-dataset-size'), codes(analysis).join(', '));
    assert.ok(codes(analysis).includes('missing-architecture'), codes(analysis).join(', '));
  });

  it('gives no error for a value that does not fit a flag of a program not named pretrain_*.py (an eval harness, a quantisation script)', () => {
    const errors = (text: string) => analyze(text, 'run.sh', { facts: {} }).findings.filter((finding) => finding.severity === 'error');
    assert.deepEqual(errors('python tasks/eval_harness/evaluate.py --num-layers -1 --hidden-size 4096 --num-attention-heads 32 --seq-length 2048\n'), []);
    assert.deepEqual(
      errors('python run_glue.py --model_name_or_path bert-base-cased --num_train_epochs 0 --per_device_train_batch_size 8 --output_dir out\n'),
      [],
    );
    assert.equal(
      errors('python pretrain_gpt.py --num-layers -1 --hidden-size 4096 --num-attention-heads 32 --seq-length 2048\n').length,
      1,
      'pretrain_*.py itself refuses it',
    );
  });
});
