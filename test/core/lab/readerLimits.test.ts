/**
 * Issue 21 item 3, the lab's readers: each reproducer the audit found is built here at its size
 * (200,000 rows). A time limit per test is the hang guard (no wall-clock assertions), set for a
 * busy shared machine: the quadratic filter this replaces took 107 s unloaded. The thinning and
 * the streaming are checked by what they keep; `npm run bench` prints the ratios of 100k to 200k rows.
 */
import assert from 'node:assert/strict';
import { boundaryText, MAX_FIT_POINTS, MAX_TASKS, thinned } from '../../../src/core/lab/boundary';
import { splitEarlyCheckpoints } from '../../../src/core/lab/earlyCheckpoints';
import { fitRuns, fitRunsText } from '../../../src/core/lab/fit';
import { groupBy } from '../../../src/core/lab/groupBy';
import { readLossLog } from '../../../src/core/lab/lossLog';
import { SAMPLE_CAP, WINDOW_CAP, type StreamedLog } from '../../../src/core/lab/lossLogStream';
import { formatFit, formatStop } from '../../../src/core/lab/render';
import { MAX_CONFIGS, readRuns, type Run } from '../../../src/core/lab/runs';
import { StopStream, stopText } from '../../../src/core/lab/stop';
import { MAX_FIT_ROWS, thinRuns } from '../../../src/core/lab/thinRuns';
import { ASCII_NUMBERS } from '../../../src/core/report/format';
import { runsCsv } from './synthetic';

/** The limit for the tests that build the audit's 200,000-row files. */
const HEAVY_MS = 120_000;

const where = { span: { start: 0, end: 1 }, lines: { first: 1, last: 1 } };

/** 200 runs of 1,000 checkpoints each, from 20M to 20B tokens: most of them early. */
function checkpoints(): Run[] {
  const rows: Run[] = [];
  for (let r = 0; r < 200; r++)
    for (let c = 1; c <= 1000; c++) rows.push({ ...where, run: `r${r}`, parameters: 1e8 * (1 + (r % 10)), tokens: c * 2e7, loss: 3 - c / 1000 });
  return rows;
}

/** A loss log of `rows` steps of 1M tokens: falling steeply for the first `turn` rows, flat after. */
function longLog(rows: number, turn: number): string {
  const lines = ['step,tokens,loss'];
  for (let i = 1; i <= rows; i++) lines.push(`${i},${i * 1e6},${i <= turn ? 9 - (6 * i) / turn : 3 + 1e-6 * Math.sin(i)}`);
  return lines.join('\n') + '\n';
}

