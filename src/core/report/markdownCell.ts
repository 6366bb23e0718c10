/**
 * Text inside a Markdown document the project writes (a plan, a compute statement): no emphasis,
 * code, link, HTML or heading markup from the text, no pipe that would split a table cell, and no
 * line break. Lighter than the hover's escaping, so a pasted document stays readable as plain text.
 */
export function markdownCell(text: string): string {
  return text.replace(/[\\`*_{}[\]<>|#~]/g, (char) => `\\${char}`).replace(/[\r\n\u2028\u2029]+/g, ' ');
}
