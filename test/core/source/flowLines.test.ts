import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getPath } from '../../../src/core/source/tree';
import { readYaml } from '../../../src/core/source/yamlTree';

const example = (name: string) => readFileSync(join(__dirname, '../../../../test/examples/flow-indent', name), 'utf8');

describe('flow collections whose lines sit left of their key, as PyYAML reads them', () => {
  it('reads a list closed left of its key (FlagScale prompts) with no parse error', () => {
    const text = example('flagscale-8b-tp2.yaml');
    const { root, problems } = readYaml(text);
    assert.deepEqual(problems, []);
    const prompts = getPath(root, ['generate', 'prompts'])?.entry?.value;
    assert.equal(prompts?.kind === 'seq' ? prompts.items.length : 0, 2);
    const topK = getPath(root, ['generate', 'sampling', 'top_k'])?.entry;
    assert.ok(topK, 'the keys after the list keep their place');
    assert.equal(text.slice(topK.keySpan.start, topK.keySpan.end), 'top_k', 'offsets still point at the user text');
  });

  it('reads a multi-line quoted launch line inside a list (Beaker spec) with no parse error', () => {
    const { root, problems } = readYaml(example('open-instruct-default_finetune.yaml'));
    assert.deepEqual(problems, []);
    const args = getPath(root, ['tasks', '0', 'arguments'])?.entry?.value;
    assert.equal(args?.kind, 'seq');
  });

  it('still reports a flow list that is really never closed', () => {
    const { problems } = readYaml('a: [1, 2\nb: 3\n');
    assert.ok(problems.some((problem) => problem.code === 'parse-error'));
  });
});
