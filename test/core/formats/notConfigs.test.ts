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
    const text = 'num_layers = 12\nhidden_size = 768\nseq_len = 1024\nbatch_size = 8\n';
    const findings = analyze(text, 'train.cfg').findings;
    assert.equal(findings.length, 1);
    assert.equal(findings[0].code, 'unsupported-format');
    assert.equal(findings[0].severity, 'information');
    assert.match(findings[0].message, /config/);
  });

  it('gives a Python config no reader recognises one note naming the keys it set and what is missing', () => {
    const text = 'seq_len = 2048\nbatch_size = 8\nmax_steps = 1000\nlr = 3e-4\n';
    const findings = analyze(text, 'my_run.py').findings;
    assert.deepEqual(
      findings.map((finding) => [finding.code, finding.severity]),
      [['missing-architecture', 'information']],
    );
    assert.match(findings[0].message, /`seq_len`, `batch_size`, `max_steps`/);
    assert.match(findings[0].message, /no reader recognises it/);
  });

  it('counts a foreign-syntax file from its compute-budget comment', () => {
    const analysis = analyze('# compute-budget: parameters=1B tokens=20B\nn_layer = 12\n', 'train.py');
    assert.equal(analysis.flops, 6 * 1e9 * 20e9);
  });
});
