/**
 * The one output sanitiser: every string that comes from a config, a file name, a runs file or a
 * log passes one of these encoders on its way to a surface. Each encoder is made for one surface;
 * all of them start from the same rule, `printable`: no control character (C0, DEL, C1, so no
 * escape sequence) and no bidirectional override or isolate reaches a reader raw, because it could
 * garble a terminal or make a line read differently from the file. They are shown as `\uXXXX`.
 *
 * Surfaces and their encoders:
 * - terminal (the CLI table, stderr, the lab's text): `terminalText`, and `guardOutput` on the
 *   whole block written, which also keeps GitHub Actions from reading a line as a workflow command;
 * - `--format github`: `workflowData` and `workflowProperty`, GitHub's own escapes;
 * - JSON and SARIF: `printable` on every string, then `guardOutput` on the serialised text;
 * - Markdown documents (the statement, a plan): `markdownCell`;
 * - the hover: `hoverMarkdown`;
 * - the webview: `webviewText` (the page writes with `textContent`, so markup is inert already).
 */

/** C0 and C1 controls, DEL, the Arabic letter mark, LRM/RLM, line and paragraph separators, bidi embeddings, overrides and isolates. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escaped = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Text cut to `max` characters (an ellipsis marks the cut) with every unsafe character shown as `\uXXXX`. */
export function printable(text: string, max: number): string {
  const cut = text.length > max ? `${text.slice(0, max - 3)}…` : text;
  return cut.replace(UNSAFE, escaped);
}

/**
 * GitHub's runner reads a line as a workflow command when, after leading blanks, it starts with
 * `::` (`::error::`, `::add-mask::`, `::stop-commands::`), and reads the older `##[command]` form
 * anywhere in a line (actions/runner, src/Runner.Common/ActionCommand.cs: `TryParseV2` trims and
 * wants `::`; `TryParse` looks for `##[` with `IndexOf`). One colon of a leading `::` and the `[`
 * of `##[` are shown as `\u003a` and `\u005b`, as `printable` shows a control.
 */
function noCommand(text: string): string {
  return text.replace(/^(\s*):(?=:)/, '$1\\u003a').replace(/##\[/g, '##\\u005b');
}

/** A fragment of terminal text (a file name, a run id, a task, a message): printable, and never a workflow command. */
export function terminalText(text: unknown, max = 300): string {
  return noCommand(printable(String(text), max));
}

/**
 * The last guard on a block written to stdout or stderr, whatever built it: no line starts a
 * workflow command and no `##[` is left anywhere. In JSON a `##[` can only sit inside a string,
 * where `\u005b` is the same `[` to a parser. `commands: true` is for `--format github`, whose
 * lines are workflow commands on purpose (their data and properties are escaped by
 * `workflowData`/`workflowProperty`, so input cannot end one early or start another).
 */
export function guardOutput(block: string, options: { commands?: boolean } = {}): string {
  const lines = block.split('\n');
  return lines.map((line) => (options.commands ? line.replace(/##\[/g, '##\\u005b') : noCommand(line))).join('\n');
}

/**
 * The data of a workflow command, as GitHub's toolkit escapes it (actions/toolkit,
 * packages/core/src/command.ts `escapeData`): `%`, CR and LF. Other controls are shown as
 * `printable` shows them, so the annotation reads as the table does.
 */
export function workflowData(text: string): string {
  return keepBreaks(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property of a workflow command (`file=`, `title=`): the data's escapes and `:` and `,`, which would end the property. */
export function workflowProperty(text: string): string {
  return workflowData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Printable text in which CR and LF stay themselves (the workflow escapes carry them). */
function keepBreaks(text: string): string {
  return text
    .slice(0, 10_000)
    .split(/(\r|\n)/)
    .map((part, at) => (at % 2 ? part : printable(part, 10_000)))
    .join('');
}

/**
 * Text inside a Markdown document the project writes (a plan, a compute statement): no emphasis,
 * code, link, HTML or heading markup from the text, no pipe that would split a table cell, no line
 * break, and controls shown escaped. Lighter than the hover's escaping, so a pasted document stays
 * readable as plain text.
 */
export function markdownCell(text: string): string {
  return printable(text.replace(/[\r\n\u2028\u2029]+/g, ' '), 100_000).replace(/[\\`*_{}[\]<>|#~]/g, (char) => `\\${char}`);
}

/** Longer config text in a hover is cut: a hover explains a number, it does not reprint the file. */
const MAX_HOVER_TEXT = 400;

/**
 * Text from a config in a hover's Markdown: no links (`:` and `@` escaped, so neither a URL nor an
 * e-mail address autolinks), HTML, emphasis or tables can be injected, and no line break of any
 * kind (CR, LF, U+2028) starts a new Markdown line. Controls and bidi overrides are shown escaped.
 */
export function hoverMarkdown(text: string): string {
  return printable(text.replace(/\r\n?|\n|\u2028|\u2029/g, ' '), MAX_HOVER_TEXT).replace(/[\\`*_{}[\]()#+\-.!|<>~&"':@]/g, (char) => `\\${char}`);
}

/**
 * Text for the chart page. The page writes every string with `textContent` or draws it on a
 * canvas, so markup is already inert there; what is left is what a browser would still act on:
 * controls and bidi overrides, shown escaped, and text longer than a label can hold.
 */
export function webviewText(text: string, max = 300): string {
  return printable(text, max);
}

/**
 * `JSON.stringify`'s replacer for the CLI's `--json` output (SARIF escapes its messages in sarif.ts): JSON escapes C0
 * controls itself, but C1 controls and bidi overrides would reach the terminal raw.
 */
export function printableJson(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? printable(value, 100_000) : value;
}

/**
 * Every string in a message to the chart page through `webviewText`, at the page's door: titles,
 * labels, tooltips, plan rows and lab run ids all come from configs and runs files, and are drawn
 * by the page, by Chart.js's tooltips and on a canvas. Numbers and the shape stay as they are.
 */
export function webviewData<T>(data: T): T {
  if (typeof data === 'string') return webviewText(data, 2_000) as T;
  if (Array.isArray(data)) return data.map((item: unknown) => webviewData(item)) as T;
  if (data !== null && typeof data === 'object') {
    const copy: Record<string, unknown> = {};
    // defineProperty, not assignment: a `__proto__` key from JSON stays a key.
    for (const [key, value] of Object.entries(data))
      Object.defineProperty(copy, key, { value: webviewData(value), enumerable: true, writable: true, configurable: true });
    return copy as T;
  }
  return data;
}
