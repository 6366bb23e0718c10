import assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';
import { analyzeExample } from './examples';

/**
 * One real file of each dialect no module read before (test/examples/<framework>/README.md gives
 * its source and how each number follows from the framework's own code), counted exactly, with no
 * error or warning beyond the budget's own judgement.
 */
const CASES: { file: string; facts: Record<string, number>; framework: string; parameters: number; tokens: number }[] = [
  { file: 'lingua/debug.yaml', facts: { gpus: 8 }, framework: 'lingua', parameters: 103_306_240, tokens: 524_288_000 },
  { file: 'picotron/base_config.json', facts: {}, framework: 'picotron', parameters: 249_232_320, tokens: 6_553_600 },
  { file: 'easylm/pretrain_llama_7b.sh', facts: {}, framework: 'launch-flags', parameters: 6_738_415_616, tokens: 1_048_576_000_000 },
  { file: 'prime-rl/reverse-text-sft.toml', facts: {}, framework: 'prime-rl', parameters: 596_049_920, tokens: 13_107_200 },
  { file: 'nanogpt/train_gpt2.py', facts: {}, framework: 'nanogpt', parameters: 124_475_904, tokens: 294_912_000_000 },
  { file: 'llm.c/run_gpt2_350M.sh', facts: {}, framework: 'launch-flags', parameters: 354_871_296, tokens: 31_457_280_000 },
];

const JUDGEMENTS = new Set(['under-trained', 'overtrained-negligible', 'overtrained-diminishing']);

describe('dialects of small trainers, read through the shared meaning', () => {
  for (const { file, facts, framework, parameters, tokens } of CASES) {
    it(`counts ${file} as its framework's code does: ${parameters.toLocaleString('en-US')} parameters, ${tokens.toLocaleString('en-US')} tokens`, () => {
      const { analysis } = analyzeExample(file, facts);
      assert.equal(analysis.framework, framework);
      assert.equal(analysis.parameters.total, parameters);
      assert.equal(analysis.tokens, tokens);
      const problems = analysis.findings.filter((finding) => (finding.severity === 'error' || finding.severity === 'warning') && !JUDGEMENTS.has(finding.code));
      assert.deepEqual(
        problems.map((finding) => finding.message),
        [],
      );
    });
  }

  it('uses the gpus fact on a lingua file (its batch is per GPU), and asks for it when it is missing', () => {
    const { analysis } = analyzeExample('lingua/debug.yaml', {});
    assert.equal(analysis.tokens, null);
    assert.ok(analysis.findings.some((finding) => finding.code === 'missing-data-parallel'));
  });

  it('reports a fact that nothing uses (a dataset size on a run measured in steps) instead of dropping it', () => {
    const { analysis } = analyzeExample('prime-rl/reverse-text-sft.toml', { dataset_tokens: 1e9 });
    assert.equal(analysis.tokens, 13_107_200);
    assert.ok(
      analysis.findings.some((finding) => /The fact dataset_tokens=1,000,000,000 was given, but nothing in this reading used it/.test(finding.message)),
    );
  });
});

describe('DeepSpeed configs', () => {
  it('recognises a ds_config.json as DeepSpeed and says the model and steps are in the script that passes it', () => {
    const text = JSON.stringify({ train_batch_size: 512, train_micro_batch_size_per_gpu: 8, zero_optimization: { stage: 2 }, bf16: { enabled: true } });
    const analysis = analyze(text, '/repo/ds_config.json');
    assert.equal(analysis.framework, 'deepspeed');
    assert.deepEqual(
      analysis.findings.map((finding) => [finding.code, finding.severity]),
      [['missing-architecture', 'information']],
    );
    assert.match(analysis.findings[0].message, /--deepspeed_config/);
  });
});
