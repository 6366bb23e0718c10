// Runs inside a real VS Code (code-server) extension host: the planner commands and the chart webview.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { REFERENCE_MODELS } from '../../src/core/reference/models';
import type { PlanCommandResult } from '../../src/extension/planner/register';
import type { RenderedMessage } from '../../src/webview/chart/protocol';
import { openExample } from './helpers';

const PLOTTED = REFERENCE_MODELS.filter((model) => model.tokens !== null).length;

/** The chart panel's tab, once VS Code shows it. */
function chartTab(): vscode.Tab | undefined {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('computeBudget.chart'));
}

describe('Planner and chart in VS Code', () => {
  after(async () => {
    const tab = chartTab();
    if (tab) await vscode.window.tabGroups.close(tab);
  });

  it('plans 5.76e23 FLOP at 20:1 from command arguments without opening anything', async () => {
    const result = await vscode.commands.executeCommand<PlanCommandResult>('computeBudget.planComputeBudget', { flops: 5.76e23, target: 'chinchilla', open: false });
    assert.ok(result, 'the command returned no plan');
    assert.equal(Math.round(result.plan.parameters / 1e8) / 10, 69.3);
    assert.equal(Math.round(result.plan.tokens / 1e10) / 100, 1.39);
    assert.equal(result.rendered, undefined);
  });

  it('opens the chart for a plan and the page reports it drew every plotted reference model and the plan', async () => {
    const result = await vscode.commands.executeCommand<PlanCommandResult>('computeBudget.planComputeBudget', { gpu: 'H100', count: 1024, days: 30, mfu: 0.4, target: 'multiple:4' });
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

  it('charts the open config with the loss view, and offers the planned tokens as an edit it does not apply', async () => {
    const { editor } = await openExample('generic/chinchilla-70b.yaml');
    const before = editor.document.getText();
    const rendered = await vscode.commands.executeCommand<RenderedMessage>('computeBudget.showChart', { uri: editor.document.uri.toString(), view: 'loss' });
    assert.equal(rendered?.view, 'loss');
    // 61 points on the iso-FLOP curve and 4 marks: loss-optimal, Kaplan, 20:1 and this config.
    assert.equal(rendered?.lossPoints, 65);

    const result = await vscode.commands.executeCommand<PlanCommandResult>('computeBudget.planComputeBudget', { uri: editor.document.uri.toString(), target: 'multiple:4', open: false });
    // From the config's own 6 × 70e9 × 1.4e12 = 5.88e23 FLOP at 80 tokens per parameter: N = 35B, D = 2.8T.
    assert.equal(Math.round(result.plan.parameters / 1e9), 35);
    assert.equal(result.edit?.newText, '2.8T');
    assert.equal(editor.document.getText(), before, 'the config changed without the user confirming');
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
