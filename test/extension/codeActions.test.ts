import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, closeAll, codeOf, diagnosticsWhen, openUntitled } from './helpers';

async function quickFixes(document: vscode.TextDocument, code: string) {
  // The analysis resolves before every surface has published it: wait for the diagnostic itself.
  const published = await diagnosticsWhen(document.uri, (diagnostics) => diagnostics.some((candidate) => codeOf(candidate) === code));
  const diagnostic = published.find((candidate) => codeOf(candidate) === code);
  assert.ok(diagnostic, `no ${code} diagnostic`);
  return vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    document.uri,
    diagnostic.range,
    vscode.CodeActionKind.QuickFix.value,
  );
}

describe('quick fixes', () => {
  afterEach(closeAll);

  it("sets an under-trained run's tokens to the Chinchilla-optimal count, in the file's own notation", async () => {
    const { editor } = await openUntitled('model:\n  parameters: 175B\ntraining:\n  tokens: 300B\n');
    const [fix] = await quickFixes(editor.document, 'under-trained');
    assert.strictEqual(fix.title, 'Set training tokens to 3.5T (Chinchilla-optimal)');
    assert.ok(fix.edit);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(editor.document.getText(), 'model:\n  parameters: 175B\ntraining:\n  tokens: 3.5T\n');
    const analysis = await (await api()).analyzed(editor.document);
    assert.strictEqual(analysis.band, 'chinchilla');
  });

  it('rewrites steps, not tokens, when the length is given in steps', async () => {
    const { editor } = await openUntitled('model:\n  parameters: 1B\ntraining:\n  steps: 1000\n  batch_size: 512\n  seq_len: 2048\n');
    const [fix] = await quickFixes(editor.document, 'under-trained');
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    // 20B tokens / (512 × 2,048 tokens per step) = 19,073.5 → 19,074 steps
    assert.ok(editor.document.getText().includes('steps: 19074\n'), editor.document.getText());
  });

  it('adds the missing GPU count as a compute-budget comment the framework ignores', async () => {
    const content =
      '{\n  "num-layers": 2,\n  "hidden-size": 256,\n  "num-attention-heads": 4,\n  "seq-length": 1024,\n  "train-iters": 1000,\n  "train_micro_batch_size_per_gpu": 4,\n  "model-parallel-size": 2\n}\n';
    const { editor } = await openUntitled(content);
    const [fix] = await quickFixes(editor.document, 'missing-data-parallel');
    assert.strictEqual(fix.command?.command, 'computeBudget.addFact');
    const [uri, fact] = fix.command!.arguments! as [vscode.Uri, string];
    // The action asks for the value; automation passes it as the third argument.
    assert.strictEqual(await vscode.commands.executeCommand('computeBudget.addFact', uri, fact, '16'), true);
    assert.ok(editor.document.getText().startsWith('# compute-budget: gpus=16\n{'));
    const analysis = await (await api()).analyzed(editor.document);
    assert.strictEqual(analysis.tokens, 1000 * 4 * 8 * 1024); // 16 GPUs ÷ model-parallel 2 = 8 replicas
  });

  it('offers no comment fix in strict JSON, where a comment would break the file', async () => {
    const { editor } = await openUntitled(
      '{"model_type": "llama", "hidden_size": 512, "num_hidden_layers": 2, "num_attention_heads": 8, "intermediate_size": 1024, "vocab_size": 1000}',
      'json',
    );
    assert.deepStrictEqual(await quickFixes(editor.document, 'missing-tokens'), []);
  });
});
