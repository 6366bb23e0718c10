/**
 * The lab's cheaper paths (issue 21: no command past 5 s or 1 GB) give what the general ones give:
 * the quote-free table reader equals papaparse's, the stream's quick rows equal the whole-file
 * reader's, plain decimals read as `parseCount` reads them; and what is thinned or capped says so.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { boundaryText, fitBoundary, MAX_FIT_POINTS, MAX_TASKS, readEvals, TOTAL_FIT_POINTS } from '../../../src/core/lab/boundary';
import { numberCell, plainNumber } from '../../../src/core/lab/columns';
import { fitRunsText } from '../../../src/core/lab/fit';
import { BESIROGLU_2024 } from '../../../src/core/lab/lossLaw';
import { readLossLog } from '../../../src/core/lab/lossLog';
import { plainDelimited } from '../../../src/core/lab/plainRows';
import { MAX_ROW_FINDINGS } from '../../../src/core/lab/rowFindings';
import { readRuns } from '../../../src/core/lab/runs';
import { stopText } from '../../../src/core/lab/stop';
import { readTable } from '../../../src/core/lab/table';
import { MAX_FIT_ROWS } from '../../../src/core/lab/thinRuns';
import { parseCount } from '../../../src/core/source/quantity';
import { runsCsv } from './synthetic';

const HEAVY_MS = 120_000;

describe("the lab's cheaper readers give what the general ones give", () => {
  it('reads quote-free CSV and TSV as papaparse does: rows, cells, spans, lines and findings', () => {
    const field = fc.constantFrom('1', '2.5', 'x', ' ', '', 'a b', '#', 'a#', '-3e2', ' 7 ', 'tokens', '1.5B');
    const line = fc.oneof(fc.array(field, { minLength: 1, maxLength: 4 }), fc.constant(['#comment']), fc.constant(['']));
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 30 }),
        fc.constantFrom(',', '\t'),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.integer({ min: 1, max: 40 }),
        (lines, delimiter, ending, trailing, maxRows) => {
          const body = lines.map((cells) => cells.join(delimiter)).join(ending) + (trailing ? ending : '');
          // The same length and offsets; a quote in the first (comment) line sends the text to papaparse.
          const plain = `#x${ending}${body}`;
          const quoted = `#"${ending}${body}`;
          assert.ok(plainDelimited(plain) && !plainDelimited(quoted));
          const options = { format: delimiter === '\t' ? ('tsv' as const) : ('csv' as const), maxRows };
          const fast = readTable(plain, options);
          const general = readTable(quoted, options);
          assert.deepEqual(fast.columns, general.columns);
          assert.deepEqual(fast.rows, general.rows);
          assert.deepEqual(fast.findings, general.findings);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('reads a plain decimal as parseCount does, and leaves every other text to it', () => {
    const text = fc.stringMatching(/^[-+.0-9eExXbBo_ ,kMBT]{0,12}$/);
    fc.assert(
      fc.property(text, (cell) => {
        const plain = plainNumber(cell);
        const parsed = parseCount(cell);
        if (plain !== undefined) assert.deepEqual({ ok: true, value: plain }, parsed, cell);
        const read = numberCell(cell);
        if (cell === '') assert.equal(read, undefined);
        else if (parsed.ok) assert.deepEqual(read, parsed, cell);
        else assert.equal(read?.ok, false, cell);
      }),
      { numRuns: 2000 },
    );
    assert.equal(plainNumber('0x10'), undefined);
    assert.equal(plainNumber('Infinity'), undefined);
    assert.equal(plainNumber('1e400'), undefined);
    assert.equal(plainNumber('-.5e3'), -500);
  });

  it("streams a quote-free log past its first block with the whole-file reader's points and bad rows (CRLF, bad widths, suffixes, empty losses)", function () {
    this.timeout(HEAVY_MS);
    const lines = ['Step,Tokens,Train Loss'];
    for (let i = 1; i <= 90_000; i++) {
      const tokens = i % 4001 === 0 ? `${i / 100}M` : String(i * 1e7);
      const row =
        i % 1201 === 0 ? `${i},${tokens},oops` : i % 1999 === 0 ? `${i},${tokens}` : i % 701 === 0 ? `${i},${tokens},` : `${i},${tokens},${2 + 50 / i}`;
      lines.push(i % 3001 === 0 ? `# checkpoint ${i}` : row);
    }
    const text = lines.join('\r\n') + '\r\n';
    assert.ok(plainDelimited(text) && text.length > 3_000_000);
    const streamed = stopText(text);
    const reference = readLossLog(text, { maxRows: Infinity });
    assert.equal(streamed.log.count, reference.count);
    const last = reference.points[reference.points.length - 1]!;
    assert.deepEqual(streamed.log.points[streamed.log.points.length - 1], last);
    const bad = (findings: readonly { code: string; severity: string; message: string; lines: unknown }[]) =>
      findings
        .filter((f) => f.code === 'lab-bad-row')
        .map((f) => [f.severity, f.message, f.lines] as const)
        .sort((p, q) => (p[2] as { first: number }).first - (q[2] as { first: number }).first);
    assert.deepEqual(bad(streamed.findings), bad(reference.findings));
    // The sampled points are points of the log, at their own lines.
    const byLine = new Map(reference.points.map((point) => [point.lines.first, point]));
    for (const point of streamed.log.points) assert.deepEqual(point, byLine.get(point.lines.first));
  });
});

describe('what is thinned or capped says so', () => {
  it(`lists ${MAX_ROW_FINDINGS} bad rows of a runs or evals file and counts the rest in one finding`, () => {
    const text = ['run,parameters,tokens,loss', ...Array.from({ length: 5_000 }, (_, i) => (i % 2 ? 'only,two' : `r${i},1e8,oops,3`))].join('\n');
    const runs = readRuns(text);
    const bad = runs.findings.filter((f) => f.code === 'lab-bad-row');
    assert.equal(bad.length, MAX_ROW_FINDINGS + 1);
    const more = bad.filter((f) => /more rows were left out/.test(f.message));
    assert.deepEqual(
      more.map((f) => [f.message, f.lines]),
      [['4000 more rows were left out (the first 1000 are listed).', { first: 1_002, last: 5_001 }]],
    );
    const evals = readEvals(['model,compute,score', ...Array.from({ length: 3_000 }, () => 'm')].join('\n'));
    assert.equal(evals.findings.filter((f) => f.code === 'lab-bad-row').length, MAX_ROW_FINDINGS + 1);
  });

  it('counts bad rows toward the row limit, so a file of bad rows is not read past it', () => {
    const text = ['run,parameters,tokens,loss', ...Array.from({ length: 300 }, () => 'x')].join('\n');
    for (const source of [text, text.replace('run', '"run"')]) {
      const table = readTable(source, { maxRows: 100 });
      assert.equal(table.findings.filter((f) => f.code === 'lab-bad-row').length, 100);
      const limit = table.findings.find((f) => f.code === 'lab-too-many-rows');
      assert.equal(limit?.lines.first, 102);
    }
  });

  it(`fits a file of 6,000 checkpoints on ${MAX_FIT_ROWS} rows near the law they were drawn from, and says so`, function () {
    this.timeout(HEAVY_MS);
    const text = runsCsv({ sizes: 8, ratios: Array.from({ length: 750 }, (_, i) => 5 + i / 5), noise: 0.002 });
    const report = fitRunsText(text, { minTokens: 0, bootstrap: 20 });
    assert.ok(report.fit!.rowsUsed <= MAX_FIT_ROWS);
    assert.ok(report.findings.some((f) => f.code === 'lab-too-many-rows' && /6000 rows are past/.test(f.message)));
    const { E, alpha, beta } = report.fit!.constants;
    assert.ok(Math.abs(E / BESIROGLU_2024.E - 1) < 0.02, `E ${E}`);
    assert.ok(Math.abs(alpha / BESIROGLU_2024.alpha - 1) < 0.05, `α ${alpha}`);
    assert.ok(Math.abs(beta / BESIROGLU_2024.beta - 1) < 0.05, `β ${beta}`);
  });

  it(`shares ${TOTAL_FIT_POINTS} fitted models among the tasks, and a file of few tasks is fitted as before`, function () {
    this.timeout(HEAVY_MS);
    const evalsOf = (tasks: number, models: number): string => {
      const lines = ['task,model,compute,score'];
      for (let t = 0; t < tasks; t++)
        for (let i = 0; i < models; i++) {
          const log10 = 20 + (6 * i) / models;
          lines.push(`t${t},m${i},${10 ** log10},${0.25 + 0.6 / (1 + Math.exp(-1.5 * (log10 - 23))) - (0.2 * ((i * 7919 + t) % 1000)) / 1000}`);
        }
      return lines.join('\n');
    };
    const few = evalsOf(2, 1_500);
    const report = boundaryText(few);
    assert.ok(!report.findings.some((f) => f.code === 'lab-too-many-rows'));
    const points = readEvals(few).points.filter((p) => p.task === 't1');
    assert.deepEqual(report.fits[1], fitBoundary(points, {}, MAX_FIT_POINTS));
    const many = boundaryText(evalsOf(MAX_TASKS + 5, 400));
    assert.equal(many.fits.length, MAX_TASKS);
    const share = Math.floor(TOTAL_FIT_POINTS / MAX_TASKS);
    assert.ok(many.findings.some((f) => f.code === 'lab-too-many-rows' && f.message.includes(`${MAX_TASKS} tasks is fitted to ${share} models`)));
    for (const fit of many.fits) assert.equal(fit.points, 400, 'coverage and pinball are measured on every model');
  });
});
