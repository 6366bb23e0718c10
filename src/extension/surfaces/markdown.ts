/** Escapes text from a config for Markdown: no links, HTML, emphasis or tables can be injected. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}\[\]()#+\-.!|<>~&"']/g, (char) => `\\${char}`).replace(/\r?\n/g, ' ');
}
