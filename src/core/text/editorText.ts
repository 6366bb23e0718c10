import { printable } from './sanitise';

/**
 * Encoders for the editor's plain-text surfaces, beside the hover's and the webview's in
 * `sanitise.ts`. Each starts from `printable` (no control character, escape sequence or bidi
 * override reaches the screen raw; long text cut with an ellipsis) and adds what that surface
 * would still act on. The extension passes every string at the door of each API call:
 *
 * - notifications (`showInformationMessage` and its kin): `notificationText`;
 * - the status bar item's text, quick-pick items' label, description and detail: `iconLabelText`;
 * - everything shown as typed (an inline decoration's `contentText`, a tooltip string, a prompt,
 *   a placeholder, a quick input's title): `plainText`.
 */

/** The longest message a notification shows: a sentence or two, never a file's content. */
export const MAX_NOTIFICATION = 2_000;

/**
 * The longest name (a file's, a setting's, a model's) inside a sentence: the callers cut names to
 * this before they build a message, so a 100 KB name leaves the sentence's end in sight.
 */
export const MAX_NAME = 80;

/** The longest label of a status bar item or a quick-pick row. */
export const MAX_LABEL = 200;

/** The longest line of plain text (an inline summary, a prompt, a title). */
export const MAX_PLAIN = 500;

/**
 * A notification renders `[label](target)` as a link when the target starts with `https://`,
 * `http://`, `command:` or `file:` (VS Code's `parseLinkedText`, src/vs/base/common/linkedText.ts:
 * `/\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^\)\s]+)…\)/gi`), and a `command:` link runs a
 * command with arguments when clicked. A file named `[Open](command:…)` must not become one, so
 * the `(` right after a `]` is shown as `\u0028`, as `printable` shows a control. No backslash
 * escape exists in that syntax; breaking the `](` is what keeps the text a text.
 */
export function notificationText(text: unknown, max = MAX_NOTIFICATION): string {
  return printable(String(text), max).replace(/\]\(/g, ']\\u0028');
}

/**
 * The status bar and quick picks draw `$(name)` as a codicon (VS Code's `renderLabelWithIcons`),
 * so a model named `$(loading~spin) $(error)` would draw icons, and `$(…)` text could pose as the
 * extension's own marks. VS Code's `escapeIcons` writes `\$(`, which those surfaces draw as the
 * literal `$(`; every `$(` from input is written so.
 */
export function iconLabelText(text: unknown, max = MAX_LABEL): string {
  return printable(String(text), max).replace(/\$\(/g, '\\$(');
}

/** Text shown as typed (a decoration's `contentText`, a tooltip, a prompt, a title): printable and cut. */
export function plainText(text: unknown, max = MAX_PLAIN): string {
  return printable(String(text), max);
}
