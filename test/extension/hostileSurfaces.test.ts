// Runs inside a real VS Code (code-server) extension host: what a hostile config's strings become
// on each editor surface, read where the extension hands them to the VS Code API.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { plan } from '../../src/core/planner/plan';
import { askPlanInput } from '../../src/extension/planner/planFlow';
import { applyWriteBack, chooseWriteBack } from '../../src/extension/planner/writeBack';
import { decorationsFor } from '../../src/extension/surfaces/decorations';
import { statusText } from '../../src/extension/surfaces/statusBar';
import { api, closeAll, exampleUri, show } from './helpers';

/** Every control character, the bidi overrides and isolates, an escape sequence. */
const CONTROLS = [
  ...Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code)),
  ...Array.from({ length: 0x21 }, (_, code) => String.fromCharCode(0x7f + code)),
  '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\u200e\u200f\u2028\u2029',
].join('');
const RAW = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const RAW_GLOBAL = new RegExp(RAW.source, 'g');
const INJECTIONS = '::error::pwn ::add-mask::x [Open](command:workbench.action.quit) $(error) $(loading~spin) <b>x</b> *a* `c` # h | t';
/** VS Code's link pattern in notifications (src/vs/base/common/linkedText.ts) and an unescaped codicon. */
const LINKED_TEXT = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/i;
const UNESCAPED_ICON = /(^|[^\\])\$\([a-z0-9-]+(?:~[a-z0-9-]*)?\)/i;
/** Double-quoted with every control escaped, so YAML reads each character back (it takes JSON's escapes, and refuses raw C1). */
const quoted = (text: string) => JSON.stringify(text).replace(RAW_GLOBAL, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** A file name that holds what Linux allows of the same (every character but `/` and NUL). */
const NAME = `hostile \u001b[2J\u202eevil\u0085 [Open](command:workbench.action.quit) $(error) ::error::x.yaml`;
const CONFIG = [
  `model_name: ${quoted(`${CONTROLS}${INJECTIONS}`)}`,
  `run_name: ${quoted(`${INJECTIONS}${'r'.repeat(100_000)}`)}`,
  `${quoted(`key${CONTROLS}$(error)[x](command:y)`)}: 1`,
  'model:',
  '  parameters: 7B',
  'training:',
  '  tokens: 1T',
  '',
].join('\n');

/** Replaces `vscode.window[name]` while `body` runs, recording each call's arguments. */
async function recording<T>(name: string, answer: (...args: unknown[]) => unknown, body: (calls: unknown[][]) => Promise<T>): Promise<T> {
  const window = vscode.window as unknown as Record<string, unknown>;
  const original = window[name];
  const calls: unknown[][] = [];
  window[name] = (...args: unknown[]) => {
    calls.push(args);
    return answer(...args);
  };
  try {
    return await body(calls);
  } finally {
    window[name] = original;
  }
}

/** Every string in a value handed to the API (a message, its options, quick-pick items). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

function assertShownSafely(texts: readonly string[], where: string, options: { icons?: boolean; links?: boolean } = {}): void {
  assert.ok(texts.length > 0, `${where}: nothing reached the API`);
  for (const text of texts) {
    assert.doesNotMatch(text, RAW, `${where}: ${JSON.stringify(text.slice(0, 120))}`);
    assert.ok(text.length < 10_000, `${where}: ${text.length} characters`);
    if (options.links) assert.doesNotMatch(text, LINKED_TEXT, `${where} makes a link: ${text.slice(0, 200)}`);
    if (options.icons)
      assert.doesNotMatch(text.replace(/^\$\((graph|file|symbol-number|server)\) /, ''), UNESCAPED_ICON, `${where} draws an icon: ${text.slice(0, 200)}`);
  }
}

describe('a hostile config’s strings on every editor surface', () => {
  let uri: vscode.Uri;
  let document: vscode.TextDocument;
  before(async () => {
    uri = exampleUri(NAME);
    fs.writeFileSync(uri.fsPath, CONFIG);
    document = await vscode.workspace.openTextDocument(uri);
    await show(document);
  });
  after(async () => {
    await closeAll();
    fs.rmSync(uri.fsPath, { force: true });
  });
  const analysisOf = async (doc: vscode.TextDocument) => (await api()).analyzed(doc);

  it('the inline decorations and the status bar item show numbers, nothing raw from the config', async () => {
    const analysis = await analysisOf(document);
    assert.strictEqual(path.basename(document.uri.fsPath), NAME);
    const decorations = decorationsFor(document, analysis);
    assertShownSafely(
      decorations.map((decoration) => decoration.renderOptions?.after?.contentText ?? ''),
      'decorations',
    );
    const status = statusText(analysis);
    assert.ok(status, 'the status bar shows this config');
    assertShownSafely([status], 'status bar', { icons: true });
  });

  it('a notification naming the file and a write-back label: no control, link or 100 KB line', async () => {
    const result = plan({ budget: { kind: 'flops', flops: 1e23 }, target: { kind: 'chinchilla' } });
    const calls = await recording(
      'showWarningMessage',
      () => Promise.resolve(undefined),
      async (calls) => {
        const label = `${CONTROLS}${INJECTIONS}${'l'.repeat(100_000)}`;
        assert.strictEqual(await applyWriteBack(result, document, { kind: 'nothing-like-this' as never, label }, analysisOf, false), false);
        return calls;
      },
    );
    assert.strictEqual(calls.length, 1);
    assertShownSafely(strings(calls), 'warning', { links: true });
    assert.match(String(calls[0]![0]), /no longer fits it; nothing was written/);
  });

  it('the write-back quick pick: its items, title and placeholder name the file safely', async () => {
    const result = plan({ budget: { kind: 'flops', flops: 1e23 }, target: { kind: 'chinchilla' } });
    const calls = await recording(
      'showQuickPick',
      () => Promise.resolve(undefined),
      async (calls) => {
        await chooseWriteBack(result, document, analysisOf);
        return calls;
      },
    );
    assert.strictEqual(calls.length, 1, 'the config can take the plan, so the choices are offered');
    const [items, options] = calls[0] as [vscode.QuickPickItem[], vscode.QuickPickOptions];
    assertShownSafely(
      items.flatMap((item) => [item.label, item.detail ?? '']),
      'quick-pick items',
      { icons: true },
    );
    assertShownSafely([options.title ?? '', options.placeHolder ?? ''], 'quick-pick title and placeholder');
    assert.ok(options.title!.includes('[Open](command:workbench.action.quit)'), 'the name is still readable');
  });

  it('the planner’s first prompt: the file name as a quick-pick description', async () => {
    const analysis = await analysisOf(document);
    const shown: vscode.QuickPickItem[][] = [];
    await recording(
      'createQuickPick',
      () => {
        const pick = (createQuickPick as () => vscode.QuickPick<vscode.QuickPickItem>)();
        const reveal = pick.show.bind(pick);
        // Record what is about to be shown, then close it: the flow ends with no answer.
        pick.show = () => {
          shown.push([...pick.items]);
          reveal();
          pick.hide();
        };
        return pick;
      },
      () => askPlanInput({ mfu: 0.4, accelerators: {}, pricePerAcceleratorHour: undefined }, analysis, NAME),
    );
    assert.strictEqual(shown.length, 1);
    const config = shown[0]!.find((item) => item.label.startsWith('$(file)'));
    assert.ok(config, 'the config’s own compute is offered first');
    assertShownSafely(
      shown[0]!.flatMap((item) => [item.label, item.description ?? '', item.detail ?? '']),
      'planner prompt',
      { icons: true },
    );
  });
});

const createQuickPick = vscode.window.createQuickPick.bind(vscode.window);
