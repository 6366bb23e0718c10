import assert from 'node:assert/strict';
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
    assert.deepEqual(view.findings.map((finding) => finding.code), ['out-of-range']);
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
    assert.deepEqual(['a', 'b', 'c'].map((key) => { const node = getPath(root, [key])?.node; return node?.kind === 'scalar' ? node.value : undefined; }), ['x', true, null]);
  });
});
