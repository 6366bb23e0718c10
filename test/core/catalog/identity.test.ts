import assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';
import { findModel, identifyModel } from '../../../src/core/catalog/models';

describe('Hub ids of copies of a catalog model', () => {
  const copies: [string, string, string][] = [
    ['deepseek-ai/DeepSeek-V3-0324', 'deepseek-ai/DeepSeek-V3', 'dated release'],
    ['Qwen/Qwen3-4B-Instruct-2507-FP8', 'Qwen/Qwen3-4B-Instruct-2507', 'quantised copy'],
    ['someone/Qwen3-8B-Instruct-2507', 'Qwen/Qwen3-8B', 'dated release, fine-tuned variant'],
    ['PrimeIntellect/Qwen3-0.6B', 'Qwen/Qwen3-0.6B', ''],
    ['unsloth/Llama-3.2-1B-Instruct-bnb-4bit', 'meta-llama/Llama-3.2-1B', 'quantised copy'],
    ['unsloth/Qwen2.5-7B-Instruct-unsloth-bnb-4bit', 'Qwen/Qwen2.5-7B', 'quantised copy'],
    ['Qwen/Qwen2.5-7B-Instruct-AWQ', 'Qwen/Qwen2.5-7B', 'quantised copy'],
    ['Qwen/Qwen2.5-7B-Instruct-GPTQ-Int4', 'Qwen/Qwen2.5-7B', 'quantised copy'],
    ['TheBloke/Llama-2-7B-Chat-GPTQ', 'meta-llama/Llama-2-7b-hf', 'quantised copy, fine-tuned variant'],
    ['Qwen/Qwen3-8B-FP8', 'Qwen/Qwen3-8B', 'quantised copy'],
    ['bartowski/Meta-Llama-3.1-8B-Instruct-GGUF', 'meta-llama/Llama-3.1-8B', 'quantised copy'],
    ['mlx-community/Qwen2.5-7B-Instruct-4bit', 'Qwen/Qwen2.5-7B', 'quantised copy'],
    ['someone/gemma-2-9b-it-BF16', 'google/gemma-2-9b', 'converted copy'],
    ['NousResearch/Llama-2-13b-hf', 'meta-llama/Llama-2-13b-hf', ''],
    ['mistralai/Mistral-Nemo-Base-2407', 'mistralai/Mistral-Nemo-Base-2407', ''],
  ];
  for (const [name, id, how] of copies) {
    it(`reads ${name} as ${id}`, () => {
      const found = identifyModel(name);
      assert.equal(found?.model.id, id);
      for (const step of how ? how.split(', ') : []) assert.ok(found.steps.includes(step), `${name}: ${found.steps.join(', ')}`);
    });
  }

  const reshaped = [
    'deepseek-ai/DeepSeek-R1-Distill-Qwen-7B',
    'nvidia/Llama-3.1-Minitron-4B-Width-Base',
    'princeton-nlp/Sheared-LLaMA-1.3B',
    'someone/Llama-3.1-8B-pruned-50',
    'someone/Qwen2.5-7B-MoE-Instruct',
    'Qwen/Qwen2.5-VL-7B-Instruct',
    'meta-llama/Llama-3.1-8B-Vision',
    'mistralai/Mistral-7B-v0.2-extended',
  ];
  for (const name of reshaped) {
    it(`does not read ${name} as a catalog model it is not`, () => assert.equal(findModel(name), undefined));
  }

  it('names the match in the catalog-value note', () => {
    const analysis = analyze('base_model: unsloth/Llama-3.2-1B-Instruct-bnb-4bit\n', 'axolotl.yml');
    const note = analysis.findings.find((finding) => finding.code === 'catalog-value');
    assert.match(
      note?.message ?? '',
      /"unsloth\/Llama-3\.2-1B-Instruct-bnb-4bit" \(organisation mirror, quantised copy\) is read as meta-llama\/Llama-3\.2-1B/,
    );
    assert.equal(analysis.parameters.total, 1_235_814_400);
  });
});

describe('a model named by a local folder', () => {
  const llama = JSON.stringify({
    model_type: 'llama',
    hidden_size: 2048,
    num_hidden_layers: 16,
    num_attention_heads: 32,
    num_key_value_heads: 8,
    intermediate_size: 8192,
    vocab_size: 128256,
    tie_word_embeddings: true,
  });

  it("reads the folder's config.json through the host, relative to the config that names it", () => {
    const asked: string[] = [];
    const resources = { file: (path: string) => (asked.push(path), path === '/runs/ckpt/config.json' ? llama : null), modelConfig: () => null };
    const analysis = analyze('base_model: ./ckpt\n', '/runs/axolotl.yml', { resources });
    assert.deepEqual(asked, ['/runs/ckpt/config.json']);
    assert.equal(analysis.parameters.total, 1_235_814_400);
    assert.ok(analysis.findings.some((finding) => finding.code === 'catalog-value' && /local config\.json/.test(finding.message)));
  });

  it('asks the host for the file when it has not been read yet', () => {
    const analysis = analyze('base_model: ../models/ckpt/\n', '/runs/a/axolotl.yml', { resources: { file: () => undefined, modelConfig: () => null } });
    assert.deepEqual(analysis.pending.files, ['/runs/models/ckpt/config.json']);
  });

  it('says the size is unknown when the folder has no config.json', () => {
    const analysis = analyze('base_model: ./nowhere\n', '/runs/axolotl.yml', { resources: { file: () => null, modelConfig: () => null } });
    assert.equal(analysis.parameters.total, null);
    assert.ok(analysis.findings.some((finding) => finding.code === 'unknown-model' && /no readable config\.json/.test(finding.message)));
  });
});
