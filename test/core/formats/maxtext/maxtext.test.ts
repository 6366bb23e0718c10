import assert from 'node:assert/strict';
import { analyze } from '../../../../src/core/analyze';
import { analyzeExample, codes, exampleResources } from '../examples';

describe('MaxText configs', () => {
  it('counts llama2-7b from its model_name preset over base.yml at 6,738,415,616 parameters', () => {
    const { analysis } = analyzeExample('maxtext/configs/gpu/models/llama2_7b.yml', { gpus: 8 });
    assert.equal(analysis.framework, 'maxtext');
    assert.equal(analysis.parameters.total, 6_738_415_616);
    assert.equal(analysis.model.architecture?.hidden.origin, 'catalog');
  });

  it('reads tokens as steps × devices × per_device_batch_size × accumulation × max_target_length', () => {
    const { analysis } = analyzeExample('maxtext/configs/gpu/models/llama2_7b.yml', { gpus: 8 });
    assert.equal(analysis.tokens, 30 * 8 * 4 * 1 * 4_096);
  });

  it('asks for the device count when the parallelism is left to run time (-1 in base.yml)', () => {
    const { analysis } = analyzeExample('maxtext/configs/gpu/models/llama2_7b.yml');
    assert.equal(analysis.tokens, null);
    assert.deepEqual(codes(analysis), ['missing-data-parallel']);
  });

  it('counts Mixtral-8x7B at 46,702,792,704 total and 12,879,925,248 active parameters', () => {
    const { analysis } = analyzeExample('maxtext/configs/gpu/models/mixtral_8x7b.yml', { gpus: 8 });
    assert.equal(analysis.parameters.total, 46_702_792_704);
    assert.equal(analysis.parameters.active, 12_879_925_248);
    assert.equal(analysis.tokens, 30 * 8 * 12 * 4_096);
  });

  it('uses its built-in base.yml defaults when base.yml is not at hand, and says so', () => {
    const { analysis } = analyzeExample(
      'maxtext/configs/gpu/models/llama3_8b.yml',
      { gpus: 8 },
      exampleResources((file) => file.endsWith('base.yml')),
    );
    assert.equal(analysis.parameters.total, 8_030_261_248);
    assert.equal(analysis.tokens, 30 * 8 * 12 * 8_192);
    assert.deepEqual(
      codes(analysis).filter((code) => code === 'missing-file' || code === 'assumed-value'),
      ['missing-file', 'assumed-value'],
    );
  });

  it('counts the small smoke-test model its own keys describe over base.yml: 3,121,696 parameters', () => {
    const { analysis } = analyzeExample('maxtext/configs/tpu/tpu_smoke_test.yml');
    assert.equal(analysis.parameters.total, 3_121_696);
  });

  it('counts a preset file (gemma-7b, 256,128 vocabulary rows, tied) at 8,538,074,112 parameters', () => {
    const { analysis } = analyzeExample('maxtext/configs/models/gemma-7b.yml');
    assert.equal(analysis.framework, 'maxtext');
    assert.equal(analysis.parameters.total, 8_538_074_112);
  });

  it('counts base.yml itself as its default model: 1,104,218,112 parameters', () => {
    assert.equal(analyzeExample('maxtext/configs/base.yml').analysis.parameters.total, 1_104_218_112);
  });

  it('scales the base dimensions by global_parameter_scale as pyconfig does', () => {
    const text = 'base_config: "base.yml"\nglobal_parameter_scale: 8\nsteps: 10\nper_device_batch_size: 1\n';
    const analysis = analyze(text, '/x/base_scaled.yml', { resources: { file: () => null, modelConfig: () => null } });
    // scale 8 = 2^3: heads, MLP, embedding and layers each doubled once.
    assert.equal(analysis.model.architecture?.hidden.value, 4_096);
    assert.equal(analysis.model.architecture?.heads.value, 32);
    assert.equal(analysis.model.architecture?.ffn.value, 14_336);
    assert.equal(analysis.model.architecture?.layers.value, 32);
  });

  it('takes the device count from every ici_/dcn_ parallelism when none is left at -1', () => {
    const text = 'base_config: base.yml\nmodel_name: llama2-7b\nici_fsdp_parallelism: 4\ndcn_data_parallelism: 2\nsteps: 100\nper_device_batch_size: 2\n';
    const analysis = analyze(text, '/x/run.yml', { resources: { file: () => null, modelConfig: () => null } });
    assert.equal(analysis.tokens, 100 * 8 * 2 * 2_048);
  });

  it("counts DeepSeek-V3 from MaxText's deepseek block with multi-head latent attention: 671,026,419,200 (37,552,297,472 active)", () => {
    const { analysis } = analyzeExample('maxtext/configs/models/deepseek3-671b.yml');
    assert.equal(analysis.parameters.total, 671_026_419_200);
    assert.equal(analysis.parameters.active, 37_552_297_472);
  });

  it('reads q_lora_rank 0 as one full query projection (DeepSeek-V2-Lite, 15,706,484,224)', () => {
    assert.equal(analyzeExample('maxtext/configs/models/deepseek2-16b.yml').analysis.parameters.total, 15_706_484_224);
  });

  it('counts the q/k norms of qwen3 and qwen3_moe blocks', () => {
    assert.equal(analyzeExample('maxtext/configs/models/qwen3-8b.yml').analysis.parameters.total, 8_190_735_360);
    const { analysis } = analyzeExample('maxtext/configs/models/qwen3-235b-a22b.yml');
    assert.equal(analysis.parameters.total, 235_093_634_560);
    assert.equal(analysis.parameters.active, 22_190_763_520);
    assert.ok(!analysis.findings.some((finding) => finding.code === 'assumed-value'));
  });

  it('counts a gemma3 block as Gemma 3 4B (q/k and post norms) with five windowed layers to each global one', () => {
    const { analysis } = analyzeExample('maxtext/configs/models/gemma3-4b.yml');
    assert.equal(analysis.parameters.total, 3_880_099_328);
    const local = analysis.model.architecture?.localAttention;
    assert.equal(local?.size.value, 1024);
    assert.deepEqual([local?.layers.filter(Boolean).length, local?.layers.length, local?.layers[5], local?.layers[4]], [29, 34, false, true]);
    assert.ok(!analysis.findings.some((finding) => /counted as a llama2 block/.test(finding.message)));
  });
});
