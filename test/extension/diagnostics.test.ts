import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAll, codeOf, diagnosticsWhen, exampleUri, openExample, openUntitled } from './helpers';

describe('diagnostics in the Problems panel', () => {
  afterEach(closeAll);

  it('puts each nonsense value at its own key, with a stable code, source and a link to that code’s documentation', async () => {
    const { editor } = await openExample('bad/nonsense-values.yaml');
    const diagnostics = vscode.languages.getDiagnostics(editor.document.uri);
    const byCode = new Map(diagnostics.map((diagnostic) => [codeOf(diagnostic), diagnostic]));
    assert.deepStrictEqual([...byCode.keys()].sort(), ['invalid-number', 'negative-value', 'out-of-range']);
    assert.strictEqual(byCode.get('negative-value')!.range.start.line, 1);
    assert.strictEqual(byCode.get('invalid-number')!.range.start.line, 3);
    assert.strictEqual(byCode.get('out-of-range')!.range.start.line, 4);
    for (const diagnostic of diagnostics) {
      assert.strictEqual(diagnostic.source, 'compute-budget');
      assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Error);
      const code = diagnostic.code as { value: string; target: vscode.Uri };
      assert.strictEqual(code.target.scheme, 'compute-budget-docs');
      const page = await vscode.workspace.openTextDocument(code.target);
      assert.ok(page.getText().startsWith(`# \`${code.value}\``), page.getText().slice(0, 80));
      assert.ok(page.getText().length > 80, 'the page has no text beyond its title');
    }
    assert.strictEqual(editor.document.getText(byCode.get('invalid-number')!.range), 'tokens: banana');
  });

  it('reports the malformed YAML as one error on line 4', async () => {
    const { editor } = await openExample('bad/malformed.yaml');
    const diagnostics = vscode.languages.getDiagnostics(editor.document.uri).filter((diagnostic) => diagnostic.severity <= vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(diagnostics.length, 1);
    assert.strictEqual(codeOf(diagnostics[0]), 'parse-error');
    assert.strictEqual(diagnostics[0].range.start.line, 3);
  });

  it('warns that Pythia needs its GPU count, at the per-GPU micro-batch key', async () => {
    const { editor } = await openExample('gpt-neox/pythia-6.9b.yml');
    const diagnostic = vscode.languages.getDiagnostics(editor.document.uri).find((candidate) => codeOf(candidate) === 'missing-data-parallel');
    assert.ok(diagnostic);
    assert.match(editor.document.getText(diagnostic.range), /^"train_micro_batch_size_per_gpu": 8/);
  });

  it('warns when a run crosses a threshold and says when it is within the ±30% margin', async () => {
    const { editor } = await openUntitled('model:\n  parameters: 400B\ntraining:\n  tokens: 15T\n');
    const codes = vscode.languages.getDiagnostics(editor.document.uri).map(codeOf);
    assert.ok(codes.includes('threshold-crossed'), codes.join(', ')); // 3.6e25 > 1e25
    const margin = await openUntitled('model:\n  parameters: 70B\ntraining:\n  tokens: 20T\n'); // 8.4e24: 84% of 1e25
    const marginCodes = vscode.languages.getDiagnostics(margin.editor.document.uri).map(codeOf);
    assert.ok(marginCodes.includes('threshold-margin'), marginCodes.join(', '));
  });

  it('follows the severity settings, including turning a code off', async () => {
    const settings = vscode.workspace.getConfiguration('computeBudget');
    await settings.update('diagnostics.severity', { 'negative-value': 'warning', 'invalid-number': 'off' }, vscode.ConfigurationTarget.Global);
    try {
      const uri = exampleUri('bad/nonsense-values.yaml');
      await openExample('bad/nonsense-values.yaml');
      const diagnostics = await diagnosticsWhen(uri, (list) => !list.some((diagnostic) => codeOf(diagnostic) === 'invalid-number'));
      assert.strictEqual(diagnostics.find((diagnostic) => codeOf(diagnostic) === 'negative-value')?.severity, vscode.DiagnosticSeverity.Warning);
    } finally {
      await settings.update('diagnostics.severity', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it("clears a document's diagnostics when it closes", async () => {
    const { editor } = await openUntitled('model:\n  parameters: -7B\n');
    const uri = editor.document.uri;
    assert.strictEqual(vscode.languages.getDiagnostics(uri).length, 1);
    const closed = new Promise<void>((resolve) => {
      const subscription = vscode.workspace.onDidCloseTextDocument((document) => {
        if (document.uri.toString() !== uri.toString()) return;
        subscription.dispose();
        resolve();
      });
    });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await closed;
    assert.strictEqual(vscode.languages.getDiagnostics(uri).length, 0);
  });
});
