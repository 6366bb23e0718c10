import { FINDING_CODES, type FindingCode } from '../analysis/findings';

/**
 * The documentation of one diagnostic code, cut from the README's "Diagnostics" section (one
 * `### code` heading per code). The README is the one source: the Problems panel's links, the
 * command line and code-scanning help text all show the same words.
 */
export function diagnosticSection(readme: string, code: string): string | undefined {
  const diagnostics = sectionAfter(readme, /^## Diagnostics\s*$/m, /^## /m);
  if (diagnostics === undefined) return undefined;
  const escaped = code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const body = sectionAfter(diagnostics, new RegExp(`^### ${escaped}\\s*$`, 'm'), /^#{2,3} /m);
  return body?.trim() || undefined;
}

/** A page for one code: its name, what it means and what to do, as a Markdown document. */
export function diagnosticPage(readme: string, code: string): string {
  const known = (FINDING_CODES as readonly string[]).includes(code);
  const body = known ? diagnosticSection(readme, code) : undefined;
  const title = `# \`${known ? code : 'unknown code'}\` (Compute Budget diagnostic)`;
  if (!body) return `${title}\n\nNo documentation is bundled for this code. The README's "Diagnostics" section lists every code.\n`;
  return `${title}\n\n${body}\n\n---\nFrom the Compute Budget README, section "Diagnostics". Severities can be changed per code with \`computeBudget.diagnostics.severity\`.\n`;
}

export function isFindingCode(code: string): code is FindingCode {
  return (FINDING_CODES as readonly string[]).includes(code);
}

function sectionAfter(text: string, heading: RegExp, next: RegExp): string | undefined {
  const found = heading.exec(text);
  if (!found) return undefined;
  const rest = text.slice(found.index + found[0].length);
  const end = next.exec(rest);
  return end ? rest.slice(0, end.index) : rest;
}
