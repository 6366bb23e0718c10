// Runs inside a real VS Code (code-server) extension host: the planner commands and the chart webview.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { REFERENCE_MODELS } from '../../src/core/reference/models';
import type { PlanCommandResult } from '../../src/extension/planner/commandTypes';
import type { RenderedMessage } from '../../src/protocol/chartMessages';
import { openExample } from './helpers';

const PLOTTED = REFERENCE_MODELS.filter((model) => model.tokens !== null).length;

/** The chart panel's tab, once VS Code shows it. */
function chartTab(): vscode.Tab | undefined {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .find((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('computeBudget.chart'));
}

/** Puts a document's text back by an edit of that document (`undo` acts on whatever has focus). */
async function restore(editor: vscode.TextEditor, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(editor.document.uri, new vscode.Range(editor.document.positionAt(0), editor.document.positionAt(editor.document.getText().length)), text);
  await vscode.workspace.applyEdit(edit);
  await editor.document.save();
}

describe('Planner and chart in VS Code', () => {
  after(async () => {
    const tab = chartTab();
    if (tab) await vscode.window.tabGroups.close(tab);
  });

  it('plans 5.76e23 FLOP at 20:1 from command arguments without opening anything', async () => {
    const result = await vscode.commands.executeCommand<PlanCommandResult>('computeBudget.planComputeBudget', {
      flops: 5.76e23,
      target: 'chinchilla',
      open: false,
    });
    assert.ok(result, 'the command returned no plan');
    assert.equal(Math.round(result.plan.parameters / 1e8) / 10, 69.3);
    assert.equal(Math.round(result.plan.tokens / 1e10) / 100, 1.39);
    assert.equal(result.rendered, undefined);
  });

  it('opens the chart for a plan and the page reports it drew every plotted reference model and the plan', async () => {
    const result = await vscode.commands.executeCommand<PlanCommandResult>('computeBudget.planComputeBudget', {
      gpu: 'H100',
      count: 1024,
      days: 30,
      mfu: 0.4,
      target: 'multiple:4',
    });
    const rendered = result.rendered!;
    assert.equal(rendered.type, 'rendered');
    assert.equal(rendered.view, 'allocation');
    assert.equal(rendered.referencePoints, PLOTTED);
    assert.equal(rendered.currentPoints, 1);
    // Iso-FLOP decades, 3 threshold lines (10²³, 10²⁵, 10²⁶), the plan's budget, Chinchilla and 4 bands.
    assert.ok(rendered.lines >= 9, `only ${rendered.lines} lines`);
    assert.match(rendered.theme, /^vscode-(light|dark|high-contrast)/);
    assert.ok(chartTab(), 'no chart tab is open');
  });

  it('charts the open config with the loss view, and offers write-backs that keep the file honest without applying them', async () => {
    const { editor } = await openExample('generic/chinchilla-70b.yaml');
    const before = editor.document.getText();
    const rendered = await vscode.commands.executeCommand<RenderedMessage>('computeBudget.showChart', { uri: editor.document.uri.toString(), view: 'loss' });
    assert.equal(rendered?.view, 'loss');
    // 61 points on the iso-FLOP curve and 4 marks: loss-optimal, Kaplan, 20:1 and this config.
    assert.equal(rendered?.lossPoints, 65);

    const result = await vscode.commands.executeCommand<PlanCommandResult>('computeBudget.planComputeBudget', {
      uri: editor.document.uri.toString(),
      target: 'multiple:4',
      open: false,
    });
    // From the config's own 6 × 70e9 × 1.4e12 = 5.88e23 FLOP at 80 tokens per parameter: N = 35B, D = 2.8T.
    assert.equal(Math.round(result.plan.parameters / 1e9), 35);
    // The file states its size as one number, so the plan can be written whole; or 80 tokens per
    // parameter for its own 70B (5.6T). Its current 1.4T (the plan's compute on 70B) is no change.
    const choices = result.writeBack!.choices;
    assert.deepEqual(
      choices.map((choice) => choice.kind),
      ['plan', 'target-for-size'],
    );
    assert.deepEqual(
      choices[0]!.edits.map((edit) => edit.newText),
      ['35B', '2.8T'],
    );
    assert.deepEqual(
      choices[1]!.edits.map((edit) => edit.newText),
      ['5.6T'],
    );
    assert.equal(editor.document.getText(), before, 'the config changed without the user confirming');
  });

  it('writes the chosen plan into the file as it is at that moment, and refuses when the file changed its meaning', async () => {
    const { editor } = await openExample('generic/chinchilla-70b.yaml');
    const before = editor.document.getText();
    try {
      const applied = await vscode.commands.executeCommand<PlanCommandResult>('computeBudget.planComputeBudget', {
        uri: editor.document.uri.toString(),
        target: 'multiple:4',
        open: false,
        writeBack: 'plan',
        preview: false,
      });
      assert.equal(applied.applied, true);
      assert.match(editor.document.getText(), /parameters: 35B\n[\s\S]*tokens: 2\.8T\n/);
    } finally {
      await restore(editor, before);
    }
    // A plan made when the file said 70B, applied after it says 13B: "train this 70B model at 2×" no longer fits.
    const planned = await vscode.commands.executeCommand<PlanCommandResult>('computeBudget.planComputeBudget', {
      uri: editor.document.uri.toString(),
      flops: 1e23,
      target: 'multiple:2',
      open: false,
    });
    assert.ok(planned.writeBack!.choices.some((choice) => choice.kind === 'target-for-size'));
    const at = before.indexOf('70B');
    await editor.edit((builder) => builder.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 3)), '13B'));
    try {
      const changed = editor.document.getText();
      const offered = planned.writeBack!.choices.find((choice) => choice.kind === 'target-for-size')!;
      const stale = await vscode.commands.executeCommand<PlanCommandResult>('computeBudget.planComputeBudget', {
        uri: editor.document.uri.toString(),
        flops: 1e23,
        target: 'multiple:2',
        open: false,
        writeBack: { kind: offered.kind, label: offered.label },
        preview: false,
      });
      assert.equal(stale.applied, false);
      assert.equal(editor.document.getText(), changed, 'a choice made for the 70B file was written into the 13B one');
      // Chosen for the file as it is now, it fits: 40 × 13B = 520B tokens.
      const result = await vscode.commands.executeCommand<PlanCommandResult>('computeBudget.planComputeBudget', {
        uri: editor.document.uri.toString(),
        flops: 1e23,
        target: 'multiple:2',
        open: false,
        writeBack: 'target-for-size',
        preview: false,
      });
      assert.equal(result.applied, true);
      assert.match(editor.document.getText(), /tokens: 520B/);
    } finally {
      await restore(editor, before);
    }
  });

  it('charts the config as edited, not as it was opened', async () => {
    const { editor } = await openExample('generic/chinchilla-70b.yaml');
    const offset = editor.document.getText().indexOf('1.4T');
    await editor.edit((builder) => builder.replace(new vscode.Range(editor.document.positionAt(offset), editor.document.positionAt(offset + 4)), '2.8T'));
    try {
      const rendered = await vscode.commands.executeCommand<RenderedMessage>('computeBudget.showChart', { uri: editor.document.uri.toString() });
      assert.deepEqual(rendered?.current, { parameters: 70e9, tokens: 2.8e12 });
    } finally {
      // Put the text back by an edit of this document: `undo` acts on whatever has focus (the chart).
      const edit = new vscode.WorkspaceEdit();
      edit.replace(editor.document.uri, new vscode.Range(editor.document.positionAt(offset), editor.document.positionAt(offset + 4)), '1.4T');
      await vscode.workspace.applyEdit(edit);
    }
  });
});
