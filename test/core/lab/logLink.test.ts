import assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';
import { readLogLink } from '../../../src/core/lab/logLink';
import { stopWorkspaceLog } from '../../../src/core/lab/workspaceStop';
import { lossLogCsv } from './synthetic';

describe('a config links its loss log with a compute-budget comment', () => {
  it('reads log= beside other facts, with its place in the file', () => {
    const text = 'model:\n  parameters: 1B\n# compute-budget: gpus=8 log=logs/loss.csv\n';
    const link = readLogLink(text)!;
    assert.equal(link.path, 'logs/loss.csv');
    assert.equal(text.slice(link.span.start, link.span.end), 'log=logs/loss.csv');
  });

  it('reads a quoted path with spaces and the JSONC comment form', () => {
    assert.equal(readLogLink('// compute-budget: log="my runs/loss.csv"\n{}')!.path, 'my runs/loss.csv');
  });

  it('finds nothing in a file without the comment, or with catalog= that merely ends in log', () => {
    assert.equal(readLogLink('tokens: 1T\n'), undefined);
    assert.equal(readLogLink('# compute-budget: catalog=x\n'), undefined);
  });

  it('is not reported as an unknown fact by the analysis', () => {
    const analysis = analyze('# compute-budget: log=loss.csv\nparameters: 1B\ntokens: 20B\n', 'budget.yaml');
    assert.deepEqual(
      analysis.findings.filter((finding) => finding.code === 'invalid-directive'),
      [],
    );
  });

  it('judges the log in the editor as the CLI does, keeping at most 1,500 points for the chart', () => {
    const result = stopWorkspaceLog(lossLogCsv('flattening', { points: 4000 }), 'loss.csv', { plannedTokens: 8000e9 });
    assert.ok(result.signal?.lowReturns);
    assert.ok(result.points.length <= 1501 && result.points.length > 1000);
    assert.ok(result.findings.some((finding) => finding.code === 'lab-low-returns' && finding.message.includes('remaining')));
  });
});
