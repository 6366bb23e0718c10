/**
 * One reader for the lab's three kinds of file (runs, loss logs, evals): CSV or TSV through
 * papaparse (browser-ready, no Node built-ins in the build it ships for browsers), JSON Lines by
 * hand (one `JSON.parse` a line). Every row keeps where it came from, so that a bad row becomes a
 * finding at its lines rather than disappearing.
 */
import Papa from 'papaparse';
import { LineIndex } from '../source/lines';
import { finding, type LabFinding, type Located } from './findings';
import { plainDelimited, readPlainRows } from './plainRows';
import type { Cell, TableRow } from './tableRow';

export type { Cell, TableRow } from './tableRow';

export interface Table {
  readonly format: 'csv' | 'tsv' | 'jsonl';
  /** Normalised column names in file order (for JSON Lines: in order of first appearance). */
  readonly columns: readonly string[];
  readonly rows: readonly TableRow[];
  readonly findings: readonly LabFinding[];
}

export interface TableOptions {
  /** The file's name, to tell TSV and JSON Lines by extension; the content decides otherwise. */
  readonly file?: string;
  /** Rows past this are not read (a finding says so). Default 200,000. */
  readonly maxRows?: number;
  /** The format, when the caller knows it already (a later block of a streamed file). */
  readonly format?: Table['format'];
}

export const DEFAULT_MAX_ROWS = 200_000;

/** `Train Loss`, `train/loss` and `train-loss` all become `train_loss`. */
export function normaliseColumn(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

export function readTable(text: string, options: TableOptions = {}): Table {
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  // Built on first use: the quote-free reader counts its own lines, and the index is a pass over the whole text.
  let built: LineIndex | undefined;
  const locate = (start: number, end: number): Located => {
    const index = (built ??= new LineIndex(text));
    const trimmedEnd = Math.max(start, end - (/\r?\n$/.exec(text.slice(Math.max(start, end - 2), end))?.[0].length ?? 0));
    return { span: { start, end: trimmedEnd }, lines: { first: index.position(start).line, last: index.position(Math.max(start, trimmedEnd - 1)).line } };
  };
  if (text.trim() === '') {
    return { format: 'csv', columns: [], rows: [], findings: [finding('error', 'lab-empty', 'The file is empty: no header and no rows.', locate(0, 0))] };
  }
  const format = options.format ?? tableFormat(text, options.file);
  if (format === 'jsonl') return readJsonLines(text, maxRows, locate);
  return readDelimited(text, format, maxRows, locate);
}

/** JSON Lines by extension or a leading `{`; TSV by extension or a tab in the first line; else CSV. */
export function tableFormat(text: string, name: string | undefined): Table['format'] {
  const file = name?.toLowerCase() ?? '';
  if (/\.(jsonl|ndjson|json)$/.test(file) || text.trimStart().startsWith('{')) return 'jsonl';
  return /\.tsv$/.test(file) || firstLine(text).includes('\t') ? 'tsv' : 'csv';
}

type Locate = (start: number, end: number) => Located;

function firstLine(text: string): string {
  return text.trimStart().split(/\r?\n|\r/, 1)[0] ?? '';
}

function readJsonLines(text: string, maxRows: number, locate: Locate): Table {
  const rows: TableRow[] = [];
  const findings: LabFinding[] = [];
  const columns: string[] = [];
  const named = new Set<string>();
  // Every line of a log names the same fields: each name is normalised once, not once per line.
  const names = new Map<string, string>();
  let seen = 0;
  const pattern = /[^\r\n]*(\r\n|\r|\n|$)/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) && match[0] !== '') {
    const start = match.index;
    const line = match[0].replace(/[\r\n]+$/, '');
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const where = locate(start, start + line.length);
    if (seen++ >= maxRows) {
      findings.push(finding('warning', 'lab-too-many-rows', `Only the first ${maxRows} rows are read.`, locate(start, text.length)));
      break;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      findings.push(finding('error', 'lab-bad-row', 'This line is not a JSON object (JSON Lines: one object per line).', where));
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      findings.push(finding('error', 'lab-bad-row', 'This line is JSON but not an object with named fields.', where));
      continue;
    }
    const cells: Record<string, Cell> = {};
    flatten(value as Record<string, unknown>, '', cells, names);
    for (const key of Object.keys(cells)) {
      if (!named.has(key)) {
        named.add(key);
        columns.push(key);
      }
    }
    rows.push({ ...where, cells });
  }
  return { format: 'jsonl', columns, rows, findings };
}

