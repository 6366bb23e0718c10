import assert from 'node:assert/strict';
import { getEntry, getPath, type ConfigNode } from '../../../src/core/source/tree';
import { ConfigView } from '../../../src/core/source/view';
import { readYaml } from '../../../src/core/source/yamlTree';
import { marked } from './marker';

const scalar = (node: ConfigNode | undefined) => (node?.kind === 'scalar' ? node : assert.fail(`not a scalar: ${JSON.stringify(node)}`));
const entry = (root: ConfigNode | undefined, ...path: string[]) => getPath(root, path)?.entry ?? assert.fail(`no ${path.join('.')}`);

describe('reading YAML into the shared tree', () => {
  it('keeps the offsets of every key and value', () => {
    const { text, at } = marked('model:\n  ‸hidden_size‸: ‸4096‸ # comment\n');
    const { root, problems } = readYaml(text);
    assert.deepEqual(problems, []);
    const found = entry(root, 'model', 'hidden_size');
    assert.deepEqual(found.keySpan, { start: at[0], end: at[1] });
    assert.deepEqual(found.value.span, { start: at[2], end: at[3] }, 'the value span excludes the comment and the newline');
  });

  it('reads YAML 1.1 habits: 3e12 and 1e-4 without a dot are numbers, 739_328 a count, True a boolean', () => {
    const { root } = readYaml('tokens: 3e12\nlr: 1e-4\nsteps: 739_328\nflag: True\nquoted: "3e12"\n');
    const view = new ConfigView(root);
    assert.equal(view.count(view.find(['tokens']), 'tokens')?.value, 3e12);
    assert.equal(view.count(view.find(['lr']), 'a rate')?.value, 1e-4);
    assert.equal(view.count(view.find(['steps']), 'steps')?.value, 739_328);
    assert.equal(view.flag(view.find(['flag'])), true);
    assert.equal(view.count(view.find(['quoted']), 'tokens')?.value, 3e12, 'a quoted number still counts');
    assert.equal(scalar(entry(root, 'steps').value).source, '739_328', 'plain scalars keep their text');
    assert.equal(scalar(entry(root, 'quoted').value).source, undefined);
    assert.deepEqual(view.findings, []);
  });

  it('reads hexadecimal and octal integers by their YAML value', () => {
    const { root } = readYaml('hex: 0x10\noct: 0o17\n');
    const view = new ConfigView(root);
    assert.equal(view.count(view.find(['hex']), 'a count')?.value, 16);
    assert.equal(view.count(view.find(['oct']), 'a count')?.value, 15);
  });

  it('shares one node for an anchor and its aliases', () => {
    const { root } = readYaml('base: &base {hidden_size: 4096}\nmodel: *base\n');
    assert.equal(entry(root, 'base').value, entry(root, 'model').value);
  });

  it('merges << keys, with the map own keys winning over merged ones', () => {
    const { root } = readYaml('defaults: &defaults\n  hidden_size: 2048\n  num_layers: 24\nmodel:\n  <<: *defaults\n  hidden_size: 4096\n');
    const model = entry(root, 'model').value;
    assert.equal(scalar(getEntry(model, 'num_layers')?.value).value, 24);
    assert.equal(scalar(getEntry(model, 'hidden_size')?.value).value, 4096);
    assert.equal(new ConfigView(root).count(new ConfigView(root).find(['hidden_size'], { under: ['model'] }), 'a size')?.value, 4096);
  });

  it('merges a list of maps under <<', () => {
    const { root } = readYaml('a: &a {x: 1, w: 1}\nb: &b {y: 2, w: 2}\nc:\n  <<: [*a, *b]\n  z: 3\n');
    const c = entry(root, 'c').value;
    assert.deepEqual(c.kind === 'map' ? [...new Set(c.entries.map((item) => item.key))].sort() : [], ['w', 'x', 'y', 'z']);
    // Of two merged maps the first wins (YAML 1.1 merge key spec).
    assert.equal(scalar(getEntry(c, 'w')?.value).value, 1);
  });

  it('reports an !include custom tag as unsupported, keeps its text and goes on', () => {
    const { text, at } = marked('model: ‸!include‸ model.yaml\nparameters: 7B\n');
    const { root, problems } = readYaml(text);
    assert.deepEqual(
      problems.map((problem) => problem.code),
      ['unsupported-tag'],
    );
    assert.deepEqual(problems[0].span, { start: at[0], end: at[1] });
    assert.match(problems[0].message, /!include/);
    const model = scalar(entry(root, 'model').value);
    assert.equal(model.value, 'model.yaml');
    assert.equal(model.tag, '!include');
    assert.equal(scalar(entry(root, 'parameters').value).value, '7B');
  });

  it('keeps the text of a !!binary or !!timestamp value, which the YAML parser turns into bytes or a date', () => {
    const { root } = readYaml('weights: !!binary aGVsbG8=\nstarted: !!timestamp 2024-05-01\n');
    assert.equal(scalar(entry(root, 'weights').value).value, 'aGVsbG8=');
    assert.equal(scalar(entry(root, 'started').value).value, '2024-05-01');
  });

  it('reads the GPT-NeoX brace style with # comments, True and trailing commas', () => {
    const text = [
      '# GPT-NeoX style',
      '{',
      '  # the model',
      '  "num-layers": 32,',
      '  "hidden-size": 4096, # width',
      '  "no-weight-tying": True,',
      '  "attention-config": [[["flash"], 32]],',
      '  "betas": [0.9, 0.95,],',
      '}',
    ].join('\n');
    const { root, problems } = readYaml(text);
    assert.deepEqual(problems, []);
    const view = new ConfigView(root);
    assert.equal(view.count(view.find(['num_layers']), 'layers')?.value, 32, 'num-layers is found as num_layers');
    assert.equal(view.flag(view.find(['no_weight_tying'])), true);
    const betas = entry(root, 'betas').value;
    assert.equal(betas.kind === 'seq' ? betas.items.length : 0, 2);
  });

  it('points a syntax error at the line that opened an unclosed bracket', () => {
    const { text, at } = marked('model:\n  num_layers: ‸[32\n  hidden_size: 4096\n');
    const { problems } = readYaml(text);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].code, 'parse-error');
    assert.equal(problems[0].span.start, at[0]);
    assert.match(problems[0].message, /^This "\[" is never closed with "\]"/);
  });

  it('reads nothing, and reports nothing, from an empty text or comments only', () => {
    for (const text of ['', '# only a comment\n', '---\n']) {
      const { root, problems } = readYaml(text);
      assert.deepEqual(problems, []);
      assert.ok(!root || (root.kind === 'scalar' && root.value === null), JSON.stringify(root));
    }
  });
});
