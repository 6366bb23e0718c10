/**
 * A loss log read as it streams, in bounded memory, for the stop signal: the CLI pushes the file
 * in chunks, the editor's worker pushes the text it was given. The text is cut into blocks at row
 * boundaries (outside CSV quotes) and each block is read by the same table reader as a whole file,
 * its rows then forgotten. What is kept:
 * - the window: the points within the trailing `share` of the tokens seen so far (the threshold
 *   only rises as the tokens grow, so points fall out of it), so the signal is on the END of the
 *   run however long the log; past `WINDOW_CAP` points it is thinned evenly, each kept point
 *   standing for the points dropped beside it (its weight), so its count stays right;
 * - an even sample of every point (at most `SAMPLE_CAP`, the stride doubling as the log grows),
 *   for the curve fitted to the log and the chart;
 * - at most `MAX_ROW_FINDINGS` bad-row findings, then one that counts the rest.
 */
import { around, finding, type LabFinding, type Located } from './findings';
import { emptyRowsFinding, logColumns, logPoint, logRow, type LogColumns, type LogPoint, type LossLog, type LossLogOptions } from './lossLog';
import { plainDelimited } from './plainRows';
import { MAX_ROW_FINDINGS, moreRowsFinding } from './rowFindings';

export { MAX_ROW_FINDINGS } from './rowFindings';
import { readTable, tableFormat, type Table } from './table';

/** Blocks are cut at the first row boundary past this many characters. */
const BLOCK_CHARS = 1 << 20;
export const WINDOW_CAP = 50_000;
export const SAMPLE_CAP = 8_000;

export interface StreamedLog extends LossLog {
  /** The points in the trailing share of tokens, by tokens (thinned past `WINDOW_CAP`). */
  readonly window: readonly LogPoint[];
  /** How many points the window holds in the log (exact until it was thinned, then counted by weights). */
  readonly windowCount: number;
  /** The point with the most tokens. */
  readonly last: LogPoint | undefined;
}

interface Weighted {
  readonly point: LogPoint;
  readonly weight: number;
}

export class LossLogStream {
  private pending = '';
  /** Where `pending` starts in the file: offset and 1-based line. */
  private offset = 0;
  private line = 1;
  /** How far `pending` was scanned for a row boundary, and the quote state there (CSV only). */
  private scanned = 0;
  private quoted = false;
  private format: Table['format'] | undefined;
  /** The normalised header, written back as a line before each later block of a CSV or TSV file. */
  private header: string | undefined;
  private columns: LogColumns | undefined;
  private stopped = false;
  private blank = true;
  private readonly findings: LabFinding[] = [];
  private badRows = 0;
  private badFirst: Located | undefined;
  private badLast: Located | undefined;
  private empty = 0;
  private emptyWhere: Located | undefined;
  private count = 0;
  private last: LogPoint | undefined;
  private window: Weighted[] = [];
  private windowStride = 1;
  private windowSkip = 0;
  private pruneAt = 1024;
  private sample: LogPoint[] = [];
  private sampleStride = 1;
  private sampleSkip = 0;

  constructor(private readonly options: LossLogOptions & { readonly share: number }) {}

  /** More of the file's text. */
  push(text: string): void {
    this.pending += text;
    for (;;) {
      const cut = this.boundary();
      if (cut === undefined) return;
      this.block(cut);
    }
  }

  /** The end of the file: what was read. */
  end(): StreamedLog {
    if (this.pending !== '') this.block(this.pending.length);
    if (this.blank && this.findings.length === 0) this.findings.push(finding('error', 'lab-empty', 'The file is empty: no header and no rows.', HEADER));
    if (this.badRows > MAX_ROW_FINDINGS)
      this.findings.push(moreRowsFinding(this.badRows - MAX_ROW_FINDINGS, MAX_ROW_FINDINGS, around([this.badFirst!, this.badLast!])));
    if (this.empty > 0 && this.columns?.loss) this.findings.push(emptyRowsFinding(this.empty, this.columns.loss, this.emptyWhere!));
    this.prune();
    const window = this.window.map((kept) => kept.point);
    // The last point ends the window even when the thinning passed over it (its count is in a neighbour's weight).
    if (this.last && !window.includes(this.last)) window.push(this.last);
    window.sort((p, q) => p.tokens - q.tokens);
    const points = [...this.sample];
    if (this.last && !points.includes(this.last)) points.push(this.last);
    points.sort((p, q) => p.tokens - q.tokens);
    return {
      points,
      count: this.count,
      findings: this.findings.sort((p, q) => p.span.start - q.span.start),
      columns: this.columns ?? {},
      window,
      windowCount: this.window.reduce((sum, kept) => sum + kept.weight, 0),
      last: this.last,
    };
  }

