import assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';
import { evaluateLayerPattern } from '../../../src/core/formats/shared/layerPattern';
import { analyzeExample, codes } from './examples';

const script = (body: string) => analyze(`#!/bin/bash\n${body}`, 'train.sh');
const BASE =
  '--num-layers 4 --hidden-size 256 --num-attention-heads 8 --seq-length 128 --max-position-embeddings 128 --vocab-size 1000 --global-batch-size 8 --train-iters 10';

describe("Megatron-DeepSpeed's dialect", () => {
  it('reads the PR-MoE 350M script: 12 expert layers of 32 or 64 experts, top-1, each with a residual MLP', () => {
    const { analysis } = analyzeExample('megatron-deepspeed/ds_pretrain_gpt_350M_PR-MoE32or64.sh');
    // Hand count in test/examples/megatron-deepspeed/README.md.
    assert.equal(analysis.parameters.total, 4_116_793_368);
    assert.equal(analysis.parameters.active, 457_127_960);
    assert.equal(analysis.tokens, 300_000_000_000);
    assert.ok(!analysis.findings.some((finding) => finding.severity === 'error'));
  });

  it('reads the 125M MoE-64 script with experts on every second layer (--expert-interval defaults to 2)', () => {
    const { analysis } = analyzeExample('megatron-deepspeed/ds_pretrain_gpt_125M_MoE64.sh');
    assert.equal(analysis.parameters.total, 1_910_636_544);
    assert.equal(analysis.parameters.active, 125_557_248);
  });

  it("reads the fork's Llama 2 script's --num-key-value-heads as grouped-query attention", () => {
    const { analysis } = analyzeExample('megatron-deepspeed/pretrain_llama2_distributed.sh', { vocab: 32_000 });
    assert.equal(analysis.model.architecture?.kvHeads.value, 4);
    assert.equal(analysis.parameters.total, 1_194_428_416);
    assert.equal(analysis.tokens, 250_000 * 32 * 2_048);
  });

  it('reports an expert list whose length is neither one nor the number of expert layers, as the fork refuses it', () => {
    const analysis = script(`deepspeed pretrain_gpt.py ${BASE} --num-experts 4 8 16 --deepspeed\n`);
    const conflict = analysis.findings.find((finding) => finding.code === 'conflicting-flags');
    assert.equal(conflict?.severity, 'error');
    assert.match(conflict!.message, /one per expert layer/);
    assert.ok(!codes(analysis).includes('invalid-number'), 'a list is what the fork takes, not a typo');
  });

  it('counts a layer given one expert in a PR-MoE list as a dense layer', () => {
    const pyramid = script(`deepspeed pretrain_gpt.py ${BASE} --num-experts 1 8 --deepspeed\n`);
    const dense = script(`deepspeed pretrain_gpt.py ${BASE} --num-experts 1 --deepspeed\n`);
    const mixed = script(`deepspeed pretrain_gpt.py ${BASE} --num-experts 8 --deepspeed\n`);
    const perExpert = 2 * 256 * 1024 + 1024 + 256;
    assert.equal(pyramid.parameters.total! - dense.parameters.total!, 7 * perExpert + 256 * 8);
    assert.equal(mixed.parameters.total! - pyramid.parameters.total!, 7 * perExpert + 256 * 8);
  });
});

