import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../../src/core/analyze';
import { parseSource } from '../../../../src/core/source/syntax';
import { ConfigView } from '../../../../src/core/source/view';
import { readDatasetMix } from '../../../../src/core/training/hfTrainer/datasetMix';

const recipe = (name: string) => readFileSync(join(__dirname, '..', '..', '..', '..', '..', 'test', 'examples', 'fine-tune', name), 'utf8');
const mixOf = (text: string, syntax: 'yaml' | 'shell' = 'yaml') => readDatasetMix(new ConfigView(parseSource(text, syntax).root));

describe('datasets to tokens', () => {
  it('reads the mixers: fractions and counts, alignment-handbook’s map and open-instruct’s list', () => {
    assert.deepEqual(mixOf('dataset_mixer:\n  HuggingFaceH4/ultrachat_200k: 1.0\n')?.parts, [{ name: 'HuggingFaceH4/ultrachat_200k', fraction: 1 }]);
    const list = mixOf('dataset_mixer_list:\n  - allenai/a\n  - "0.5"\n  - allenai/b\n  - "1000"\n');
    assert.deepEqual(list?.parts, [
      { name: 'allenai/a', fraction: 0.5 },
      { name: 'allenai/b', samples: 1000 },
    ]);
    // A share of a dataset whose size the file does not hold: no count.
    assert.equal(list?.samples, undefined);
    assert.equal(mixOf('dataset_mixer_list:\n  - allenai/b\n  - "1000"\n  - allenai/c\n  - "24"\nmax_train_samples: 500\n')?.samples?.value, 500);
    // A dataset's own settings are no mix.
    assert.equal(mixOf('dataset:\n  path: allenai/c4\n  name: en\n'), undefined);
  });

  it('bounds an open-instruct mix of counts: samples × chosen and rejected × max_seq_length, assumed and said so', () => {
    const analysis = analyze(recipe('open-instruct-olmo-1b-dpo-mix.yaml'), 'olmo_1b_mix_example.yaml');
    assert.equal(analysis.fineTune?.trainer, 'dpo');
    const samples = 61_814 + 1_618 + 20_000 + 14_346 + 11_487;
    assert.equal(analysis.tokens, 3 * samples * 2 * 2048);
    assert.equal(analysis.training.tokens?.origin, 'assumed');
    const said = analysis.findings.find((finding) => finding.code === 'assumed-value');
    assert.equal(said?.severity, 'information');
    assert.match(said!.message, /assumed at most 447,549,440 tokens per epoch .* State the real size with a `# compute-budget: dataset_tokens=…` comment/);
    assert.equal(said?.fixes?.[0].kind, 'add-fact');
  });

  it('bounds LLaMA-Factory’s max_samples per dataset, with the share not held out', () => {
    const analysis = analyze(recipe('llama-factory-llama3-lora-sft.yaml'), 'llama3_lora_sft.yaml');
    // dataset: identity,alpaca_en_demo; max_samples: 1000; cutoff_len: 1024; 3 epochs; val_size: 0.1.
    assert.equal(analysis.tokens, 3 * 2 * 1000 * 1024 * 0.9);
    assert.match(analysis.training.derivation!, /at most 1,000 per dataset × 2 datasets \(max_samples\) × 1,024 tokens \(cutoff_len\)/);
  });

  it('lets dataset_tokens give the truth over the bound', () => {
    const analysis = analyze(`# compute-budget: dataset_tokens=1M\n${recipe('llama-factory-llama3-lora-sft.yaml')}`, 'llama3_lora_sft.yaml');
    assert.equal(analysis.tokens, 3 * 1e6 * 0.9);
    assert.ok(!analysis.findings.some((finding) => finding.code === 'assumed-value'));
  });

  it('names the mix but never guesses when it takes shares of datasets of unknown size', () => {
    const analysis = analyze(recipe('open-instruct-olmo2-7b-dpo.sh'), 'dpo_7b.sh');
    assert.equal(analysis.tokens, null);
    const missing = analysis.findings.find((finding) => finding.code === 'missing-dataset-size');
    assert.match(missing!.message, /\(all of allenai\/olmo-2-1124-7b-preference-mix\), so the token count is unknown/);
  });
});
