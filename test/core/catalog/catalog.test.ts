import assert from 'node:assert/strict';
import { findModel, MODELS } from '../../../src/core/catalog/models';
import { checkPublished } from './check';
import { PUBLISHED, PUBLISHED_MLA } from './published';
import { PUBLISHED_GROWN } from './publishedGrown';

describe('the built-in catalog', () => {
  it('has a published parameter count for every entry', () => {
    const published = new Set([...PUBLISHED, ...PUBLISHED_MLA, ...PUBLISHED_GROWN].map((row) => row.id));
    assert.deepEqual(
      MODELS.map((model) => model.id).filter((id) => !published.has(id)),
      [],
    );
  });

  it('says where every architecture was read, and every training-token figure', () => {
    for (const model of MODELS) {
      if (model.trainingTokens !== undefined) assert.ok(model.tokensSource, `${model.id} tokens source`);
      if (!model.id.startsWith('openai-community/')) assert.ok(model.configSource, `${model.id} config source`);
      assert.equal(model.source, undefined, `${model.id}: built-in entries have no host source`);
    }
  });

  it('has no name that two entries claim', () => {
    const seen = new Map<string, string>();
    for (const model of MODELS) {
      for (const name of [model.id, ...model.aliases]) {
        const key = name.toLowerCase().replace(/[_\s]/g, '-');
        assert.ok(!seen.has(key) || seen.get(key) === model.id, `${name}: ${seen.get(key)} and ${model.id}`);
        seen.set(key, model.id);
      }
    }
  });

  it('holds at least 150 models', () => assert.ok(MODELS.length >= 150, `${MODELS.length} models`));

  it("finds a model by every built-in name of LitGPT's config.py that has a published shape here", () => {
    const names = [
      'micro-llama-300M',
      'open_llama_3b',
      'OLMo-1B-hf',
      'phi-2',
      'falcon-40b',
      'stablelm-3b-4e1t',
      'QwQ-32B',
      'Qwen2.5-Coder-7B-Instruct',
      'Platypus2-13B',
      'R1-Distill-Llama-8B',
      'salamandra-7b',
    ];
    for (const name of names) assert.ok(findModel(name), name);
  });

  it("finds models by LitGPT's config names", () => {
    const litgpt: [string, string][] = [
      ['Llama-3.1-8B', 'meta-llama/Llama-3.1-8B'],
      ['Llama-3.2-1B-Instruct', 'meta-llama/Llama-3.2-1B'],
      ['Llama-3.3-70B-Instruct', 'meta-llama/Llama-3.3-70B-Instruct'],
      ['tiny-llama-1.1b', 'TinyLlama/TinyLlama-1.1B-intermediate-step-1431k-3T'],
      ['pythia-160m', 'EleutherAI/pythia-160m'],
      ['Qwen2.5-7B-Instruct', 'Qwen/Qwen2.5-7B'],
      ['Qwen3-30B-A3B', 'Qwen/Qwen3-30B-A3B'],
      ['Gemma-2-9b', 'google/gemma-2-9b'],
      ['Gemma-3-27b-it', 'google/gemma-3-27b-pt'],
      ['phi-4', 'microsoft/phi-4'],
      ['Phi-3-mini-4k-instruct', 'microsoft/Phi-3-mini-4k-instruct'],
      ['Mixtral-8x22B-Instruct-v0.1', 'mistralai/Mixtral-8x22B-v0.1'],
      ['OLMo-2-1124-13B-Instruct', 'allenai/OLMo-2-1124-13B'],
      ['SmolLM2-360M-Instruct', 'HuggingFaceTB/SmolLM2-360M'],
      ['Mistral-7B-v0.3', 'mistralai/Mistral-7B-v0.3'],
    ];
    for (const [name, id] of litgpt) assert.equal(findModel(name)?.id, id, name);
  });

  describe('counts match the published figures', () => {
    for (const row of [...PUBLISHED, ...PUBLISHED_GROWN]) it(`${row.id}: ${row.source}`, () => checkPublished(row));
  });
});
