import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { analyze } from '../../../src/core/analyze';
import { allKeys, BUDGET_SCHEMA, propertiesOf, resolve, sectionAt } from '../../../src/core/schema/budgetSchema';
import { plain } from '../../../src/core/formats/plain/plain';
import { acceleratorTable } from '../../../src/core/hardware/accelerators';
import { HARDWARE_KEYS } from '../../../src/core/hardware/readHardware';
import { LIFECYCLE_KEYS } from '../../../src/core/training/lifecycle';

const ROOT = path.resolve(__dirname, '../../../..');
const source = (relative: string) => fs.readFileSync(path.join(ROOT, relative), 'utf8');
const stringsIn = (code: string) => [...code.matchAll(/'([A-Za-z_][\w]*)'/g)].map((match) => match[1]);

/** The string arrays a reader module declares as `const NAME = [...]` (its key lists that are not exported). */
function declaredList(relative: string, name: string): string[] {
  const match = new RegExp(`const ${name}\\b[^=]*=\\s*(?:new Set\\()?\\[([^\\]]*)\\]`).exec(source(relative));
  assert.ok(match, `${name} is declared in ${relative}`);
  return stringsIn(match[1]);
}

/**
 * Every key the plain-budget reader looks up: the plain module's training and model-name keys, the
 * declared counts, the architecture keys that make a budget describe its shape, every key list of
 * the hardware reader (its inline lists too), and the lifecycle keys.
 */
function readerKeys(): Set<string> {
  return new Set([
    ...Object.values(plain.training).flatMap((keys: unknown): string[] => (Array.isArray(keys) ? (keys as string[]) : [])),
    ...(plain.modelNameKeys ?? []),
    ...declaredList('src/core/architecture/readModel.ts', 'DECLARED_TOTAL'),
    ...declaredList('src/core/architecture/readModel.ts', 'DECLARED_ACTIVE'),
    ...declaredList('src/core/formats/plain/plain.ts', 'ARCHITECTURE_KEYS'),
    ...HARDWARE_KEYS,
    ...LIFECYCLE_KEYS,
  ]);
}

/** Keys only the schema has: sections and a label. */
const SECTIONS = ['model', 'training', 'train', 'dataset'];
const LABELS = ['name'];

/** A budget with a Hugging Face shape; each `key: value` line replaces the key of the same name, or is added. */
function shapeBudget(lines: string): string {
  const shape = new Map([
    ['hidden_size', '4096'],
    ['num_hidden_layers', '32'],
    ['num_attention_heads', '32'],
    ['vocab_size', '32000'],
  ]);
  for (const line of lines.split('\n')) {
    const [key, value] = line.trim().split(': ');
    shape.set(key, value);
  }
  return `model:\n${[...shape].map(([name, text]) => `  ${name}: ${text}`).join('\n')}\ntraining:\n  tokens: 1T\n`;
}
const nodes = (devices: number) => `hardware:\n  accelerator: H100\n  num_nodes: 4\n  devices: ${devices}\n  days: 1\n`;

/**
 * Keys the schema documents that the reader reads through no key list (Hugging Face's shape
 * reader, the nodes × devices product): two budgets that differ only in that key, whose compute must differ.
 */
const READ_ELSEWHERE: Record<string, [string, string]> = {
  model_type: [shapeBudget('model_type: llama'), shapeBudget('model_type: gpt2')],
  num_key_value_heads: [shapeBudget('num_key_value_heads: 32'), shapeBudget('num_key_value_heads: 8')],
  head_dim: [shapeBudget('head_dim: 128'), shapeBudget('head_dim: 64')],
  intermediate_size: [shapeBudget('intermediate_size: 11008'), shapeBudget('intermediate_size: 14336')],
  vocab_size: [shapeBudget('vocab_size: 32000'), shapeBudget('vocab_size: 128256')],
  tie_word_embeddings: [shapeBudget('tie_word_embeddings: false'), shapeBudget('tie_word_embeddings: true')],
  num_local_experts: [shapeBudget('num_local_experts: 8\n  num_experts_per_tok: 2'), shapeBudget('num_local_experts: 16\n  num_experts_per_tok: 2')],
  num_experts_per_tok: [
    shapeBudget('num_local_experts: 8\n  num_experts_per_tok: 1\n  model_type: mixtral'),
    shapeBudget('num_local_experts: 8\n  num_experts_per_tok: 2\n  model_type: mixtral'),
  ],
  devices: [nodes(8), nodes(4)],
};

