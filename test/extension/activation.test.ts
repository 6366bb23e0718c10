// Runs inside a real VS Code extension host (see test/harness/run-integration.js).
import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'compute-budget.compute-budget';

describe('Compute Budget in VS Code', () => {
  it('runs in a real VS Code 1.x', () => {
    assert.match(vscode.version, /^1\./);
  });

  it('is installed under its publisher.name id', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded; found: ${vscode.extensions.all.map((e) => e.id).join(', ')}`);
  });
});
