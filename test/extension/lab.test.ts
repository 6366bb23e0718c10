import * as assert from 'assert';
import * as vscode from 'vscode';
import type { PlanCommandResult } from '../../src/extension/planner/commandTypes';
import type { RefitResult } from '../../src/extension/lab/register';
import { closeAll, diagnosticsWhen, exampleUri, hoverText, openExample, positionOf, show, unescapeMarkdown } from './helpers';

const codeOf = (diagnostic: vscode.Diagnostic) => (typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code));

describe('the scaling-law lab in the editor', () => {
  afterEach(closeAll);

  describe('with computeBudget.lossFit set to your workspace fit', () => {
    const settings = () => vscode.workspace.getConfiguration('computeBudget');
    before(async () => {
      await settings().update('lab.runsFile', 'lab/runs.csv', vscode.ConfigurationTarget.Workspace);
      await settings().update('lossFit', 'workspace', vscode.ConfigurationTarget.Workspace);
    });
    after(async () => {
      await settings().update('lossFit', undefined, vscode.ConfigurationTarget.Workspace);
      await settings().update('lab.runsFile', undefined, vscode.ConfigurationTarget.Workspace);
    });

    it('fits the runs file off the host thread and labels the law with its runs and held-out ARE', async () => {
      const result = await vscode.commands.executeCommand<RefitResult>('computeBudget.lab.refit');
      assert.strictEqual(result.state, 'ready', JSON.stringify(result));
      assert.strictEqual(result.file, 'lab/runs.csv');
      assert.match(result.label ?? '', /^your fit \(24 runs, held-out loss error 0\.53%\)$/);
      assert.ok(result.constants && result.constants.alpha > 0.1 && result.constants.alpha < 0.5, JSON.stringify(result.constants));
    });

    it('puts the runs file’s bad row in the Problems panel at its line, its code a link to the lab’s documentation of it', async () => {
      await vscode.commands.executeCommand('computeBudget.lab.refit');
      const diagnostics = await diagnosticsWhen(exampleUri('lab/runs.csv'), (list) => list.some((diagnostic) => codeOf(diagnostic) === 'lab-bad-row'));
      const bad = diagnostics.find((diagnostic) => codeOf(diagnostic) === 'lab-bad-row')!;
      assert.strictEqual(bad.range.start.line, 8);
      assert.match(bad.message, /tokens missing/);
      for (const diagnostic of diagnostics) {
        const code = diagnostic.code as { value: string; target: vscode.Uri };
        const page = (await vscode.workspace.openTextDocument(code.target)).getText();
        assert.ok(page.startsWith(`# \`${code.value}\``), page.slice(0, 80));
        assert.match(page, /From the Compute Budget documentation, docs\/lab\.md\./);
      }
    });

    it('shows your predicted loss with its bootstrap interval first in the hover', async () => {
      await vscode.commands.executeCommand('computeBudget.lab.refit');
      const { editor } = await openExample('generic/llama-2-7b-run.yaml');
      const text = unescapeMarkdown(await hoverText(editor.document, positionOf(editor.document, 'tokens')));
      const yours = /Predicted loss \| \*\*(\d\.\d+)\*\*, 95% interval (\d\.\d+)–(\d\.\d+) \(your fit \(24 runs, held-out loss error 0\.53%\)\)/.exec(text);
      assert.ok(yours, text);
      const [loss, low, high] = yours.slice(1).map(Number) as [number, number, number];
      assert.ok(low <= loss && loss <= high, yours[0]);
      assert.ok(text.indexOf('your fit') < text.indexOf('Besiroglu et al. 2024'), 'yours first, then the published fits');
    });

    it('plans the loss-optimal model under your law', async () => {
      await vscode.commands.executeCommand('computeBudget.lab.refit');
      const result = await vscode.commands.executeCommand<PlanCommandResult>('computeBudget.planComputeBudget', { flops: 1e23, open: false });
      assert.strictEqual(result.plan.optima.fit, 'workspace');
      assert.match(result.plan.loss[0]!.label, /^your fit/);
    });
  });

  it('says when no runs file can be found rather than inventing a fit', async () => {
    const settings = vscode.workspace.getConfiguration('computeBudget');
    await settings.update('lab.runsFile', 'lab/no-such-runs.csv', vscode.ConfigurationTarget.Workspace);
    await settings.update('lossFit', 'workspace', vscode.ConfigurationTarget.Workspace);
    try {
      const result = await vscode.commands.executeCommand<RefitResult>('computeBudget.lab.refit');
      assert.strictEqual(result.state, 'missing');
      assert.match(result.why ?? '', /lab\/no-such-runs\.csv was not found/);
    } finally {
      await settings.update('lossFit', undefined, vscode.ConfigurationTarget.Workspace);
      await settings.update('lab.runsFile', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('warns on the training-length key when the linked loss log has reached low returns, with the evidence', async () => {
    const uri = exampleUri('lab/small-run.yaml');
    const { editor } = await openExample('lab/small-run.yaml');
    const diagnostics = await diagnosticsWhen(uri, (list) => list.some((diagnostic) => codeOf(diagnostic) === 'low-returns'));
    const low = diagnostics.find((diagnostic) => codeOf(diagnostic) === 'low-returns')!;
    assert.strictEqual(editor.document.getText(low.range), 'steps');
    assert.strictEqual(low.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(low.message, /^lab\/loss\.csv: Training has reached the point of low returns/);
    assert.match(low.message, /per 100B tokens and perplexity 0\.1% per 10B tokens/);
    assert.match(low.message, /126B to 157B, 61 points, lines 242-302/);
    assert.match(low.message, /the remaining 52\.4B planned tokens would lower the loss by 0\.004/);
    assert.strictEqual(low.relatedInformation?.[0]?.location.uri.toString(), exampleUri('lab/loss.csv').toString());
    assert.ok(!diagnostics.some((diagnostic) => codeOf(diagnostic) === 'invalid-directive'), 'log= is not an unknown fact');
  });

  for (const link of ['../../outside/loss.csv', '/dev/zero']) {
    it(`does not follow log=${link} out of the workspace folder, and says so without saying whether it exists`, async () => {
      const uri = exampleUri(`lab/linked-outside-${link.length}.yaml`);
      const text = `# compute-budget: log=${link}\nmodel:\n  parameters: 1.3B\ntraining:\n  steps: 200000\n  batch_size: 512\n  seq_len: 2048\n`;
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      try {
        const { editor } = await show(await vscode.workspace.openTextDocument(uri));
        const diagnostics = await diagnosticsWhen(uri, (list) => list.some((diagnostic) => /loss log/.test(diagnostic.message)));
        const refused = diagnostics.find((diagnostic) => /loss log/.test(diagnostic.message))!;
        assert.strictEqual(codeOf(refused), 'missing-file');
        assert.match(refused.message, /is outside the workspace folder \(or the workspace is not trusted\), so it is not read\.$/);
        assert.strictEqual(editor.document.getText(refused.range), `log=${link}`);
      } finally {
        await vscode.workspace.fs.delete(uri);
      }
    });
  }
});
