import { printable } from '../../core/source/view';

/** Longer config text in a hover is cut: a hover explains a number, it does not reprint the file. */
const MAX_HOVER_TEXT = 400;

/**
 * Escapes text from a config for Markdown: no links (`:` and `@` escaped, so neither a URL nor an
 * e-mail address autolinks), HTML, emphasis or tables can be injected, and no line break of any
 * kind (CR, LF, U+2028) starts a new Markdown line. Controls and bidi overrides are shown escaped.
 */
export function escapeMarkdown(text: string): string {
  return printable(text.replace(/\r\n?|\n|\u2028|\u2029/g, ' '), MAX_HOVER_TEXT).replace(/[\\`*_{}[\]()#+\-.!|<>~&"':@]/g, (char) => `\\${char}`);
}
