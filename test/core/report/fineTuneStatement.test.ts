import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../src/core/analyze';
import { computeStatement, statementMarkdown } from '../../../src/core/report/statement';

const recipe = (name: string) => readFileSync(join(__dirname, '..', '..', '..', '..', 'test', 'examples', 'fine-tune', name), 'utf8');

describe('the compute statement of a fine-tune', () => {
  const analysis = analyze(recipe('llama-factory-llama3-lora-dpo.yaml'), 'llama3_lora_dpo.yaml', { facts: { dataset_tokens: 1e6 } });
  const statement = computeStatement(analysis, undefined, { issued: '2026-12-07', toolVersion: '0.1.0' });

  it('says when and with which tool it was issued', () => {
    assert.equal(statement.issued, '2026-12-07');
    assert.equal(statement.tool, 'compute-budget 0.1.0');
  });

  it('names the model as written and as resolved, and says why they differ', () => {
    assert.equal(statement.model.asWritten, 'meta-llama/Meta-Llama-3-8B-Instruct');
    assert.equal(statement.model.resolved, 'meta-llama/Meta-Llama-3-8B');
    assert.match(statement.model.difference ?? '', /read as the catalog entry meta-llama\/Meta-Llama-3-8B/);
  });

  it('gives every fact with its value and source', () => {
    const dataset = statement.facts.find((item) => /dataset tokens/.test(item.what));
    assert.equal(dataset?.value, '1,000,000');
    assert.equal(dataset?.origin, 'user');
  });

  it('states the trainer, the base’s tokens with their source, and the one-third test', () => {
    assert.equal(statement.modification?.trainer, 'dpo');
    assert.equal(statement.modification?.baseTokens, 15e12);
    assert.match(statement.modification?.baseTokensSource ?? '', /Llama 3/);
    assert.equal(statement.modification?.modifierTest, 'below-one-third');
    assert.match(statement.modification!.conclusion, /below the one third/);
    assert.match(statement.methods[0]!.formula, /\(\(4 x N \+ 2 x N_trainable\) \+ 2 x N\) x D/);
  });

  it('says the threshold shares are of the base + this fine-tune, as the hover and the inline summary do', () => {
    assert.match(statementMarkdown(statement), /Shares are of the compute of base \+ this fine-tune\. Threshold rules as of/);
  });

  it('asks a below-one-third modifier for no notification, and says the base passed the lines', () => {
    assert.equal(statement.notification, null);
    assert.match(statementMarkdown(statement), /passed by meta-llama\/Meta-Llama-3-8B's own pretraining/);
  });

  it('fills every threshold row with what it needs when the file lacks only its dataset size', () => {
    const partial = computeStatement(analyze(recipe('zephyr-sft-lora.yaml'), 'zephyr-sft-lora.yaml'));
    assert.equal(partial.thresholds.length, 6);
    for (const row of partial.thresholds) {
      assert.equal(row.fraction, null);
      assert.match(row.tier, /^unknown: needs the fine-tuning tokens/);
    }
  });
});
