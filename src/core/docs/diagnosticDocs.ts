import { FINDING_CODES, type FindingCode } from '../analysis/findings';

/**
 * One documentation page of the project (`docs/*.md`), or the part of it the extension bundles:
 * its `### <code>` sections. `page` is its path in the repository (`docs/diagnostics.md`).
 */
export interface DocPage {
  readonly page: string;
  readonly text: string;
}

/** Where the reference of every diagnostic code lives; other pages may document their own codes. */
export const DIAGNOSTICS_PAGE = 'docs/diagnostics.md';

/** A code as a heading names it: lower-case words joined by dashes (`missing-tokens`, `lab-bad-row`). */
const CODE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * The documentation of one diagnostic code: the text under its `### <code>` heading, up to the
 * next heading of level 1-3, on whichever page has it (the first, in the order given).
 * The docs pages are the one source: the Problems panel's links, the command line and
 * code-scanning help text all show the same words.
 */
export function diagnosticSection(pages: readonly DocPage[], code: string): { readonly page: string; readonly body: string } | undefined {
  if (!CODE.test(code)) return undefined;
  for (const { page, text } of pages) {
    const body = sectionUnder(text, `### ${code}`)?.trim();
    if (body) return { page, body };
  }
  return undefined;
}

/** A page for one code: its name, what it means and what to do, as a Markdown document. */
export function diagnosticPage(pages: readonly DocPage[], code: string): string {
  const section = diagnosticSection(pages, code);
  const title = `# \`${section ? code : 'unknown code'}\` (Compute Budget diagnostic)`;
  if (!section) return `${title}\n\nNo documentation is bundled for this code. The page ${DIAGNOSTICS_PAGE} lists every code.\n`;
  return `${title}\n\n${section.body}\n\n---\nFrom the Compute Budget documentation, ${section.page}. Severities can be changed per code with \`computeBudget.diagnostics.severity\`.\n`;
}

export function isFindingCode(code: string): code is FindingCode {
  return (FINDING_CODES as readonly string[]).includes(code);
}

/**
 * The lines after the heading `heading` up to the next heading of level 1-3, outside fenced code
 * blocks (a YAML example's `# compute-budget:` comment is not a heading).
 */
function sectionUnder(text: string, heading: string): string | undefined {
  const lines = text.split('\n');
  let fenced = false;
  let start: number | undefined;
  for (const [i, raw] of lines.entries()) {
    const line = raw.replace(/\r$/, '');
    if (/^(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced || !/^#{1,3} /.test(line)) continue;
    if (start !== undefined) return lines.slice(start, i).join('\n');
    if (line.trimEnd() === heading) start = i + 1;
  }
  return start === undefined ? undefined : lines.slice(start).join('\n');
}
