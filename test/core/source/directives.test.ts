import assert from 'node:assert/strict';
import { FACT_EXAMPLES, FACT_NAMES, readDirectives, readFactPairs, userFact, type FactName } from '../../../src/core/source/directives';
import type { Finding } from '../../../src/core/analysis/findings';

describe('compute-budget directive comments and facts', () => {
  it('reads several facts from one YAML comment, with their spans', () => {
    const text = 'train_iters: 1000\n# compute-budget: gpus=128 dataset_tokens=1.2B\n';
    const findings: Finding[] = [];
    const facts = readDirectives(text, findings);
    assert.deepEqual(findings, []);
    assert.deepEqual(
      facts.map(({ name, value }) => [name, value]),
      [
        ['gpus', 128],
        ['dataset_tokens', 1.2e9],
      ],
    );
    assert.equal(text.slice(facts[0].span!.start, facts[0].span!.end), 'gpus=128');
    assert.equal(text.slice(facts[1].span!.start, facts[1].span!.end), 'dataset_tokens=1.2B');
  });

  it('reads a JSONC // comment and comma or semicolon separated pairs', () => {
    const facts = readDirectives('{\n  // compute-budget: tokens = 2T, params=7B; dp=64\n}', []);
    assert.deepEqual(
      facts.map(({ name, value }) => [name, value]),
      [
        ['tokens', 2e12],
        ['parameters', 7e9],
        ['data_parallel', 64],
      ],
    );
  });

  it('accepts the aliases people write for the number of accelerators', () => {
    for (const alias of ['gpu', 'world_size', 'devices', 'accelerators', 'GPUS', 'world-size']) {
      assert.equal(readDirectives(`# compute-budget: ${alias}=8`, [])[0]?.name, 'gpus', alias);
    }
  });

  it('reports an unknown fact and a value that is not a positive number, and keeps the rest', () => {
    const findings: Finding[] = [];
    const facts = readDirectives('# compute-budget: nodes=4 gpus=-8 tokens=lots dp=0 params=7B', findings);
    assert.deepEqual(
      facts.map((fact) => fact.name),
      ['parameters'],
    );
    assert.deepEqual(
      findings.map((finding) => finding.code),
      ['invalid-directive', 'invalid-directive', 'invalid-directive', 'invalid-directive'],
    );
    assert.match(findings[0].message, /"nodes" is not a fact/);
  });

  it('ignores text that merely mentions compute-budget outside a comment', () => {
    assert.deepEqual(readDirectives('name: "compute-budget: gpus=8"', []), []);
  });

  it('lets later facts win: settings and flags come after the file', () => {
    const fromFile = readDirectives('# compute-budget: gpus=64', []);
    const fromFlags = readFactPairs({ gpus: '128', tokens: 2e12 }, []);
    const all = [...fromFile, ...fromFlags];
    assert.equal(userFact(all, 'gpus')?.value, 128);
    assert.equal(userFact(all, 'gpus')?.span, undefined);
    assert.equal(userFact(all, 'tokens')?.value, 2e12);
    assert.equal(userFact(all, 'dataset_tokens'), undefined);
  });

  it('suggests values in the unit of each fact: accelerators as whole counts, never "1.2B" GPUs', () => {
    const findings: Finding[] = [];
    readFactPairs({ gpus: 'many' }, findings);
    assert.match(findings[0]!.message, /write e\.g\. gpus=128 or gpus=1024\)/);
    assert.doesNotMatch(findings[0]!.message, /\d[MBT]\b/);
    for (const name of Object.keys(FACT_NAMES) as FactName[]) {
      // Every example is a value the fact's own reader accepts.
      const checked: Finding[] = [];
      for (const example of FACT_EXAMPLES[name]) assert.equal(readFactPairs({ [name]: example }, checked).length, 1, `${name}=${example}`);
      assert.deepEqual(checked, []);
    }
  });

  it("answers names of Object's own members as unknown facts, in a comment, a setting and a facts file", () => {
    const names = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isPrototypeOf'];
    const findings: Finding[] = [];
    const facts = readDirectives(`tokens: 1T\n# compute-budget: ${names.map((name) => `${name}=1`).join(' ')}\n`, findings);
    assert.deepEqual(facts, []);
    assert.equal(findings.length, names.length);
    for (const [i, finding] of findings.entries()) {
      assert.equal(finding.code, 'invalid-directive');
      assert.ok(finding.message.includes(`"${names[i]}" is not a fact`), finding.message);
      assert.doesNotMatch(finding.message, /function|\[object|native code/, finding.message);
    }
    const fromSettings: Finding[] = [];
    const pairs = Object.fromEntries(names.map((name) => [name, 1]));
    assert.deepEqual(readFactPairs(pairs, fromSettings), []);
    assert.equal(fromSettings.length, names.length);
  });

  it('shows an unknown fact name from a setting or --fact printable', () => {
    const findings: Finding[] = [];
    readFactPairs({ '\u001b[2J\u202eevil': 1 }, findings);
    assert.doesNotMatch(findings[0]!.message, /[\u001b\u202e]/, findings[0]!.message);
  });
});
