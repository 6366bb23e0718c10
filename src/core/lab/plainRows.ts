/**
 * CSV or TSV with no quote character in it, read without papaparse: lines cut with `indexOf`,
 * fields with `split`, line numbers counted as the text is walked. Without quotes a row is one line
 * and a field is what lies between delimiters, so this gives the rows papaparse gives (a property
 * test holds the two readers equal) at a fraction of the cost: papaparse's per-row callback,
 * the line index's binary search per row and the blank-skipping regex per character made 200,000
 * rows cost seconds. `table.ts` chooses this reader when the text allows it (`plainDelimited`).
 */
import { finding, type LabFinding, type Located } from './findings';
import type { Cell, TableRow } from './tableRow';

/**
 * No `"` anywhere (a field may then not span lines), and one line ending throughout: `\n`, or
 * `\r\n` on every line (papaparse guesses one line ending per file and splits only at it).
 */
export function plainDelimited(text: string): boolean {
  if (text.includes('"')) return false;
  if (!text.includes('\r')) return true;
  return count(text, '\r\n') === count(text, '\n') && count(text, '\r\n') === count(text, '\r');
}

function count(text: string, what: string): number {
  let found = 0;
  for (let at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + what.length)) found++;
  return found;
}

export interface PlainRows {
  readonly header: readonly string[] | undefined;
  readonly rows: readonly TableRow[];
  readonly findings: readonly LabFinding[];
}

/**
 * The rows of `text` (which `plainDelimited` accepts) under `header` names normalised by
 * `normalise`. Blank lines and lines starting with `#` are skipped; every row past the header,
 * good or bad, counts toward `maxRows`.
 */
export function readPlainRows(text: string, delimiter: string, maxRows: number, normalise: (name: string) => string): PlainRows {
  const rows: TableRow[] = [];
  const findings: LabFinding[] = [];
  let header: string[] | undefined;
  let seen = 0;
  let line = 1;
  let at = 0;
  while (at < text.length) {
    const newline = text.indexOf('\n', at);
    const next = newline < 0 ? text.length : newline + 1;
    const end = newline < 0 ? text.length : newline > at && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
    const start = at;
    const number = line;
    at = next;
    line++;
    if (text.charCodeAt(start) === 35) continue; // `#`: a comment line
    const content = text.slice(start, end);
    const fields = content.split(delimiter);
    for (let i = 0; i < fields.length; i++) fields[i] = fields[i]!.trim();
    if (fields.length === 1 && fields[0] === '') continue;
    // The span starts past leading blanks, as the papaparse reader's does.
    let first = start;
    while (first < end && (text.charCodeAt(first) === 32 || (text.charCodeAt(first) === 9 && delimiter !== '\t'))) first++;
    const where: Located = { span: { start: first, end }, lines: { first: number, last: number } };
    if (!header) {
      header = fields.map(normalise);
      continue;
    }
    if (seen++ >= maxRows) {
      const rest = { start: first, end: Math.max(first, text.length - (/\r?\n$/.exec(text)?.[0].length ?? 0)) };
      const last = lineOf(text, number, start, Math.max(first, rest.end - 1));
      findings.push(finding('warning', 'lab-too-many-rows', `Only the first ${maxRows} rows are read.`, { span: rest, lines: { first: number, last } }));
      break;
    }
    if (fields.length !== header.length) {
      findings.push(finding('error', 'lab-bad-row', `This row has ${fields.length} fields; the header has ${header.length}.`, where));
      continue;
    }
    const cells: Record<string, Cell> = {};
    for (let i = 0; i < header.length; i++) cells[header[i]!] = fields[i] === '' ? null : fields[i]!;
    rows.push({ ...where, cells });
  }
  return { header, rows, findings };
}

/** The line of offset `at`, counting on from `line` at offset `from`. */
function lineOf(text: string, line: number, from: number, at: number): number {
  let count = line;
  for (let feed = text.indexOf('\n', from); feed >= 0 && feed < at; feed = text.indexOf('\n', feed + 1)) count++;
  return count;
}
