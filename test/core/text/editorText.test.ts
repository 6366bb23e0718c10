import assert from 'node:assert/strict';
import { iconLabelText, MAX_LABEL, MAX_NOTIFICATION, MAX_PLAIN, notificationText, plainText } from '../../../src/core/text/editorText';

/** Every character a reader could be fooled by: C0, DEL, C1, bidi embeddings, overrides and isolates, separators. */
const CONTROLS = [
  ...Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code)),
  ...Array.from({ length: 0x21 }, (_, code) => String.fromCharCode(0x7f + code)),
  ...Array.from({ length: 5 }, (_, code) => String.fromCharCode(0x202a + code)),
  ...Array.from({ length: 4 }, (_, code) => String.fromCharCode(0x2066 + code)),
  '\u061c\u200e\u200f\u2028\u2029',
].join('');
const RAW = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const SEQUENCES = '\u001b[2J\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007\u009b31m';
const COMMANDS = '::error::injected ::add-mask::secret ##[error]legacy';
/** The links a notification would render (VS Code's parseLinkedText takes https://, http://, command: and file: targets). */
const LINKS = [
  '[Open](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D)',
  '[x](https://evil.example)',
  '[x](http://evil.example "title")',
  '[x](file:///etc/passwd)',
];
const MARKUP = '<img src=x onerror=alert(1)><b>x</b> *a* _b_ `c` # h | t ~s~ \\ {x} &amp;';
const ICONS = '$(loading~spin) $(error) $(check) \\$(already)';
const HUGE = 'a'.repeat(100_000);
const HOSTILE = [CONTROLS, SEQUENCES, COMMANDS, ...LINKS, MARKUP, ICONS, HUGE, `${CONTROLS}${LINKS[0]}${ICONS}${HUGE}`];

/** VS Code's own link pattern in notifications (src/vs/base/common/linkedText.ts). */
const LINKED_TEXT = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/i;
/** A `$(name)` codicon that is not escaped with a backslash (VS Code's iconLabels.ts). */
const UNESCAPED_ICON = /(^|[^\\])\$\([a-z0-9-]+(?:~[a-z0-9-]*)?\)/i;

describe('the editor surfaces’ encoders', () => {
  it('let no control, escape sequence or bidi override through, and cut a 100 KB string, on every surface', () => {
    for (const [encode, max] of [
      [notificationText, MAX_NOTIFICATION],
      [iconLabelText, MAX_LABEL],
      [plainText, MAX_PLAIN],
    ] as const) {
      for (const text of HOSTILE) {
        const shown = encode(text);
        assert.doesNotMatch(shown, RAW, `${encode.name}: ${JSON.stringify(shown.slice(0, 80))}`);
        // Cut to `max` characters before escaping; an escaped character takes six.
        assert.ok(shown.length <= max * 6, `${encode.name} leaves ${shown.length} characters`);
      }
      assert.match(encode(HUGE), /^a+…$/);
      assert.equal(encode(HUGE).length, max - 2);
      assert.match(encode(SEQUENCES), /\\u001b\[2J/, `${encode.name} shows the escape, escaped`);
    }
  });

  it('make no link in a notification, whatever the link’s target, and keep the text readable', () => {
    for (const link of LINKS) {
      const shown = notificationText(`Compute Budget: ${link} was not found`);
      assert.doesNotMatch(shown, LINKED_TEXT, shown);
      assert.ok(shown.includes(link.replace('](', ']\\u0028')), shown);
    }
    assert.equal(notificationText('runs (old).csv [v2].csv'), 'runs (old).csv [v2].csv');
  });

  it('draw no codicon from input in a status bar or quick-pick label', () => {
    const shown = iconLabelText(ICONS);
    assert.doesNotMatch(shown, UNESCAPED_ICON, shown);
    assert.equal(shown, '\\$(loading~spin) \\$(error) \\$(check) \\\\$(already)');
    assert.equal(iconLabelText('llama-7b (base)'), 'llama-7b (base)');
  });

  it('leave workflow commands and markup as plain text: no editor surface reads them', () => {
    for (const encode of [notificationText, iconLabelText, plainText]) {
      assert.equal(encode(COMMANDS), COMMANDS);
      assert.equal(encode(MARKUP), MARKUP);
    }
  });
});