/** `{"train": {"loss": 2.1}}` → `train_loss`; arrays and deeper values are left out. */
function flatten(value: Record<string, unknown>, prefix: string, into: Record<string, Cell>, names: Map<string, string>, depth = 0): void {
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const item = value[key];
    const raw = prefix ? `${prefix}_${key}` : key;
    let name = names.get(raw);
    if (name === undefined) {
      name = normaliseColumn(raw);
      if (names.size < MAX_REMEMBERED_NAMES) names.set(raw, name);
    }
    if (item === null || typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') into[name] = item;
    else if (typeof item === 'object' && !Array.isArray(item) && depth < 3) flatten(item as Record<string, unknown>, name, into, names, depth + 1);
  }
}

/** A hostile log can name new fields on every line; past this many the rest are normalised each time. */
const MAX_REMEMBERED_NAMES = 4096;

function readDelimited(text: string, format: 'csv' | 'tsv', maxRows: number, locate: Locate): Table {
  if (plainDelimited(text)) {
    const plain = readPlainRows(text, format === 'tsv' ? '\t' : ',', maxRows, normaliseColumn);
    return { format, columns: plain.header ?? [], rows: plain.rows, findings: plain.findings };
  }
  const rows: TableRow[] = [];
  const findings: LabFinding[] = [];
  let header: string[] | undefined;
  let cursor = 0;
  // Every row past the header, good or bad, counts toward the limit: a file of bad rows is not read past it either.
  let seen = 0;
  Papa.parse<string[]>(text, {
    delimiter: format === 'tsv' ? '\t' : ',',
    comments: '#',
    skipEmptyLines: false,
    step: (result, parser) => {
      const start = skipBlank(text, cursor, format === 'tsv' ? '\t' : ',');
      const end = Math.max(start, result.meta.cursor);
      cursor = result.meta.cursor;
      const fields = result.data.map((cell) => cell.trim());
      if (fields.length === 1 && fields[0] === '') return;
      const where = locate(start, end);
      for (const error of result.errors) findings.push(finding('error', 'lab-parse-error', `${error.message}.`, where));
      if (result.errors.length > 0) return;
      if (!header) {
        header = fields.map(normaliseColumn);
        return;
      }
      if (seen++ >= maxRows) {
        findings.push(finding('warning', 'lab-too-many-rows', `Only the first ${maxRows} rows are read.`, locate(start, text.length)));
        parser.abort();
        return;
      }
      if (fields.length !== header.length) {
        findings.push(finding('error', 'lab-bad-row', `This row has ${fields.length} fields; the header has ${header.length}.`, where));
        return;
      }
      const cells: Record<string, Cell> = {};
      header.forEach((name, i) => (cells[name] = fields[i] === '' ? null : fields[i]!));
      rows.push({ ...where, cells });
    },
  });
  return { format, columns: header ?? [], rows, findings };
}

/**
 * Past blank lines and `#` comment lines, to the first character of the next row that is not a
 * space (or tab, outside TSV). Only whole lines are skipped: a row of blanks and delimiters, or one indented
 * before a `#` (papaparse reads both as rows), is located on its own line.
 */
function skipBlank(text: string, from: number, delimiter: string): number {
  let at = from;
  for (;;) {
    let first = at;
    while (first < text.length && (text[first] === ' ' || (text[first] === '\t' && delimiter !== '\t'))) first++;
    if (text[first] === '\n' || text[first] === '\r') at = first + (text[first] === '\r' && text[first + 1] === '\n' ? 2 : 1);
    else if (text[at] === '#') while (at < text.length && text[at] !== '\n' && text[at] !== '\r') at++;
    else return first;
  }
}
