import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, exampleUri, hoverText, openUntitled, positionOf, show, unescapeMarkdown } from './helpers';

// A `parameters` fact once crashed the hover (the audit of issue 21), from a directive and from a
// facts file; a prototype name in a directive printed `function Object()`.
describe('the hover with facts the file does not hold', () => {
  afterEach(closeAll);

  it('shows a parameters fact given in a directive, on the directive and on tokens', async () => {
    const { editor } = await openUntitled('tokens: 1T\n# compute-budget: parameters=7B\n');
    for (const at of ['tokens', 'parameters=7B']) {
      const text = unescapeMarkdown(await hoverText(editor.document, positionOf(editor.document, at, 2)));
      if (at === 'tokens') assert.match(text, /7,000,000,000/, text);
      assert.doesNotMatch(text, /function Object|undefined|NaN/, text);
    }
  });

  it('shows a parameters fact from a facts file on the config it matches', async () => {
    const folder = exampleUri('hover-facts-scratch');
    await vscode.workspace.fs.createDirectory(folder);
    try {
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, '.compute-budget.yaml'), Buffer.from('facts:\n  "run.yaml": { parameters: 7B }\n'));
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'run.yaml'), Buffer.from('model_name: my-own-model\ntokens: 1T\n'));
      const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'run.yaml'));
      const { editor, analysis } = await show(document);
      assert.equal(analysis.parameters.total, 7e9);
      for (const at of ['tokens', 'model_name']) {
        const text = unescapeMarkdown(await hoverText(editor.document, positionOf(editor.document, at, 2)));
        assert.doesNotMatch(text, /function Object|undefined|NaN/, text);
        if (at === 'tokens') assert.match(text, /7,000,000,000/, text);
      }
    } finally {
      await closeAll();
      await vscode.workspace.fs.delete(folder, { recursive: true });
    }
  });

  it('answers prototype names in a directive as unknown facts, never as Object members', async () => {
    const { editor } = await openUntitled('tokens: 1T\n# compute-budget: constructor=1 __proto__=2 toString=3 parameters=7B\n');
    const analysis = await (await api()).analyzed(editor.document);
    const messages = analysis.findings.filter((finding) => finding.code === 'invalid-directive').map((finding) => finding.message);
    assert.equal(messages.length, 3, messages.join('\n'));
    for (const message of messages) assert.doesNotMatch(message, /function|\[object/, message);
    const text = await hoverText(editor.document, positionOf(editor.document, 'tokens'));
    assert.doesNotMatch(text, /function Object/, text);
  });
});
