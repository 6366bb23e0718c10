/**
 * A file of bad rows is not a list of findings as long as the file: past `MAX_ROW_FINDINGS` bad
 * rows, each is counted, not listed, and one finding says how many more were left out and where.
 */
import { around, finding, type LabFinding, type Located } from './findings';

export const MAX_ROW_FINDINGS = 1_000;

/** `findings` in file order with at most `limit` error `lab-bad-row` findings, then one that counts the rest. */
export function capRowFindings(findings: readonly LabFinding[], limit = MAX_ROW_FINDINGS): LabFinding[] {
  const out: LabFinding[] = [];
  const over: LabFinding[] = [];
  let bad = 0;
  // In file order, so that the listed ones are the first rows.
  for (const found of [...findings].sort((p, q) => p.span.start - q.span.start)) {
    if (found.code === 'lab-bad-row' && found.severity === 'error' && ++bad > limit) over.push(found);
    else out.push(found);
  }
  if (over.length > 0) out.push(moreRowsFinding(over.length, limit, around(over)));
  return out;
}

/** "12 more rows were left out (the first 1000 are listed)." */
export function moreRowsFinding(more: number, limit: number, where: Located): LabFinding {
  return finding('error', 'lab-bad-row', `${more} more row${more === 1 ? ' was' : 's were'} left out (the first ${limit} are listed).`, where);
}
