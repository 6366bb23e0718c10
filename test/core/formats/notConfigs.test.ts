import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../../src/core/analyze';
import { analyzeExample, EXAMPLES } from './examples';

describe('files that are not training configs', () => {
  for (const name of fs.readdirSync(path.join(EXAMPLES, 'not-configs')).filter((file) => file !== 'README.md')) {
    it(`says nothing about ${name}`, () => {
      assert.deepEqual(analyzeExample(`not-configs/${name}`).analysis.findings, []);
    });
  }

  it('never reports a TOML, Python or shell file as broken YAML, even when an editor maps it to YAML', () => {
    for (const name of ['pyproject.toml', 'args.py', 'babysit-tpu-vm.sh', 'pytest.ini']) {
      const text = fs.readFileSync(path.join(EXAMPLES, 'not-configs', name), 'utf8');
      assert.deepEqual(analyze(text, `/work/${name}`).findings, [], name);
    }
  });

  it('gives a training config in a syntax it does not parse one information diagnostic naming the format', () => {
    const text = 'batch_size = 12\nblock_size = 1024\ngradient_accumulation_steps = 5 * 8\nmax_iters = 600000\nn_layer = 12\n';
    const findings = analyze(text, 'train_gpt2.py').findings;
    assert.equal(findings.length, 1);
    assert.equal(findings[0].code, 'unsupported-format');
    assert.equal(findings[0].severity, 'information');
    assert.match(findings[0].message, /Python/);
  });

  it('counts a foreign-syntax file from its compute-budget comment', () => {
    const analysis = analyze('# compute-budget: parameters=1B tokens=20B\nn_layer = 12\n', 'train.py');
    assert.equal(analysis.flops, 6 * 1e9 * 20e9);
  });
});