  /** The end of the first row boundary past `BLOCK_CHARS` in `pending`, if there is one yet. */
  private boundary(): number | undefined {
    const text = this.pending;
    if (text.length < BLOCK_CHARS) return undefined;
    const csv = this.format !== 'jsonl';
    // With no quote and no carriage return before it, the cut is the first line feed past the size: found natively.
    const feed = this.quoted ? -1 : text.indexOf('\n', Math.max(this.scanned, BLOCK_CHARS));
    const head = feed >= 0 ? text.slice(this.scanned, feed) : '';
    if (feed >= 0 && !(csv && head.includes('"')) && !head.includes('\r')) {
      this.scanned = 0;
      return feed + 1;
    }
    for (let at = this.scanned; at < text.length; at++) {
      const code = text.charCodeAt(at);
      // RFC 4180 doubles a quote inside a quoted field, so the parity of quotes says whether a newline is inside one.
      if (code === 34 && csv) this.quoted = !this.quoted;
      else if (!this.quoted && at >= BLOCK_CHARS && (code === 10 || (code === 13 && at + 1 < text.length && text.charCodeAt(at + 1) !== 10))) {
        this.scanned = 0;
        return at + 1;
      }
    }
    this.scanned = text.length;
    return undefined;
  }

  private block(cut: number): void {
    const text = this.pending.slice(0, cut);
    this.pending = this.pending.slice(cut);
    this.scanned = Math.max(0, this.scanned - cut);
    this.quoted = false;
    const offset = this.offset;
    const line = this.line;
    this.offset += text.length;
    this.line += lineBreaks(text);
    if (this.stopped || text.trim() === '') return;
    this.blank = false;
    this.format ??= tableFormat(text, this.options.file);
    if (this.format !== 'jsonl' && this.columns && this.header !== undefined && plainDelimited(text)) {
      this.plainBlock(text, offset, line);
      return;
    }
    const prefix = this.header !== undefined ? `${this.header}\n` : '';
    const table = readTable(prefix + text, { format: this.format, maxRows: Infinity });
    if (this.format !== 'jsonl' && this.header === undefined && table.columns.length > 0) this.header = table.columns.join(this.format === 'tsv' ? '\t' : ',');
    const shift = (where: Located): Located => ({
      span: { start: Math.max(0, where.span.start - prefix.length) + offset, end: Math.max(0, where.span.end - prefix.length) + offset },
      lines: { first: Math.max(1, where.lines.first - (prefix ? 1 : 0)) + line - 1, last: Math.max(1, where.lines.last - (prefix ? 1 : 0)) + line - 1 },
    });
    for (const found of table.findings) {
      if (found.code === 'lab-bad-row') this.badRow(shift(found), found.message);
      else this.findings.push({ ...found, ...shift(found) });
    }
    if (table.rows.length === 0) return;
    if (!this.columns) {
      const { columns, error } = logColumns(table.columns, this.options);
      this.columns = columns;
      if (error) {
        this.findings.push(error);
        this.stopped = true;
        return;
      }
    }
    for (const row of table.rows) {
      const read = logRow(row, this.columns, this.options);
      if (read === 'empty') {
        this.empty++;
        this.emptyWhere = around(this.emptyWhere ? [this.emptyWhere, shift(row)] : [shift(row)]);
      } else if ('problems' in read) this.badRow(shift(row), `Row left out: ${read.problems}.`);
      else this.add({ ...read, ...shift(read) });
    }
  }

  /** At most `MAX_ROW_FINDINGS` bad rows get a finding each; the rest are counted. */
  private badRow(where: Located, message: string): void {
    this.badRows++;
    if (this.badRows <= MAX_ROW_FINDINGS) this.findings.push(finding('error', 'lab-bad-row', message, where));
    else {
      this.badFirst ??= where;
      this.badLast = where;
    }
  }

