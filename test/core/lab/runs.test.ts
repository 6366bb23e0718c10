import assert from 'node:assert/strict';
import { readRuns } from '../../../src/core/lab/runs';

describe('reading a runs file', () => {
  it('reads counts written with suffixes such as 70M and 1.4T', () => {
    const { runs, findings } = readRuns('params,tokens,loss\n70M,1.4B,3.9\n1.5B,1.4T,2.4\n');
    assert.deepEqual(findings, []);
    assert.deepEqual(
      runs.map((r) => [r.parameters, r.tokens, r.loss]),
      [
        [70e6, 1.4e9, 3.9],
        [1.5e9, 1.4e12, 2.4],
      ],
    );
  });

  it('turns a bad row into a finding at its line instead of dropping it silently', () => {
    const text = 'parameters,tokens,loss\n70M,1.4B,3.9\n70M,lots,3.9\n-5,1B,3\n1B,20B\n2B,40B,3.1\n';
    const { runs, findings } = readRuns(text);
    assert.equal(runs.length, 2);
    assert.deepEqual(
      findings.map((f) => [f.code, f.lines.first]),
      [
        ['lab-bad-row', 3],
        ['lab-bad-row', 4],
        ['lab-bad-row', 5],
      ],
    );
    assert.match(findings[0]!.message, /tokens "lots" is not a number/);
    assert.equal(text.slice(findings[1]!.span.start, findings[1]!.span.end), '-5,1B,3');
  });

  it('names the missing columns and the ones it found', () => {
    const { runs, findings } = readRuns('size,steps\n1,2\n');
    assert.equal(runs.length, 0);
    assert.equal(findings[0]!.code, 'lab-missing-column');
    assert.match(findings[0]!.message, /loss.*tokens.*columns found: size, steps/);
  });

  it('works tokens out from FLOPs as C / 6N', () => {
    const { runs } = readRuns('N,flops,val_loss\n1B,1.2e20,2.9\n');
    assert.equal(runs[0]!.tokens, 20e9);
  });

  it('reads parameters and tokens per step from the config a row names, through the caller', () => {
    const { runs, findings } = readRuns('config,step,loss\nruns/small.yaml,1000,3.2\nruns/unknown.yaml,10,3\n', {
      configFacts: (path) => (path === 'runs/small.yaml' ? { parameters: 125e6, tokensPerStep: 524288 } : undefined),
    });
    assert.deepEqual(
      runs.map((r) => [r.parameters, r.tokens, r.config]),
      [[125e6, 524288000, 'runs/small.yaml']],
    );
    assert.match(findings[0]!.message, /config runs\/unknown.yaml gave none/);
  });

  it('reads JSON Lines (with nested W&B-style keys) and TSV alike', () => {
    const jsonl = readRuns('{"run": "a", "params": "125M", "tokens": 2.5e9, "eval": {"loss": 3.3}}\nnot json\n', { file: 'runs.jsonl' });
    assert.deepEqual(
      jsonl.runs.map((r) => [r.run, r.parameters, r.loss]),
      [['a', 125e6, 3.3]],
    );
    assert.deepEqual(
      jsonl.findings.map((f) => [f.code, f.lines.first]),
      [['lab-bad-row', 2]],
    );
    const tsv = readRuns('parameters\ttokens\tloss\n1B\t20B\t2.8\n', { file: 'runs.tsv' });
    assert.equal(tsv.runs[0]!.tokens, 20e9);
  });

  it('groups checkpoints by run id, or by size when rows have steps but no id', () => {
    assert.deepEqual(readRuns('run,parameters,tokens,loss\nx,1B,1B,3\n').runs[0]!.run, 'x');
    assert.deepEqual(readRuns('step,parameters,tokens,loss\n5,1B,1B,3\n').runs[0]!.run, 'N=1000000000');
    assert.deepEqual(readRuns('parameters,tokens,loss\n\n# a comment\n1B,1B,3\n').runs[0]!.lines, { first: 4, last: 4 });
  });
});