const budget = (text: string) => analyze(text, 'example.budget.yaml', { alwaysReport: true });

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
  ajv.addKeyword('defaultSnippets');
  return ajv.compile(BUDGET_SCHEMA);
}

describe('the plain budget schema', () => {
  it('names every key the plain-budget reader reads, and no key it does not read', () => {
    const reader = readerKeys();
    const schema = allKeys();
    assert.ok(reader.size > 60, `read ${reader.size} reader keys; the extraction from the reader's sources broke`);
    assert.deepEqual(
      [...reader].filter((key) => !schema.has(key)),
      [],
      'read by the reader but missing from schemas/budget.schema.json',
    );
    const schemaOnly = [...schema].filter((key) => !reader.has(key) && !SECTIONS.includes(key) && !LABELS.includes(key));
    assert.deepEqual(schemaOnly.sort(), Object.keys(READ_ELSEWHERE).sort(), 'in the schema but not read by the plain-budget reader');
  });

  for (const [key, [first, second]] of Object.entries(READ_ELSEWHERE)) {
    it(`changes the compute with ${key}, a key the schema documents and the reader reads outside its key lists`, () => {
      const a = budget(first).flops;
      const b = budget(second).flops;
      assert.ok(a && b && a !== b, `${key}: ${a} vs ${b}`);
    });
  }

  it('describes every key at every level', () => {
    const undescribed: string[] = [];
    const visit = (section: ReturnType<typeof sectionAt>, where: string) => {
      for (const property of propertiesOf(section!)) {
        if (!property.node.description) undescribed.push(`${where}${property.key}`);
        const child = sectionAt([...where.split('.').filter(Boolean), property.key]);
        if (child && !where.includes(`${property.key}.`)) visit(child, `${where}${property.key}.`);
      }
    };
    visit(BUDGET_SCHEMA, '');
    assert.deepEqual(undescribed, []);
  });

  it('offers the accelerators of the built-in table as examples', () => {
    const accelerator = resolve({ $ref: '#/definitions/accelerator' });
    assert.deepEqual(
      [...(accelerator.examples ?? [])].sort(),
      acceleratorTable()
        .map((row) => row.id)
        .sort(),
    );
  });

  it('validates every plain budget under test/examples with Ajv, and each one yields a compute figure', () => {
    const validate = validator();
    const files = [
      ...fs.readdirSync(path.join(ROOT, 'test/examples/budget')).map((file) => `budget/${file}`),
      'generic/chinchilla-70b.yaml',
      'generic/llama-2-7b-run.yaml',
    ];
    assert.ok(files.length >= 6);
    for (const file of files) {
      const text = fs.readFileSync(path.join(ROOT, 'test/examples', file), 'utf8');
      assert.ok(validate(parse(text)), `${file}: ${JSON.stringify(validate.errors)}`);
      const analysis = analyze(text, file, { alwaysReport: true });
      assert.equal(analysis.framework, 'plain', file);
      assert.ok(analysis.flops && analysis.flops > 0, file);
    }
  });

  it('rejects a misspelt key, a negative count and a time that is not one', () => {
    const validate = validator();
    assert.equal(validate(parse('model:\n  parameters: 7B\ntraining:\n  tokenz: 2T\n')), false);
    assert.ok(validate.errors!.some((error) => error.keyword === 'additionalProperties' && error.params.additionalProperty === 'tokenz'));
    assert.equal(validate(parse('parameters: -7B\ntokens: 2T\n')), false);
    assert.equal(validate(parse('hardware:\n  accelerator: H100\n  count: 8\n  max_time: soon\n')), false);
    assert.equal(validate(parse('parameters: 7B\ntokens: 2T\nhardware:\n  utilisation: 140\n')), false);
  });

  it('accepts numbers as people write them: suffixes, exponents, separators, and a name for the hardware', () => {
    const validate = validator();
    for (const text of [
      'parameters: 70B\ntokens: 1.4T\n',
      'parameters: 6.7e9\ntokens: 2_000_000_000_000\n',
      'parameters: 125M\ntokens: "300,000,000,000"\n',
      'hardware: H100\ngpus: 8\ndays: 2.5\n',
    ]) {
      assert.ok(validate(parse(text)), `${text}: ${JSON.stringify(validate.errors)}`);
    }
  });
});