describe("the lab's readers under the analysis's rules (issue 21)", () => {
  describe('fit: linear filters on 200,000 rows', () => {
    it('splits 200,000 checkpoints into early ones and kept ones in one pass, keeping each run its last row', () => {
      const rows = checkpoints();
      const { kept, early } = splitEarlyCheckpoints(rows, 10e9);
      // Checkpoints 1..499 (under 10B tokens) are early; 500..1000 stay.
      assert.equal(early.length, 200 * 499);
      assert.equal(kept.length, 200 * 501);
      assert.equal(kept.length + early.length, rows.length);
      const small = splitEarlyCheckpoints(
        [
          { ...where, run: 'a', parameters: 1e8, tokens: 1e9, loss: 3 },
          { ...where, run: 'a', parameters: 1e8, tokens: 2e9, loss: 2.9 },
          { ...where, run: 'b', parameters: 2e8, tokens: 2e10, loss: 2.5 },
        ],
        10e9,
      );
      assert.deepEqual(
        small.kept.map((run) => run.tokens),
        [2e9, 2e10],
        'run a never reaches 10B tokens: its last row stays, its first goes',
      );
    });

    it('groups 200,000 rows of one run without copying the group per row', () => {
      const groups = groupBy(checkpoints(), (run) => (run.run === 'r0' ? 'first' : 'rest'));
      assert.deepEqual([...groups.keys()], ['first', 'rest']);
      assert.equal(groups.get('rest')!.length, 199_000);
    });

    it(`fits at most ${MAX_FIT_ROWS} rows, spread through the file, with every run's last row, and says so`, function () {
      this.timeout(HEAVY_MS);
      const rows = checkpoints();
      const thin = thinRuns(rows);
      assert.ok(thin.length <= MAX_FIT_ROWS && thin.length >= MAX_FIT_ROWS - 200, String(thin.length));
      for (let r = 0; r < 200; r++)
        assert.ok(
          thin.some((run) => run.run === `r${r}` && run.tokens === 2e10),
          `r${r}'s last row is kept`,
        );
      const text = runsCsv({ sizes: 6, ratios: Array.from({ length: 2100 }, (_, i) => 5 + i / 20) });
      const report = fitRunsText(text, { bootstrap: 0, minTokens: 0 });
      assert.ok(report.fit, 'the thinned rows still fit');
      assert.ok(report.fit.rowsUsed <= MAX_FIT_ROWS);
      assert.ok(report.findings.some((f) => f.code === 'lab-too-many-rows' && new RegExp(`12600 rows are past the ${MAX_FIT_ROWS}`).test(f.message)));
    });
  });

  describe('boundary on 200,000 models', () => {
    it(`fits each task's sigmoid on at most ${MAX_FIT_POINTS} models evenly spread along compute, first and last kept`, () => {
      const sorted = Array.from({ length: 200_000 }, (_, i) => i);
      const kept = thinned(sorted);
      assert.equal(kept.length, MAX_FIT_POINTS);
      assert.equal(kept[0], 0);
      assert.equal(kept[kept.length - 1], 199_999);
      assert.equal(thinned([1, 2, 3]).length, 3);
    });

    it('draws the boundary of one task from 200,000 models and measures its coverage on all of them', function () {
      this.timeout(HEAVY_MS);
      const lines = ['model,compute,score'];
      for (let i = 0; i < 200_000; i++) {
        const log10 = 20 + (6 * i) / 200_000;
        lines.push(`m${i},${10 ** log10},${0.25 + 0.6 / (1 + Math.exp(-1.5 * (log10 - 23))) - (0.2 * ((i * 7919) % 1000)) / 1000}`);
      }
      const report = boundaryText(lines.join('\n'));
      assert.equal(report.fits.length, 1);
      assert.equal(report.fits[0]!.points, 200_000);
      assert.ok(report.fits[0]!.coverage > 0.9, String(report.fits[0]!.coverage));
    });

    it(`gives a boundary to the first ${MAX_TASKS} tasks only, and names the rest`, () => {
      const lines = ['task,compute,score'];
      for (let t = 0; t < 2000; t++) for (let k = 0; k < 6; k++) lines.push(`t${t},${1e20 * 10 ** k},${0.1 * k}`);
      const report = boundaryText(lines.join('\n'));
      assert.equal(report.fits.length, MAX_TASKS);
      assert.ok(report.findings.some((f) => f.code === 'lab-too-many-rows' && new RegExp(`first ${MAX_TASKS} tasks`).test(f.message)));
    });
  });

  describe('stop: the end of a long log, in bounded memory', () => {
    it('judges the end of a 300,000-row log, not its first 200,000 rows (the audit: an early window reported as the end)', function () {
      this.timeout(HEAVY_MS);
      // Falling steeply for 250,000 rows, flat for the last 50,000: the end has low returns.
      const report = stopText(longLog(300_000, 250_000));
      const signal = report.signal!;
      assert.equal(signal.window.toTokens, 300_000 * 1e6);
      assert.equal(signal.lowReturns, true);
      assert.equal(report.log.count, 300_000);
      assert.ok(!report.findings.some((f) => f.code === 'lab-too-many-rows'));
      // The window is the last 20% of tokens: 60,001 points, past the cap, so thinned and counted by weights.
      assert.ok(Math.abs(signal.window.points - 60_001) <= 4, String(signal.window.points));
      assert.equal(signal.window.lines.last, 300_001);
    });

    it(`keeps at most ${WINDOW_CAP} window points and ${SAMPLE_CAP} sampled points however long the log`, function () {
      this.timeout(HEAVY_MS);
      const stream = new StopStream({});
      const chunk = 50_000;
      stream.push('step,tokens,loss\n');
      for (let from = 1; from <= 300_000; from += chunk) {
        const lines: string[] = [];
        for (let i = from; i < from + chunk; i++) lines.push(`${i},${i * 1e6},${3 + 1 / i}`);
        stream.push(lines.join('\n') + '\n');
      }
      const report = stream.end();
      assert.equal(report.log.count, 300_000);
      assert.ok(report.log.points.length <= SAMPLE_CAP + 1, String(report.log.points.length));
      // The window is thinned when it passes the cap; it may reach twice the cap between two prunings.
      assert.ok((report.log as StreamedLog).window.length <= 2 * WINDOW_CAP, String((report.log as StreamedLog).window.length));
      assert.ok(report.signal!.window.points > 59_990 && report.signal!.window.points < 60_010, String(report.signal!.window.points));
    });

    it('reads a log the same whether it arrives whole or in small chunks: rows split across blocks, quoted newlines, CRLF, bad rows', function () {
      this.timeout(HEAVY_MS);
      const lines = ['step,tokens,loss,note'];
      for (let i = 1; i <= 60_000; i++) {
        const note = i % 997 === 0 ? '"two\nlines, ""quoted"""' : i % 1009 === 0 ? 'plain' : 'x';
        const loss = i % 1201 === 0 ? 'oops' : String(2 + 50 / i);
        lines.push(`${i},${i * 1e7},${loss},${note}`);
      }
      const text = lines.join('\r\n') + '\r\n';
      const whole = stopText(text);
      const stream = new StopStream({});
      for (let at = 0; at < text.length; at += 7919) stream.push(text.slice(at, at + 7919));
      const chunked = stream.end();
      assert.deepEqual(chunked.findings, whole.findings);
      assert.deepEqual(chunked.signal, whole.signal);
      // Every bad row where the whole-file reader puts it, past the first block of 1 MB too.
      const reference = readLossLog(text, { maxRows: Infinity });
      const bad = (findings: readonly { code: string; severity: string; span: unknown; lines: unknown }[]) =>
        findings.filter((f) => f.code === 'lab-bad-row' && f.severity === 'error').map((f) => ({ span: f.span, lines: f.lines }));
      assert.equal(bad(reference.findings).length, Math.floor(60_000 / 1201));
      assert.equal(whole.log.count, reference.count);
      assert.deepEqual(bad(whole.findings), bad(reference.findings));
    });
    it('reads a JSON Lines log past its first block as the whole-file reader does', function () {
      this.timeout(HEAVY_MS);
      const lines: string[] = [];
      for (let i = 1; i <= 40_000; i++)
        lines.push(i % 1301 === 0 ? '[not, an, object]' : JSON.stringify({ _step: i, train: { loss: 2 + 50 / i }, tokens: i * 1e7 }));
      const text = lines.join('\n') + '\n';
      const streamed = stopText(text, { file: 'run.jsonl' });
      const reference = readLossLog(text, { file: 'run.jsonl', maxRows: Infinity });
      assert.equal(streamed.log.count, reference.count);
      assert.deepEqual(
        streamed.findings.filter((f) => f.code === 'lab-bad-row').map((f) => f.lines),
        reference.findings.filter((f) => f.code === 'lab-bad-row').map((f) => f.lines),
      );
      assert.equal(streamed.signal!.window.toTokens, 40_000 * 1e7);
    });
  });

  describe('refusal instead of NaN, Infinity and absurd digits', () => {
    const small = runsCsv({ sizes: 6 });

    for (const compute of [1e300, 1e36, Infinity, NaN, -1]) {
      it(`refuses fit --compute ${compute} with lab-implausible and no fit`, () => {
        const report = fitRunsText(small, { bootstrap: 10, compute });
        assert.equal(report.fit, undefined);
        assert.ok(report.findings.some((f) => f.code === 'lab-implausible' && f.severity === 'error'));
        assertReadable(formatFit(report, ASCII_NUMBERS, { compute }));
      });
    }

    it('refuses a split below one parameter (fit --compute 1e-300) instead of printing N 1.9e-136', () => {
      const report = fitRunsText(small, { bootstrap: 10, compute: 1e-300 });
      assert.equal(report.fit, undefined);
      assert.match(report.findings.find((f) => f.code === 'lab-implausible')!.message, /N\* is .* less than one parameter/);
    });

    it('leaves out rows of 10^300 parameters or tokens, or a loss of 10^5, with the reason', () => {
      const text = 'run,parameters,tokens,loss\nhuge,1e300,1e12,3\nlong,1e9,1e300,3\nlost,1e9,1e12,1e5\n';
      const report = fitRunsText(text, { bootstrap: 0 });
      const reasons = report.findings.filter((f) => f.code === 'lab-bad-row').map((f) => f.message);
      assert.equal(reasons.length, 3);
      assert.match(reasons[0]!, /parameters is past 1e\+15/);
      assert.match(reasons[1]!, /tokens is past 1e\+17/);
      assert.match(reasons[2]!, /loss is past 1e\+3/);
    });

    it('refuses constants that overflow rather than printing them', () => {
      const rows: Run[] = [];
      // Loss rising with size and data: no law of this form fits it.
      for (let s = 0; s < 6; s++)
        for (let r = 1; r <= 5; r++) rows.push({ ...where, run: `r${s}-${r}`, parameters: 1e8 * 2 ** s, tokens: 1e10 * r, loss: 1e-300 * 10 ** (s * 40 + r) });
      const { fit, findings } = fitRuns(rows, { bootstrap: 0, minTokens: 0 });
      if (fit) {
        for (const value of Object.values(fit.constants) as number[]) assert.ok(Number.isFinite(value) && Math.abs(value) <= 1e30);
      } else assert.ok(findings.some((f) => f.severity === 'error'));
    });

    it('refuses stop --planned-tokens past 10^17 and boundary --compute past 10^35', () => {
      const stop = stopText(longLog(100, 50), { plannedTokens: 1e300 });
      assert.equal(stop.signal, undefined);
      assert.ok(stop.findings.some((f) => f.code === 'lab-implausible'));
      assertReadable(formatStop(stop, ASCII_NUMBERS));
      const lines = ['compute,score', ...Array.from({ length: 10 }, (_, i) => `${1e20 * 2 ** i},${0.1 * i}`)];
      const boundary = boundaryText(lines.join('\n'), { compute: 1e300 });
      assert.equal(boundary.fits.length, 0);
      assert.ok(boundary.findings.some((f) => f.code === 'lab-implausible'));
    });
  });
});

