// Runs inside a real VS Code: the planner lays the open config's run out on the plan's accelerator,
// with the rows `compute-budget plan --config` prints (the same core function on the same reading).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { analyze } from '../../src/core/analyze';
import { planLayoutsOf } from '../../src/core/planner/planLayouts';
import type { PlanCommandResult } from '../../src/extension/planner/commandTypes';
import { openExample } from './helpers';

describe('Layouts that fit, in the planner', () => {
  it("lays the open config's run out on the plan's accelerator and count, as the command line does", async () => {
    // The file says `# compute-budget: gpus=8`; the plan's 16 accelerators are what it is laid out on.
    const { editor } = await openExample('memory/llama3_8b_one_node.toml');
    const result = await vscode.commands.executeCommand<PlanCommandResult>('computeBudget.planComputeBudget', {
      gpu: 'H100',
      count: 16,
      days: 30,
      target: 'chinchilla',
      open: false,
      uri: editor.document.uri.toString(),
    });
    const layouts = result.layouts!;
    assert.ok(layouts, 'the plan has no layouts');
    assert.equal(layouts.file, 'llama3_8b_one_node.toml');
    assert.equal(layouts.accelerator?.name, 'NVIDIA H100 (SXM)');
    assert.equal(layouts.current?.accelerators, 16);
    assert.ok(layouts.proposals.length > 0, layouts.reason ?? 'no proposals and no reason');
    for (const proposal of layouts.proposals) assert.ok(proposal.peakBytes <= layouts.accelerator!.bytes * 0.9);

    const cli = planLayoutsOf(
      'llama3_8b_one_node.toml',
      'H100',
      analyze(editor.document.getText(), editor.document.fileName, { facts: { accelerator: 'H100', gpus: '16' }, layouts: true }),
    );
    assert.deepEqual(layouts, cli);
  });

  it('has no layouts without a config open, where the plan fixes a size but no architecture', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const result = await vscode.commands.executeCommand<PlanCommandResult>('computeBudget.planComputeBudget', {
      gpu: 'H100',
      count: 16,
      days: 30,
      open: false,
    });
    assert.equal(result.layouts, undefined);
  });
});
