import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, closeAll, openExample, openUntitled } from './helpers';

describe('the analysis shared by every surface', () => {
  afterEach(closeAll);

  it('activates on a YAML config and analyses each document version once', async () => {
    const { editor, analysis } = await openExample('generic/llama-2-7b-run.yaml');
    assert.ok(vscode.extensions.getExtension('compute-budget.compute-budget')?.isActive);
    const { cache } = await api();
    assert.strictEqual(await cache.analysis(editor.document), analysis);
    assert.strictEqual(analysis.tokens, 2e12);
  });

  it('re-analyses after an edit, once typing has settled', async () => {
    const { editor } = await openUntitled('model:\n  parameters: 70B\ntraining:\n  tokens: 1.4T\n');
    const before = await (await api()).analyzed(editor.document);
    await editor.edit((builder) =>
      builder.replace(editor.document.getWordRangeAtPosition(editor.document.positionAt(editor.document.getText().indexOf('1.4T')), /[\w.]+/)!, '2.8T'),
    );
    const after = await (await api()).analyzed(editor.document);
    assert.notStrictEqual(after, before);
    assert.strictEqual(after.tokens, 2.8e12);
    assert.strictEqual(after.chinchillaMultiple, 2);
  });
});
