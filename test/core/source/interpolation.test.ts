import assert from 'node:assert/strict';
import { resolveInterpolation } from '../../../src/core/source/interpolation';
import { readYaml } from '../../../src/core/source/yamlTree';

function resolver(yamlText: string) {
  const { root } = readYaml(yamlText);
  return (text: string, base: string[] = []) => {
    const resolution = resolveInterpolation(text, root, base);
    return resolution.ok ? resolution.value : `unresolved: ${resolution.reason}`;
  };
}

describe('OmegaConf interpolation', () => {
  const config = [
    'base_results_dir: /results',
    'model:',
    '  hidden_size: 4096',
    '  encoder_seq_length: 2048',
    '  max_position_embeddings: ${.encoder_seq_length}',
    '  ffn_hidden_size: ${multiply:4, ${.hidden_size}}',
    '  heads: ???',
    '  empty:',
    '  optim:',
    '    lr: 3e-4',
    '    warmup: ${..encoder_seq_length}',
    'run:',
    '  name: gpt',
    '  dir: ${base_results_dir}/${.name}',
    'list: [10, 20]',
  ].join('\n');
  const resolve = resolver(config);

  it('keeps the type of a value that is exactly one reference', () => {
    assert.equal(resolve('${model.hidden_size}'), 4096);
  });

  it('joins text and references into a string', () => {
    assert.equal(resolve('${base_results_dir}/${run.name}'), '/results/gpt');
  });

  it('resolves relative references from the map that holds the value', () => {
    assert.equal(resolve('${.encoder_seq_length}', ['model']), 2048);
    assert.equal(resolve('${..encoder_seq_length}', ['model', 'optim']), 2048);
  });

  it('follows references to values that are themselves interpolated', () => {
    assert.equal(resolve('${model.max_position_embeddings}'), 2048);
    assert.equal(resolve('${run.dir}'), '/results/gpt');
  });

  it('applies the arithmetic resolvers NeMo and llm-foundry register', () => {
    assert.equal(resolve('${model.ffn_hidden_size}'), 16_384);
    assert.equal(resolve('${multiply:2, 3, 4}'), 24);
    assert.equal(resolve('${add:1, 2}'), 3);
    assert.equal(resolve('${subtract:10, 4}'), 6);
    assert.equal(resolve('${divide:10, 4}'), 2.5);
    assert.equal(resolve('${floor_divide:10, 4}'), 2);
    assert.equal(resolve('${ceil:2.1}'), 3);
    assert.equal(resolve('${int:2.9}'), 2);
  });

  it('takes the default of an environment variable, never the environment itself', () => {
    assert.equal(resolve('${oc.env:NUM_GPUS,8}'), 8);
    assert.match(String(resolve('${oc.env:HOME}')), /^unresolved: .*environment/);
  });

  it('reads a list item by index', () => {
    assert.equal(resolve('${list.1}'), 20);
  });

  it('says why a reference cannot be resolved', () => {
    assert.match(String(resolve('${model.nothing}')), /points at nothing/);
    assert.match(String(resolve('${model.optim}')), /is a section, not a value/);
    assert.match(String(resolve('${model.heads}')), /"\?\?\?"/);
    assert.match(String(resolve('${model.empty}')), /is empty/);
    assert.match(String(resolve('${divide:1, 0}')), /divides by zero/);
    assert.match(String(resolve('${multiply:2, abc}')), /needs numbers/);
    assert.match(String(resolve('${now:%Y}')), /resolver "now" is not one this extension knows/);
    assert.match(String(resolve('${model.hidden_size')), /unreadable interpolation/);
  });

  it('reports references that go round in a loop', () => {
    const loop = resolver('a: ${b}\nb: ${c}\nc: ${a}\n');
    assert.match(String(loop('${a}')), /loop/);
  });

  it('bounds the work of references that double at every level', () => {
    const lines = ['a0: 7', ...Array.from({ length: 20 }, (_, i) => `a${i + 1}: "\${a${i}}\${a${i}}"`)];
    const resolveDoubling = resolver(lines.join('\n'));
    assert.equal(resolveDoubling('${a3}'), '77777777');
    assert.match(String(resolveDoubling('${a20}')), /more than 1,000 references/);
  });

  it('keeps the reason short whatever the text', () => {
    const reason = String(resolve(`\${${'x'.repeat(10_000)}}`));
    assert.ok(reason.length < 200, reason);
  });
});
