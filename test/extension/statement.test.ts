import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAll, openExample } from './helpers';

describe('the compute statement in VS Code', () => {
  afterEach(closeAll);

  it('opens the active config’s statement as a Markdown document beside it, without writing anything', async () => {
    const { editor } = await openExample('generic/llama-2-7b-run.yaml');
    const content = await vscode.commands.executeCommand<string>('computeBudget.exportStatement', editor.document.uri.toString());
    assert.ok(content, 'no statement');
    assert.match(content, /\*\*Estimated cumulative training compute: 8\.1 × 10²² FLOP\*\*/);
    assert.match(content, /6 × N × D = 8\.1 × 10²² FLOP/);
    const shown = vscode.window.visibleTextEditors.find((each) => each.document.languageId === 'markdown' && each.document.isUntitled);
    assert.ok(shown, 'the statement is not shown');
    assert.equal(shown.document.getText(), content);
  });
});
