import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, closeAll, hoverText, openExample, openUntitled, positionOf, unescapeMarkdown } from './helpers';

describe('formats beyond YAML and JSON in the editor', () => {
  afterEach(closeAll);

  it('reads a Megatron-LM launch script opened as a shell script, with its variables resolved', async () => {
    const { editor, analysis } = await openExample('megatron-lm/train_llama3_8b_h100_fp8.sh');
    assert.strictEqual(editor.document.languageId, 'shellscript');
    assert.strictEqual(analysis.framework, 'megatron-lm');
    assert.strictEqual(analysis.parameters.total, 8_030_261_248);
    assert.strictEqual(analysis.tokens, 16e12);
    const hover = unescapeMarkdown(await hoverText(editor.document, positionOf(editor.document, '--hidden-size', 3)));
    assert.match(hover, /8\.0\s*B|8,030,261,248/);
  });

  it('reads a torchtitan TOML config, asks for the GPU count its shard degree leaves open, and offers the fact as a comment', async () => {
    const { editor, analysis } = await openExample('torchtitan/llama3_8b.toml');
    assert.strictEqual(editor.document.languageId, 'toml');
    assert.strictEqual(analysis.framework, 'torchtitan');
    assert.strictEqual(analysis.parameters.total, 8_030_261_248);
    const missing = analysis.findings.find((finding) => finding.code === 'missing-data-parallel');
    assert.ok(missing, analysis.findings.map((finding) => finding.code).join(', '));
    const range = new vscode.Range(editor.document.positionAt(missing.span.start), editor.document.positionAt(missing.span.end));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, range);
    assert.ok(
      actions.some((action) => /gpus/i.test(action.title)),
      actions.map((action) => action.title).join(' | '),
    );
  });

  it('gives a TOML file that is not a training config nothing at all', async () => {
    const { analysis } = await openUntitled('[package]\nname = "demo"\nversion = "0.1.0"\n\n[dependencies]\nserde = "1"\n', 'toml');
    assert.strictEqual(analysis.findings.length, 0);
  });

  it('gives a shell script that is not a training launch nothing at all', async () => {
    const { analysis } = await openUntitled('#!/bin/bash\nset -e\nnpm ci\nnpm test\n', 'shellscript');
    assert.strictEqual(analysis.findings.length, 0);
    assert.strictEqual(analysis.parameters.total, null);
  });
});

describe('settings a workspace may hold', () => {
  afterEach(async () => {
    await vscode.workspace.getConfiguration('computeBudget').update('tokensPerParameter', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAll();
  });

  it('replaces a setting of the wrong type by its default instead of computing with it', async () => {
    await vscode.workspace.getConfiguration('computeBudget').update('tokensPerParameter', 'twenty', vscode.ConfigurationTarget.Workspace);
    const { analysis } = await openUntitled('model:\n  parameters: 70B\ntraining:\n  tokens: 2.8T\n');
    assert.strictEqual((await api()).settings.current.tokensPerParameter, 20);
    assert.strictEqual(analysis.chinchillaMultiple, 2);
  });
});
