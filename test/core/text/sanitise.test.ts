import assert from 'node:assert/strict';
import {
  guardOutput,
  hoverMarkdown,
  markdownCell,
  printable,
  printableJson,
  terminalText,
  webviewData,
  webviewText,
  workflowData,
  workflowProperty,
} from '../../../src/core/text/sanitise';
import { workflowCommand } from './workflowCommand';

/** Every character a reader could be fooled by: C0, DEL, C1, bidi embeddings, overrides and isolates, separators. */
const CONTROLS = [
  ...Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code)),
  ...Array.from({ length: 0x21 }, (_, code) => String.fromCharCode(0x7f + code)),
  ...Array.from({ length: 5 }, (_, code) => String.fromCharCode(0x202a + code)),
  ...Array.from({ length: 4 }, (_, code) => String.fromCharCode(0x2066 + code)),
  '\u061c\u200e\u200f\u2028\u2029',
].join('');
const RAW = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/** Escape sequences: a screen clear, a cursor move, a terminal hyperlink, an OSC title, C1 CSI. */
const SEQUENCES = '\u001b[2J\u001b[1;1H\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007\u001b]0;title\u0007\u009b31m';
const COMMANDS = [
  '::error::injected',
  '::add-mask::secret',
  '  ::stop-commands::token',
  '##[error]legacy',
  'a ##[add-mask]x',
  '::warning file=a.yaml,line=1::x',
];
const MARKUP = '<img src=x onerror=alert(1)><b>x</b>[run](command:workbench.action.quit) *a* _b_ `c` # h | t ~s~ \\ {x} &amp; https://evil.example a@b.example';
const HOSTILE = [CONTROLS, SEQUENCES, ...COMMANDS, MARKUP, `::error::${SEQUENCES}\n::add-mask::x\r\n##[error]y`];

