import assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';
import { readYaml } from '../../../src/core/source/yamlTree';
import type { ConfigNode } from '../../../src/core/source/tree';

/** Entries reachable from the root, counting a shared node once: the size of what analysis holds. */
function entryCount(root: ConfigNode | undefined): number {
  const seen = new Set<ConfigNode>();
  let count = 0;
  const walk = (node: ConfigNode | undefined) => {
    if (!node || seen.has(node)) return;
    seen.add(node);
    if (node.kind === 'map') {
      for (const entry of node.entries) {
        count++;
        walk(entry.value);
      }
    }
    if (node.kind === 'seq') node.items.forEach(walk);
  };
  walk(root);
  return count;
}

describe('YAML shapes whose naive reading grows exponentially', function () {
  this.timeout(10_000);

  it('names a collection used as a key by its source text, never by re-serialising it', () => {
    // 59 bytes; String() of the nested key ran the YAML stringifier, exponential in depth.
    const parsed = readYaml('? '.repeat(29) + 'a');
    assert.ok(parsed.root);
    let flow = 'a';
    for (let i = 0; i < 24; i++) flow = `{${flow}: 1}`;
    const nested = readYaml(`${flow}: 2\n`);
    const key = nested.root?.kind === 'map' ? nested.root.entries[0].key : '';
    assert.ok(key.length <= 60, `key shown in ${key.length} characters`);
    assert.ok(key.startsWith('{{{'));
  });

  it('merges each key once when a << list names the same map twice, 17 levels deep', () => {
    const lines = ['p0: &p0 {a: 1}'];
    for (let i = 1; i <= 17; i++) lines.push(`p${i}: &p${i} {<<: [*p${i - 1}, *p${i - 1}], k${i}: ${i}}`);
    const parsed = readYaml(lines.join('\n'));
    const last = parsed.root?.kind === 'map' ? parsed.root.entries[17].value : undefined;
    assert.equal(last?.kind === 'map' ? last.entries.length : 0, 18, 'a and k1…k17, each once');
    assert.doesNotThrow(() => analyze(lines.join('\n'), 'bomb.yaml'));
  });

  it('bounds what chained merges copy, with one too-large finding, and keeps the explicit keys', () => {
    const lines = ['p0: &p0 {a: 1}'];
    for (let i = 1; i <= 3000; i++) lines.push(`p${i}: &p${i} {<<: *p${i - 1}, k${i}: ${i}}`);
    const parsed = readYaml(lines.join('\n'));
    assert.ok(entryCount(parsed.root) < 60_000, `${entryCount(parsed.root)} entries held`);
    assert.equal(parsed.problems.filter((problem) => problem.code === 'too-large').length, 1);
    const last = parsed.root?.kind === 'map' ? parsed.root.entries[3000].value : undefined;
    assert.ok(last?.kind === 'map' && last.entries.some((entry) => entry.key === 'k3000'));
  });

  it('still lets the first map of a << list win and explicit keys win over merged ones', () => {
    const parsed = readYaml('a: &a {x: 1, y: 1}\nb: &b {x: 2, z: 2}\nc: {<<: [*a, *b], y: 3}\n');
    const c = parsed.root?.kind === 'map' ? parsed.root.entries[2].value : undefined;
    const value = (key: string) =>
      c?.kind === 'map'
        ? c.entries
            .filter((entry) => entry.key === key)
            .map((entry) => (entry.value.kind === 'scalar' ? entry.value.value : undefined))
            .at(-1)
        : undefined;
    assert.equal(value('x'), 1);
    assert.equal(value('y'), 3);
    assert.equal(value('z'), 2);
  });
});