  /**
   * A later block of a CSV or TSV log with no quote in it: each line split at the delimiter and
   * only the step, tokens and loss fields read, with no row object (`readPlainRows` gives the
   * same rows, spans and lines; this skips its cells). Ten times cheaper per row, so a long log
   * streams at disk speed rather than at the table reader's.
   */
  private plainBlock(text: string, offset: number, line: number): void {
    const delimiter = this.format === 'tsv' ? '\t' : ',';
    const names = this.header!.split(delimiter);
    const { step, tokens, loss } = this.columns!;
    const at = (name: string | undefined): number => (name === undefined ? -1 : names.indexOf(name));
    const stepAt = at(step);
    const tokensAt = at(tokens);
    const lossAt = at(loss);
    const cell = (fields: string[], index: number): string | undefined => (index < 0 ? undefined : fields[index]!.trim());
    let cursor = 0;
    let number = line;
    while (cursor < text.length) {
      const newline = text.indexOf('\n', cursor);
      const end = newline < 0 ? text.length : newline > cursor && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
      const start = cursor;
      const row = number;
      cursor = newline < 0 ? text.length : newline + 1;
      number++;
      if (text.charCodeAt(start) === 35) continue; // `#`: a comment line
      const fields = text.slice(start, end).split(delimiter);
      if (fields.length === 1 && fields[0]!.trim() === '') continue;
      let first = start;
      while (first < end && (text.charCodeAt(first) === 32 || (text.charCodeAt(first) === 9 && delimiter !== '\t'))) first++;
      const where: Located = { span: { start: first + offset, end: end + offset }, lines: { first: row, last: row } };
      if (fields.length !== names.length) {
        this.badRow(where, `This row has ${fields.length} fields; the header has ${names.length}.`);
        continue;
      }
      const read = logPoint(cell(fields, stepAt), cell(fields, tokensAt), cell(fields, lossAt), where, this.options);
      if (read === 'empty') {
        this.empty++;
        this.emptyWhere = around(this.emptyWhere ? [this.emptyWhere, where] : [where]);
      } else if ('problems' in read) this.badRow(where, `Row left out: ${read.problems}.`);
      else this.add(read);
    }
  }

  private add(point: LogPoint): void {
    this.count++;
    if (!this.last || point.tokens >= this.last.tokens) this.last = point;
    if (this.sampleSkip++ % this.sampleStride === 0) {
      this.sample.push(point);
      if (this.sample.length > SAMPLE_CAP) {
        this.sample = this.sample.filter((_, i) => i % 2 === 0);
        this.sampleStride *= 2;
        this.sampleSkip = 1;
      }
    }
    if (point.tokens < this.threshold()) return;
    if (this.windowSkip++ % this.windowStride === 0) this.window.push({ point, weight: this.windowStride });
    if (this.window.length >= this.pruneAt) {
      this.prune();
      if (this.window.length > WINDOW_CAP) {
        // Thinned evenly; each kept point takes the weight of the one dropped after it.
        const thinned: Weighted[] = [];
        for (let i = 0; i < this.window.length; i += 2)
          thinned.push({ point: this.window[i]!.point, weight: this.window[i]!.weight + (this.window[i + 1]?.weight ?? 0) });
        this.window = thinned;
        this.windowStride *= 2;
        this.windowSkip = 1;
      }
      this.pruneAt = Math.max(1024, this.window.length * 2);
    }
  }

  private threshold(): number {
    return (this.last?.tokens ?? 0) * (1 - this.options.share);
  }

  /** Drops the points the rising threshold has left behind. */
  private prune(): void {
    const from = this.threshold();
    this.window = this.window.filter((kept) => kept.point.tokens >= from);
  }
}

const HEADER: Located = { span: { start: 0, end: 0 }, lines: { first: 1, last: 1 } };

/** Line breaks as `LineIndex` counts them: `\r\n`, a lone `\r`, `\n`. */
function lineBreaks(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  // A carriage return not followed by a line feed is a line break of its own.
  for (let at = text.indexOf('\r'); at >= 0; at = text.indexOf('\r', at + 1)) if (text.charCodeAt(at + 1) !== 10) count++;
  return count;
}