describe('the output sanitiser', () => {
  describe('printable, the rule every surface starts from', () => {
    it('shows every control character, escape sequence and bidi override as \\uXXXX', () => {
      for (const text of HOSTILE) {
        const shown = printable(text, 10_000);
        assert.doesNotMatch(shown, RAW, JSON.stringify(text));
      }
      assert.equal(printable('a\u001b[2Jb\u202ec', 100), 'a\\u001b[2Jb\\u202ec');
    });

    it('cuts long text and marks the cut', () => {
      assert.equal(printable('x'.repeat(50), 10), `${'x'.repeat(7)}…`);
    });
  });

  describe('terminal text (the CLI table, stderr, the lab text)', () => {
    it('leaves no control, no leading workflow command and no legacy command in a fragment', () => {
      for (const text of HOSTILE) {
        const shown = terminalText(text, 10_000);
        assert.doesNotMatch(shown, RAW, JSON.stringify(text));
        assert.equal(workflowCommand(shown), undefined, shown);
        assert.ok(!shown.includes('##['), shown);
      }
    });

    it('keeps ordinary names as they are', () => {
      assert.equal(terminalText('configs/llama-2-7b: run 1.yaml'), 'configs/llama-2-7b: run 1.yaml');
      assert.equal(terminalText('::error::x'), '\\u003a:error::x');
    });
  });

  describe('the guard on everything written', () => {
    it('breaks a line that would be a workflow command, wherever it came from', () => {
      const block = ['ok', '::error::x', '   ::add-mask::secret', 'text ##[error]y', '{ "file": "##[warning]z" }'].join('\n');
      const guarded = guardOutput(block);
      for (const line of guarded.split('\n')) assert.equal(workflowCommand(line), undefined, line);
      assert.equal(guarded.split('\n').length, 5);
      assert.deepEqual(JSON.parse(guardOutput(JSON.stringify({ file: '##[warning]z' }))), { file: '##[warning]z' }, 'JSON reads the same');
    });

    it('lets --format github write its own commands, and no legacy one', () => {
      assert.equal(guardOutput('::warning file=a::b ##[error]c', { commands: true }), '::warning file=a::b ##\\u005b' + 'error]c');
    });
  });

  describe('--format github (workflow commands)', () => {
    it('escapes data as GitHub does: %, CR and LF, so one message stays one command', () => {
      assert.equal(workflowData('50% done\r\nnext'), '50%25 done%0D%0Anext');
      for (const text of HOSTILE) {
        const line = `::warning file=${workflowProperty(text)},title=${workflowProperty(text)}::${workflowData(text)}`;
        assert.ok(!/[\r\n]/.test(line), line);
        assert.doesNotMatch(line, RAW, line);
        const command = workflowCommand(line);
        assert.equal(command?.command, 'warning', line);
        // The runner reads back the text as printable shows it: nothing lost, nothing added.
        const shown = text
          .split(/(\r|\n)/)
          .map((part, at) => (at % 2 ? part : printable(part, 10_000)))
          .join('');
        assert.equal(command.data, shown);
        assert.equal(command.properties.file, shown);
        assert.equal(command.properties.title, shown);
      }
    });

    it('escapes : and , in properties, which would end one', () => {
      assert.equal(workflowProperty('a: b, c'), 'a%3A b%2C c');
    });
  });

  describe('JSON and SARIF', () => {
    it('writes every string printable, and JSON keeps its shape', () => {
      for (const text of HOSTILE) {
        const json = JSON.stringify({ file: text, list: [text] }, printableJson, 2);
        assert.doesNotMatch(json.replace(/\n/g, ''), RAW, 'no raw control but the line breaks of the layout');
        assert.doesNotMatch((JSON.parse(json) as { file: string }).file, RAW);
      }
    });
  });

  describe('Markdown documents (the statement, a plan)', () => {
    it('leaves no markup, no line break and no control', () => {
      for (const text of HOSTILE) {
        const cell = markdownCell(text);
        assert.doesNotMatch(cell, RAW, cell);
        assert.ok(!/[\r\n]/.test(cell), cell);
        // Every metacharacter that opens markup is escaped by a backslash that is itself not escaped.
        assert.doesNotMatch(cell.replace(/\\\\/g, ''), /(^|[^\\])[<>`*_[\]|#~]/, cell);
      }
    });
  });

  describe('the hover', () => {
    it('leaves no markup, link, line break or control', () => {
      for (const text of HOSTILE) {
        const shown = hoverMarkdown(text);
        assert.doesNotMatch(shown, RAW, shown);
        assert.ok(!/[\r\n]/.test(shown), shown);
        assert.doesNotMatch(shown.replace(/\\\\/g, ''), /(^|[^\\])[<>`*_[\]()|#~:@&]/, shown);
      }
    });
  });

  describe('the webview', () => {
    it('shows controls escaped in every string of a message, and keeps numbers and keys', () => {
      const message = JSON.parse(
        JSON.stringify({ title: SEQUENCES, lines: [{ label: CONTROLS, flops: 1e24 }], nested: { run: '\u202eevil' }, count: 3, none: null }),
      ) as Record<string, unknown>;
      Object.defineProperty(message, '__proto__', { value: { polluted: '\u001b' }, enumerable: true, configurable: true, writable: true });
      const shown = webviewData(message);
      const strings: string[] = [];
      JSON.stringify(shown, (_key, value: unknown) => (typeof value === 'string' ? void strings.push(value) : value));
      assert.ok(strings.length >= 4);
      for (const text of strings) assert.doesNotMatch(text, RAW, text);
      assert.equal((shown as { count: number }).count, 3);
      assert.equal((shown as { lines: { flops: number }[] }).lines[0]!.flops, 1e24);
      assert.equal(Object.getPrototypeOf(shown), Object.prototype, 'a __proto__ key stays a key');
      assert.ok(Object.hasOwn(shown, '__proto__'));
      assert.equal(webviewText('<b>x</b>\u202e'), '<b>x</b>\\u202e', 'markup stays text: the page writes with textContent');
    });
  });
});
