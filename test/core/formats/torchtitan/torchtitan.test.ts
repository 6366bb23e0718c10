import assert from 'node:assert/strict';
import { analyze } from '../../../../src/core/analyze';
import { analyzeExample, codes } from '../examples';

const GPUS = { gpus: 64 };

describe('torchtitan configs', () => {
  it("counts the llama3 debug model at 6,163,712 parameters from torchtitan's own args", () => {
    const { analysis } = analyzeExample('torchtitan/llama3_debug_model.toml', GPUS);
    assert.equal(analysis.syntax, 'toml');
    assert.equal(analysis.framework, 'torchtitan');
    assert.equal(analysis.parameters.total, 6_163_712);
    assert.equal(analysis.tokens, 10 * 8 * 64 * 2_048);
  });

  it("counts Llama 3 8B at Meta's 8,030,261,248 parameters and 1,000 steps × 1 × 64 GPUs × 8,192 tokens", () => {
    const { analysis } = analyzeExample('torchtitan/llama3_8b.toml', GPUS);
    assert.equal(analysis.parameters.total, 8_030_261_248);
    assert.equal(analysis.tokens, 1_000 * 1 * 64 * 8_192);
    assert.match(analysis.training.derivation ?? '', /dataset c4/);
  });

  it('counts Llama 3 70B at 70,553,706,496 parameters, with tensor parallel 8 leaving 8 data-parallel shards of 64 GPUs', () => {
    const { analysis } = analyzeExample('torchtitan/llama3_70b.toml', GPUS);
    assert.equal(analysis.parameters.total, 70_553_706_496);
    assert.equal(analysis.tokens, 1_000 * 8 * (64 / 8) * 8_192);
    assert.match(analysis.training.derivation ?? '', /tensor 8/);
  });

  it('counts Llama 3 405B at 405,853,388,800 parameters', () => {
    const { analysis } = analyzeExample('torchtitan/llama3_405b.toml', GPUS);
    assert.equal(analysis.parameters.total, 405_853_388_800);
    assert.equal(analysis.tokens, 3_000 * 2 * (64 / 8) * 8_192);
  });

  it('counts the Qwen3 flavors at their published sizes, with q/k norms and tied embeddings where torchtitan ties them', () => {
    assert.equal(analyzeExample('torchtitan/qwen3_0.6b.toml', GPUS).analysis.parameters.total, 596_049_920);
    assert.equal(analyzeExample('torchtitan/qwen3_1.7b.toml', GPUS).analysis.parameters.total, 1_720_574_976);
    const { analysis } = analyzeExample('torchtitan/qwen3_32b.toml', GPUS);
    assert.equal(analysis.parameters.total, 32_762_123_264);
    assert.equal(analysis.tokens, 3_000 * 2 * 64 * 4_096);
  });

  it('reads 2024 configs that keep batch_size and the parallel degrees under [training]', () => {
    const { analysis } = analyzeExample('torchtitan/train_configs/llama3_70b.toml', GPUS);
    assert.equal(analysis.framework, 'torchtitan');
    assert.equal(analysis.parameters.total, 70_553_706_496);
    assert.equal(analysis.tokens, 1_000 * 8 * (64 / 8) * 8_192);
    assert.equal(analyzeExample('torchtitan/train_configs/llama3_8b.toml', GPUS).analysis.tokens, 1_000 * 1 * 64 * 8_192);
  });

  it('asks for the number of GPUs when data_parallel_shard_degree is -1, at that key, and reports nothing as broken', () => {
    const { analysis, text } = analyzeExample('torchtitan/llama3_8b.toml');
    assert.equal(analysis.tokens, null);
    assert.deepEqual(codes(analysis), ['missing-data-parallel']);
    const finding = analysis.findings[0];
    assert.equal(finding.severity, 'warning');
    assert.ok(text.slice(finding.span.start, finding.span.end).startsWith('data_parallel_shard_degree = -1'));
  });

  it('gives a DeepSeek-V3 flavor one information finding naming the flavor, not a wrong count', () => {
    const deepseek = analyzeExample('torchtitan/deepseek_v3_16b.toml', GPUS).analysis;
    assert.equal(deepseek.parameters.total, null);
    const unknown = deepseek.findings.filter((finding) => finding.code === 'unknown-model');
    assert.equal(unknown.length, 1);
    assert.equal(unknown[0].severity, 'information');
    assert.match(unknown[0].message, /deepseek_v3.*"16B".*latent attention/);
    assert.equal(deepseek.tokens, 1_000 * 4 * 64 * 4_096);
  });

  it('counts Llama 4 Scout (17bx16e) at 107,769,861,120 text parameters, 17,172,894,720 active, every block an MoE with a shared expert', () => {
    const { analysis } = analyzeExample('torchtitan/llama4_17bx16e.toml', GPUS);
    assert.equal(analysis.parameters.total, 107_769_861_120);
    assert.equal(analysis.parameters.active, 17_172_894_720);
    assert.equal(analysis.tokens, 3_000 * 8 * (64 / 8) * 8_192);
  });

  it('counts Llama 4 Maverick (17bx128e) with MoE in every second block at 400,711,848,960 parameters, 17,184,691,200 active', () => {
    const analysis = analyze('[model]\nname = "llama4"\nflavor = "17bx128e"\n', 'maverick.toml');
    assert.equal(analysis.parameters.total, 400_711_848_960);
    assert.equal(analysis.parameters.active, 17_184_691_200);
  });

  it('takes training.global_batch_size when set, and an explicit shard degree needs no GPU count', () => {
    const base = '[model]\nname = "llama3"\nflavor = "8B"\n[lr_scheduler]\nwarmup_steps = 200\n[training]\nlocal_batch_size = 2\nseq_len = 4096\nsteps = 100\n';
    const global = analyze(`${base}global_batch_size = 512\n[parallelism]\ndata_parallel_shard_degree = -1\n`, 'run.toml');
    assert.equal(global.tokens, 100 * 512 * 4_096);
    const explicit = analyze(`${base}[parallelism]\ndata_parallel_replicate_degree = 2\ndata_parallel_shard_degree = 8\n`, 'run.toml');
    assert.equal(explicit.tokens, 100 * 2 * 2 * 8 * 4_096);
    const unset = analyze(`${base}global_batch_size = -1\n[parallelism]\ndata_parallel_shard_degree = 4\n`, 'run.toml');
    assert.equal(unset.tokens, 100 * 2 * 4 * 4_096);
  });

  it('divides the GPUs by replicate, context, tensor and pipeline degrees for a shard degree of -1', () => {
    const text =
      '[model]\nname = "llama3"\nflavor = "8B"\n[training]\nlocal_batch_size = 1\nseq_len = 8192\nsteps = 10\n[parallelism]\ndata_parallel_replicate_degree = 2\ndata_parallel_shard_degree = -1\ntensor_parallel_degree = 2\npipeline_parallel_degree = 2\ncontext_parallel_degree = 2\n';
    assert.equal(analyze(text, 'run.toml', { facts: { gpus: 256 } }).tokens, 10 * 1 * (2 * (256 / (2 * 2 * 2 * 2))) * 8_192);
  });

  it('never reads [validation] steps as training steps', () => {
    const text = '[model]\nname = "llama3"\nflavor = "8B"\n[validation]\nsteps = 1200\nlocal_batch_size = 8\n[parallelism]\ndata_parallel_shard_degree = 8\n';
    assert.equal(analyze(text, 'run.toml').tokens, null);
  });

  it('is not chosen for TOML files that are not torchtitan configs', () => {
    for (const name of ['ripgrep-Cargo.toml', 'ripgrep-rustfmt.toml', 'torchtitan-pyproject.toml', 'pyproject.toml']) {
      assert.equal(analyzeExample(`not-configs/${name}`).analysis.framework, 'unknown', name);
    }
  });

  it('reports a TOML syntax error in a torchtitan config once, on its line', () => {
    const text = '[model]\nname = "llama3"\nflavor = "8B"\n[training]\nsteps = 10 20\n';
    const analysis = analyze(text, 'run.toml');
    const errors = analysis.findings.filter((finding) => finding.code === 'parse-error');
    assert.equal(errors.length, 1);
    assert.equal(text.slice(0, errors[0].span.start).split('\n').length, 5);
  });
});
