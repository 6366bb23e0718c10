import assert from 'node:assert/strict';
import { boundaryText } from '../../../src/core/lab/boundary';
import { fitRunsText } from '../../../src/core/lab/fit';
import { stopText } from '../../../src/core/lab/stop';
import { MAX_FIT_ROWS } from '../../../src/core/lab/thinRuns';
import { formatBoundary, formatFit, formatStop } from '../../../src/core/lab/render';
import { ASCII_NUMBERS } from '../../../src/core/report/format';
import { runsCsv } from './synthetic';

const HOSTILE: Record<string, string> = {
  empty: '',
  blank: '\n\n   \n',
  'header only': 'parameters,tokens,loss\n',
  'huge numbers': 'parameters,tokens,loss\n1e308,1e308,1e308\n1e400,1B,3\n9999999T,1B,2\n1B,1B,1e-320\n',
  NaN: 'parameters,tokens,loss,compute,score\nNaN,NaN,NaN,NaN,NaN\nInfinity,1B,3,1e20,0.3\n',
  'unbalanced quote': 'parameters,tokens,loss\n"1B,2B,3\n1B,2B,3\n',
  binary: '\u0000\u0001\u0002\uFFFD,\u0000\n\u0007\u0008',
  'JSON that is not lines': '{"parameters": [1, 2], "loss": {"a": {"b": {"c": {"d": {"e": 1}}}}}}\n[1,2]\nnull\n',
  'identical rows': 'parameters,tokens,loss\n' + '1B,20B,2.5\n'.repeat(12),
};

describe('hostile lab files give findings, never a crash', () => {
  for (const [name, text] of Object.entries(HOSTILE)) {
    it(`reads a file with ${name} as runs, a loss log and evals`, () => {
      const fit = fitRunsText(text, { bootstrap: 5, minTokens: 0 });
      const stop = stopText(text, { plannedTokens: 1e12 });
      const boundary = boundaryText(text, { compute: 1e24 });
      assert.ok(fit.findings.length + stop.findings.length + boundary.findings.length > 0, 'something is said about the file');
      for (const report of [fit, stop, boundary]) {
        for (const f of report.findings) {
          assert.ok(f.span.start <= f.span.end && f.span.end <= Math.max(text.length, 0) && f.lines.first <= f.lines.last, JSON.stringify(f));
          assert.ok(!/NaN|undefined|\[object/.test(f.message.replace(/"[^"]*"/g, '')), f.message);
        }
      }
      formatFit(fit, ASCII_NUMBERS, { compute: 1e23, parameters: 1e9, tokens: 2e10 });
      formatStop(stop, ASCII_NUMBERS);
      formatBoundary(boundary, ASCII_NUMBERS);
    });
  }

  it('says so when every row is the same run size and tokens, and still returns', () => {
    const report = fitRunsText(HOSTILE['identical rows']!, { bootstrap: 0, minTokens: 0 });
    assert.ok(report.findings.some((f) => f.code === 'lab-under-determined' || f.code === 'lab-too-few-sizes'));
  });

  it(`fits 10,000 rows as ${MAX_FIT_ROWS} and stops reading past the row limit with a finding (the suite time limit is the hang guard; npm run bench times fits)`, function () {
    this.timeout(20_000);
    const big = runsCsv({ sizes: 10, ratios: Array.from({ length: 1000 }, (_, i) => 2 + i / 10) });
    const report = fitRunsText(big, { bootstrap: 5, minTokens: 0 });
    assert.ok(report.fit!.rowsUsed <= MAX_FIT_ROWS && report.fit!.rowsUsed >= MAX_FIT_ROWS - 10, String(report.fit!.rowsUsed));
    const capped = fitRunsText(big, { bootstrap: 0, minTokens: 0, maxRows: 500 });
    assert.ok(capped.findings.some((f) => f.code === 'lab-too-many-rows'));
    assert.equal(capped.fit!.rowsUsed, 500);
  });

  it('reads a 10,000-point loss log and its window quickly', () => {
    const lines = ['tokens,loss', ...Array.from({ length: 10_000 }, (_, i) => `${(i + 1) * 1e8},${2 + 50 / ((i + 1) * 1e8) ** 0.2}`)];
    const report = stopText(lines.join('\n'), { plannedTokens: 2e12 });
    assert.equal(report.signal!.window.points, 2001);
    assert.ok(report.signal!.projection!.gain > 0);
  });
});