/** No NaN, no Infinity, no number of 40 digits or more. */
function assertReadable(text: string): void {
  assert.ok(!/NaN|Infinity/.test(text), text);
  assert.ok(!/\d[\d,]{39,}/.test(text), text);
}

describe("a runs file's config column", () => {
  it(`asks the host for each distinct config once, and for at most ${MAX_CONFIGS}`, () => {
    const lines = ['run,config,tokens,loss'];
    for (let i = 0; i < 3000; i++) lines.push(`r${i},configs/${i % 1500}.yaml,1e10,3`);
    const asked: string[] = [];
    const file = readRuns(lines.join('\n'), { configFacts: (path) => (asked.push(path), { parameters: 1e9 }) });
    assert.equal(asked.length, MAX_CONFIGS);
    assert.equal(new Set(asked).size, MAX_CONFIGS);
    assert.equal(file.runs.length, 2 * MAX_CONFIGS);
    const refused = file.findings.filter((f) => f.code === 'lab-bad-row');
    assert.equal(refused.length, 1000);
    assert.match(refused[0]!.message, /names more than 1000 configs/);
  });

  it('says why a refused config left its row out, and keeps a row that does not need it', () => {
    const text = 'run,config,parameters,tokens,loss\nneeds,/dev/zero,,1e10,3\nfine,/dev/zero,1e9,1e10,3\n';
    const file = readRuns(text, { configFacts: () => ({ refused: 'not a regular file' }) });
    assert.deepEqual(
      file.runs.map((run) => run.run),
      ['fine'],
    );
    assert.match(file.findings[0]!.message, /the config \/dev\/zero is not read: not a regular file/);
  });
});