describe("Megatron-LM's MoE, latent attention and prediction layers", () => {
  it("reads Megatron-LM's DeepSeek-V3 proxy test config (arguments as YAML keys): MLA, a dense-then-MoE pattern, shared experts, one MTP layer", () => {
    const { analysis } = analyzeExample('megatron-lm/yaml/deepseekv3_proxy.model_config.yaml');
    assert.equal(analysis.framework, 'megatron-args');
    // Hand count in test/examples/megatron-lm/README.md (vocabulary: GPT-2's, padded to 3232 × TP 2).
    assert.equal(analysis.parameters.total, 39_196_898_048);
    assert.equal(analysis.parameters.active, 9_601_889_024);
    assert.equal(analysis.tokens, 24_414_062 * 4_096);
  });

  it("reads Megatron-LM's MLA test config with the defaults it leaves out: no q/kv norms without --qk-layernorm, bias only on the output projection", () => {
    const { analysis } = analyzeExample('megatron-lm/yaml/gpt3_mcore_te_tp2_pp2_mla.model_config.yaml');
    assert.equal(analysis.parameters.total, 61_592_576);
    assert.equal(analysis.tokens, 50 * 32 * 1_024);
  });

  it('places experts by --moe-layer-freq: an interval N puts them on layers 0, N, 2N, …', () => {
    const every = script(`python pretrain_gpt.py ${BASE} --num-experts 4\n`);
    const second = script(`python pretrain_gpt.py ${BASE} --num-experts 4 --moe-layer-freq 2\n`);
    const pattern = script(`python pretrain_gpt.py ${BASE} --num-experts 4 --moe-layer-freq "([0]*1+[1]*3)"\n`);
    const expertLayer = 3 * (2 * 256 * 1024 + 1024 + 256) + 256 * 4;
    assert.equal(every.parameters.total! - second.parameters.total!, 2 * expertLayer);
    assert.equal(every.parameters.total! - pattern.parameters.total!, expertLayer);
    assert.equal(every.model.architecture?.moe?.topK.value, 2, "Megatron-LM's --moe-router-topk default");
  });

  it('reports a --moe-layer-freq pattern whose length is not the number of layers, as Megatron-LM refuses it', () => {
    const analysis = script(`python pretrain_gpt.py ${BASE} --num-experts 4 --moe-layer-freq "[1,0,1]"\n`);
    assert.ok(
      analysis.findings.some((finding) => finding.code === 'conflicting-flags' && finding.severity === 'error' && /one entry per layer/.test(finding.message)),
    );
  });
});

describe('Layer patterns written as Python list expressions', () => {
  it('reads lists, repetition and concatenation, and nothing else', () => {
    assert.deepEqual(evaluateLayerPattern('([1]*3+[0]*1)*3'), [1, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 0]);
    assert.deepEqual(evaluateLayerPattern('[0]*3+[1]*2'), [0, 0, 0, 1, 1]);
    assert.deepEqual(evaluateLayerPattern('2*[1,0]'), [1, 0, 1, 0]);
    assert.equal(evaluateLayerPattern('__import__("os")'), undefined);
    assert.equal(evaluateLayerPattern('[1]*99999999'), undefined);
    assert.equal(evaluateLayerPattern('[1,0'), undefined);
  });
});

describe('Shell: command strings and scripts run without arguments', () => {
  it("follows a launch inside single-quoted bash -c '…' under srun, with the script's variables", () => {
    const analysis = script(
      [
        'LAUNCHER="python -u -m torch.distributed.run --nproc_per_node 8 --nnodes 2"',
        `CMD="pretrain_gpt.py ${BASE}"`,
        "srun --jobid $SLURM_JOBID bash -c '$LAUNCHER --node_rank $SLURM_PROCID $CMD'",
        '',
      ].join('\n'),
    );
    assert.equal(analysis.framework, 'megatron-lm');
    assert.equal(analysis.tokens, 10 * 8 * 128);
  });

  it('keeps a default that an argument test would replace: the script is read as run without arguments', () => {
    const analysis = script(
      `STEPS=100000\nif [ -n "$2" ]; then\n  STEPS=$2;\nfi\npython pretrain_gpt.py ${BASE.replace('--train-iters 10', '--train-iters $STEPS')}\n`,
    );
    assert.equal(analysis.tokens, 100_000 * 8 * 128);
    const count = script(`STEPS=7\nif [ $# -gt 1 ]; then STEPS=$2; fi\npython pretrain_gpt.py ${BASE.replace('--train-iters 10', '--train-iters $STEPS')}\n`);
    assert.equal(count.tokens, 7 * 8 * 128);
  });
});
