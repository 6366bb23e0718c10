/**
 * What the scaling-law lab says about a runs file, a loss log or an evals file.
 *
 * Lab findings use their own stable codes (the `lab-` prefix) so that the analysis of configs keeps
 * its list untouched; every finding points at the rows it is about, as offsets (for the editor's
 * `positionAt`) and as 1-based line numbers (for the terminal and JSON).
 */
import type { Span } from '../source/tree';
import type { Severity } from '../analysis/findings';

export const LAB_FINDING_CODES = [
  'lab-empty',
  'lab-parse-error',
  'lab-missing-column',
  'lab-bad-row',
  'lab-too-many-rows',
  'lab-early-checkpoint',
  'lab-too-few-runs',
  'lab-too-few-sizes',
  'lab-under-determined',
  'lab-are-floor',
  'lab-are-useful',
  'lab-are-poor',
  'lab-no-holdout',
  'lab-extrapolation',
  'lab-allocation-wide',
  'lab-low-returns',
  'lab-still-improving',
  'lab-short-window',
  'lab-missing-tokens',
  'lab-boundary-coverage',
  'lab-implausible',
] as const;

export type LabFindingCode = (typeof LAB_FINDING_CODES)[number];

/** 1-based, inclusive line numbers. */
export interface LineRange {
  readonly first: number;
  readonly last: number;
}

export interface LabFinding {
  readonly severity: Severity;
  readonly code: LabFindingCode;
  readonly message: string;
  /** Offsets into the file's text, [start, end). */
  readonly span: Span;
  readonly lines: LineRange;
}

/** The part of the file a row (or a group of rows) came from. */
export interface Located {
  readonly span: Span;
  readonly lines: LineRange;
}

export function finding(severity: Severity, code: LabFindingCode, message: string, where: Located): LabFinding {
  return { severity, code, message, span: where.span, lines: where.lines };
}

/** The smallest stretch of the file holding every one of `items`; the file's first line when empty. */
export function around(items: readonly Located[]): Located {
  if (items.length === 0) return { span: { start: 0, end: 0 }, lines: { first: 1, last: 1 } };
  let start = Infinity;
  let end = -Infinity;
  let first = Infinity;
  let last = -Infinity;
  for (const item of items) {
    start = Math.min(start, item.span.start);
    end = Math.max(end, item.span.end);
    first = Math.min(first, item.lines.first);
    last = Math.max(last, item.lines.last);
  }
  return { span: { start, end }, lines: { first, last } };
}

/** "line 12" or "lines 12-40", for messages. */
export function linesText(lines: LineRange): string {
  return lines.first === lines.last ? `line ${lines.first}` : `lines ${lines.first}-${lines.last}`;
}
