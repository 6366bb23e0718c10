import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../../../src/core/analyze';

const EXAMPLES = path.resolve(__dirname, '../../../../../test/examples/megatron-lm');
const example = (name: string) => analyze(fs.readFileSync(path.join(EXAMPLES, name), 'utf8'), name);
const script = (body: string) => analyze(`#!/bin/bash\n${body}`, 'train.sh');
const codes = (analysis: ReturnType<typeof analyze>) => analysis.findings.map((finding) => finding.code);

describe('Megatron-LM launch scripts', () => {
  it("reads Megatron-LM's GPT-3 175B example as 174.6B parameters and reports the flags Megatron rejects", () => {
    const analysis = example('train_gpt3_175b_distributed.sh');
    assert.equal(analysis.framework, 'megatron-lm');
    // 96 × (12h² + 13h) + 51,200 × h (GPT-2 vocabulary padded to 128 × TP 8) + 2,048 × h + 2h.
    assert.equal(analysis.parameters.total, 174_615_846_912);
    assert.equal(analysis.tokens, null, '--step-batch-size-schedule with --global-batch-size does not run');
    const conflict = analysis.findings.find((finding) => finding.code === 'conflicting-flags')!;
    assert.equal(conflict.severity, 'error');
    assert.match(conflict.message, /--step-batch-size-schedule/);
    const unresolved = analysis.findings.filter((finding) => finding.code === 'unresolved-interpolation');
    assert.ok(unresolved.length >= 4 && unresolved.every((finding) => finding.severity === 'information'));
    assert.ok(unresolved.some((finding) => /--data-path \$DATA_PATH: \$5 is the script's 5th argument/.test(finding.message)));
  });

  it("reads the Llama 3 8B example: GQA, SwiGLU, RMSNorm, untied, NullTokenizer's 128,256, sample-based length", () => {
    const analysis = example('train_llama3_8b_h100_fp8.sh');
    assert.equal(analysis.parameters.total, 8_030_261_248);
    assert.equal(analysis.tokens, 1_953_125_000 * 8_192);
  });

  it('reads the Mixtral 8x7B example with its total and active parameters', () => {
    const analysis = example('train_mixtral_8x7b_distributed.sh');
    assert.equal(analysis.parameters.total, 46_702_792_704);
    assert.equal(analysis.parameters.active, 12_879_925_248);
    assert.equal(analysis.tokens, 500_000 * 256 * 4_096);
  });

  it("reads Megatron-DeepSpeed's GPT-3 350M script from its string variables, stopping at --train-tokens", () => {
    const analysis = example('ds_pretrain_gpt_350M_dense.sh');
    assert.equal(analysis.parameters.total, 355_919_872);
    assert.equal(analysis.tokens, 300_000_000_000);
  });

  it("applies Megatron's defaults: 4h MLP, or int(4h·2/3/64)·64 with --swiglu", () => {
    const base = '--num-layers 2 --hidden-size 1000 --num-attention-heads 10 --seq-length 128 --max-position-embeddings 128 --vocab-size 1000';
    assert.equal(script(`python pretrain_gpt.py ${base}\n`).model.architecture?.ffn.value, 4_000);
    assert.equal(script(`python pretrain_gpt.py ${base} --swiglu\n`).model.architecture?.ffn.value, 2_624);
    assert.equal(
      script(`python pretrain_gpt.py ${base} --tensor-model-parallel-size 2\n`).model.architecture?.vocab.value,
      1_024,
      '--vocab-size is padded to 128 × TP',
    );
  });

  it('ignores --num-query-groups without --group-query-attention, as Megatron does, and says so', () => {
    const base =
      'python pretrain_gpt.py --num-layers 2 --hidden-size 1024 --num-attention-heads 16 --seq-length 128 --max-position-embeddings 128 --num-query-groups 4';
    const without = script(`${base}\n`);
    assert.equal(without.model.architecture?.kvHeads.value, 16);
    assert.ok(codes(without).includes('conflicting-flags'));
    const grouped = script(`${base} --group-query-attention\n`);
    assert.equal(grouped.model.architecture?.kvHeads.value, 4);
    assert.ok(!codes(grouped).includes('conflicting-flags'));
  });

  it('reports --train-iters with --train-samples at the flag instead of choosing one', () => {
    const { text } = {
      text: '#!/bin/bash\npython pretrain_gpt.py --num-layers 2 --hidden-size 64 --num-attention-heads 4 --seq-length 128 --max-position-embeddings 128 --global-batch-size 8 --train-iters 10 --train-samples 80\n',
    };
    const analysis = analyze(text, 'train.sh');
    assert.equal(analysis.tokens, null);
    const conflict = analysis.findings.find((finding) => finding.code === 'conflicting-flags')!;
    assert.equal(text.slice(conflict.span.start, conflict.span.end), '--train-samples 80');
  });

  it('gives shell scripts that launch no Megatron training no diagnostics at all', () => {
    for (const body of [
      'set -euo pipefail\nexport X=$1\necho "${Y}" $(date)\n',
      'python pretrain_gpt.py --config $1\n',
      'if [ x = ; then\n(((\n"unterminated',
    ]) {
      const analysis = script(body);
      assert.equal(analysis.framework, 'unknown');
      assert.deepEqual(analysis.findings, []);
    }
  });
});
