import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Analysis } from '../../src/core/analyze';
import { api, closeAll, codeOf, diagnosticsWhen, exampleUri, openExample } from './helpers';

const LLAMA_2_7B = 6_738_415_616;

/** Resolves with the first analysis of `document` that satisfies `ready`, the current one included. */
async function analysisWhen(document: vscode.TextDocument, ready: (analysis: Analysis) => boolean): Promise<Analysis> {
  const { cache } = await api();
  return new Promise((resolve) => {
    const subscription = cache.onDidAnalyze((event) => {
      if (event.document !== document || !ready(event.analysis)) return;
      subscription.dispose();
      resolve(event.analysis);
    });
    void cache.analysis(document).then((analysis) => {
      if (!ready(analysis)) return;
      subscription.dispose();
      resolve(analysis);
    });
  });
}

async function replaceAll(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

describe('workspace facts (.compute-budget.yaml)', () => {
  afterEach(closeAll);

  it('gives a JSON config the tokens it does not hold, so its compute is known', async () => {
    const { analysis } = await openExample('workspace-facts/llama-2-7b/config.json');
    assert.strictEqual(analysis.parameters.total, LLAMA_2_7B);
    assert.strictEqual(analysis.tokens, 2e12);
    assert.strictEqual(analysis.flops, 6 * LLAMA_2_7B * 2e12);
    assert.ok(!analysis.findings.some((finding) => finding.code === 'missing-tokens'));
  });

  it("lets a subfolder's facts file win over the one above it", async () => {
    const { analysis } = await openExample('workspace-facts/team/gpt2.config.json');
    assert.strictEqual(analysis.tokens, 10e9);
  });

  it('reports bad entries in the facts file at their place and still applies its valid facts', async () => {
    const uri = exampleUri('workspace-facts/broken-on-purpose/.compute-budget.yaml');
    const document = await vscode.workspace.openTextDocument(uri);
    const diagnostics = await diagnosticsWhen(uri, (all) => all.length >= 3);
    assert.deepStrictEqual(
      diagnostics.map((diagnostic) => [codeOf(diagnostic), document.getText(diagnostic.range)]),
      [
        ['invalid-directive', 'tokenz'],
        ['invalid-directive', 'many'],
        ['invalid-directive', '"../outside.json"'],
      ],
    );
    const { analysis } = await openExample('workspace-facts/broken-on-purpose/config.json');
    assert.strictEqual(analysis.tokens, 300e9);
  });

  it('analyses open configs again when their facts file changes', async () => {
    const { editor } = await openExample('workspace-facts/llama-2-7b/config.json');
    const facts = await vscode.workspace.openTextDocument(exampleUri('workspace-facts/.compute-budget.yaml'));
    const original = facts.getText();
    try {
      await replaceAll(facts, original.replace('{ tokens: 2T }', '{ tokens: 1T }'));
      const analysis = await analysisWhen(editor.document, (candidate) => candidate.tokens === 1e12);
      assert.strictEqual(analysis.flops, 6 * LLAMA_2_7B * 1e12);
    } finally {
      await replaceAll(facts, original);
    }
    await analysisWhen(editor.document, (candidate) => candidate.tokens === 2e12);
  });

  describe('the quick fix on a JSON config', () => {
    const folder = exampleUri('scratch-facts');
    const rootFacts = exampleUri('.compute-budget.yaml');

    after(async () => {
      await closeAll();
      for (const uri of [folder, rootFacts]) await vscode.workspace.fs.delete(uri, { recursive: true }).then(undefined, () => undefined);
    });

    it('offers to add the missing tokens in .compute-budget.yaml, creating it at the workspace root', async () => {
      const config = vscode.Uri.joinPath(folder, 'config.json');
      await vscode.workspace.fs.writeFile(config, await vscode.workspace.fs.readFile(exampleUri('huggingface/gpt2.config.json')));
      const { editor } = await openExample('scratch-facts/config.json');
      const diagnostic = (await diagnosticsWhen(config, (all) => all.some((candidate) => codeOf(candidate) === 'missing-tokens'))).find(
        (candidate) => codeOf(candidate) === 'missing-tokens',
      )!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        config,
        diagnostic.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const fix = actions.find((action) => action.title === 'Add tokens for this file in .compute-budget.yaml');
      assert.ok(fix, actions.map((action) => action.title).join(' | '));
      const [uri, fact, , suggested] = fix.command!.arguments! as [vscode.Uri, string, unknown, string];
      assert.strictEqual(suggested, 2_488_796_160); // 20 × 124,439,808
      // The action asks for the value (offering the Chinchilla-optimal count); automation passes it.
      assert.strictEqual(await vscode.commands.executeCommand('computeBudget.addFact', uri, fact, '5B'), true);
      const facts = vscode.window.activeTextEditor!.document;
      assert.strictEqual(facts.uri.toString(), rootFacts.toString());
      assert.ok(facts.getText().endsWith('facts:\n  "scratch-facts/config.json": { tokens: 5B }\n'), facts.getText());
      assert.strictEqual(facts.getText(vscode.window.activeTextEditor!.selection), '"scratch-facts/config.json": { tokens: 5B');
      const analysis = await analysisWhen(editor.document, (candidate) => candidate.tokens === 5e9);
      assert.strictEqual(analysis.flops, 6 * 124_439_808 * 5e9);
    });

    it('adds to the facts file that applies rather than making another', async () => {
      const config = exampleUri('workspace-facts/llama-2-7b/config.json');
      await openExample('workspace-facts/llama-2-7b/config.json');
      assert.strictEqual(await vscode.commands.executeCommand('computeBudget.addFact', config, 'gpus', '64'), true);
      const facts = vscode.window.activeTextEditor!.document;
      assert.strictEqual(facts.uri.toString(), exampleUri('workspace-facts/.compute-budget.yaml').toString());
      assert.ok(facts.getText().includes('"llama-2-7b/config.json": { tokens: 2T, gpus: 64 }\n'), facts.getText());
    });

    it('keeps the comment fix in YAML', async () => {
      const untitled = await vscode.workspace.openTextDocument({
        language: 'yaml',
        content: 'model_type: llama\nhidden_size: 512\nnum_hidden_layers: 2\nnum_attention_heads: 8\nintermediate_size: 1024\nvocab_size: 1000\n',
      });
      await vscode.window.showTextDocument(untitled);
      await (await api()).analyzed(untitled);
      const diagnostic = (await diagnosticsWhen(untitled.uri, (all) => all.some((candidate) => codeOf(candidate) === 'missing-tokens'))).find(
        (candidate) => codeOf(candidate) === 'missing-tokens',
      )!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        untitled.uri,
        diagnostic.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      assert.ok(
        actions.some((action) => action.title.startsWith('Add the training tokens (compute-budget comment')),
        actions.map((action) => action.title).join(' | '),
      );
    });
  });
});
