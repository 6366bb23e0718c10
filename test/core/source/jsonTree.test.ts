import assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';
import { readJson } from '../../../src/core/source/jsonTree';
import { getPath } from '../../../src/core/source/tree';
import { ConfigView } from '../../../src/core/source/view';
import { marked } from './marker';

describe('reading JSON and JSONC into the shared tree', () => {
  it('keeps the offsets of keys (with their quotes) and values', () => {
    const { text, at } = marked('{\n  ‸"hidden_size"‸: ‸4096‸\n}');
    const { root, problems } = readJson(text);
    assert.deepEqual(problems, []);
    const found = getPath(root, ['hidden_size'])?.entry;
    assert.deepEqual(found?.keySpan, { start: at[0], end: at[1] });
    assert.deepEqual(found?.value.span, { start: at[2], end: at[3] });
  });

  it('accepts comments and trailing commas as JSONC allows', () => {
    const { root, problems } = readJson('{\n  // the width\n  "hidden_size": 4096, /* block */\n  "betas": [0.9, 0.95,],\n}');
    assert.deepEqual(problems, []);
    const betas = getPath(root, ['betas'])?.node;
    assert.equal(betas?.kind === 'seq' ? betas.items.length : 0, 2);
  });

  it('keeps the literal of a number so 1e400 is reported, not read as Infinity', () => {
    const { root } = readJson('{"parameters": 1e400}');
    const view = new ConfigView(root);
    assert.equal(view.count(view.find(['parameters']), 'parameters'), undefined);
    assert.deepEqual(
      view.findings.map((finding) => finding.code),
      ['out-of-range'],
    );
  });

  it('reports a truncated file at its end, within the text', () => {
    const text = '{"model_type": "llama", "hidden_size": 40';
    const { root, problems } = readJson(text);
    assert.ok(problems.length >= 1);
    for (const problem of problems) assert.ok(problem.span.start <= problem.span.end && problem.span.end <= text.length);
    assert.equal(getPath(root, ['model_type'])?.node.kind, 'scalar', 'what came before the break is still read');
  });

  it('describes errors as sentences', () => {
    const { problems } = readJson('{"a" 1}');
    assert.equal(problems[0].message, 'JSON: Colon expected.');
  });

  it('reads strings, booleans and null as scalars', () => {
    const { root } = readJson('{"a": "x", "b": true, "c": null}');
    assert.deepEqual(
      ['a', 'b', 'c'].map((key) => {
        const node = getPath(root, [key])?.node;
        return node?.kind === 'scalar' ? node.value : undefined;
      }),
      ['x', true, null],
    );
  });
});

describe('NaN and Infinity as Python writes them', () => {
  const config =
    '{\n  "model_type": "llama",\n  "note": "Infinity and NaN in a string stay text",\n  "max_grad": Infinity, "min": -Infinity, "eps": NaN, // comment NaN\n  "hidden_size": 4096\n}';

  it('reads them as numbers with every offset kept, and reports no syntax error', () => {
    const { root, problems } = readJson(config);
    assert.deepEqual(problems, []);
    assert.ok(root?.kind === 'map');
    const byKey = new Map(root.entries.map((entry) => [entry.key, entry]));
    const value = (key: string) => {
      const node = byKey.get(key)!.value;
      return node.kind === 'scalar' ? node.value : undefined;
    };
    assert.equal(value('max_grad'), Infinity);
    assert.equal(value('min'), -Infinity);
    assert.ok(Number.isNaN(value('eps')));
    assert.equal(value('note'), 'Infinity and NaN in a string stay text');
    const hidden = byKey.get('hidden_size')!;
    assert.equal(config.slice(hidden.keySpan.start, hidden.keySpan.end), '"hidden_size"');
    const grad = byKey.get('max_grad')!.value;
    assert.equal(config.slice(grad.span.start, grad.span.end), 'Infinity');
  });

  it('reports NaN where a count is needed as a finding at that key, not a crash', () => {
    const text = JSON.stringify({
      model_type: 'llama',
      hidden_size: 4096,
      num_hidden_layers: 32,
      num_attention_heads: 32,
      intermediate_size: 11008,
      vocab_size: 32000,
    }).replace('4096', 'NaN');
    const analysis = analyze(text, 'config.json');
    const finding = analysis.findings.find((candidate) => candidate.code === 'invalid-number' || candidate.code === 'out-of-range');
    assert.ok(finding, analysis.findings.map((candidate) => candidate.code).join(', '));
    assert.match(text.slice(finding.span.start, finding.span.end), /^"hidden_size"/);
    assert.equal(analysis.parameters.total, null);
  });
});
