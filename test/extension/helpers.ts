// Shared by the integration tests that run inside a real VS Code extension host.
import * as path from 'path';
import * as vscode from 'vscode';
import type { ComputeBudgetApi } from '../../src/extension/extension';

export const EXTENSION_ID = 'compute-budget.compute-budget';

export async function api(): Promise<ComputeBudgetApi> {
  const extension = vscode.extensions.getExtension<ComputeBudgetApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded`);
  return extension.activate();
}

/** The workspace is the repository's `test/examples/` folder (copies of the shared fixtures). */
export function exampleUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need the test/examples/ folder open as the workspace');
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

/** Opens a document in an editor and waits until every surface has its analysis. */
export async function show(document: vscode.TextDocument) {
  const editor = await vscode.window.showTextDocument(document);
  const analysis = await (await api()).analyzed(document);
  return { editor, analysis };
}

export async function openExample(relative: string) {
  return show(await vscode.workspace.openTextDocument(exampleUri(relative)));
}

export async function openUntitled(content: string, language = 'yaml') {
  return show(await vscode.workspace.openTextDocument({ language, content }));
}

export function positionOf(document: vscode.TextDocument, text: string, delta = 1): vscode.Position {
  const offset = document.getText().indexOf(text);
  if (offset < 0) throw new Error(`${JSON.stringify(text)} is not in ${path.basename(document.fileName)}`);
  return document.positionAt(offset + delta);
}

/** The rendered text of Markdown hovers: escapes removed, as a person reads it. */
export async function hoverText(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : ''))
    .join('\n');
}

export function unescapeMarkdown(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

/** Resolves once the document's diagnostics change to satisfy `ready`. */
export function diagnosticsWhen(uri: vscode.Uri, ready: (diagnostics: readonly vscode.Diagnostic[]) => boolean): Promise<readonly vscode.Diagnostic[]> {
  const now = vscode.languages.getDiagnostics(uri);
  if (ready(now)) return Promise.resolve(now);
  return new Promise((resolve) => {
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString())) return;
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!ready(diagnostics)) return;
      subscription.dispose();
      resolve(diagnostics);
    });
  });
}

export const codeOf = (diagnostic: vscode.Diagnostic) => (typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code));

/** Closes every editor without saving: untitled and edited documents would otherwise ask. */
export async function closeAll(): Promise<void> {
  for (let i = 0; i < 20 && vscode.window.activeTextEditor; i++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await untitledClosed();
}

/**
 * Resolves once the extension host has let go of every untitled document. The next test's
 * untitled document reuses the name (Untitled-1): opened before the host heard of the close, it
 * could be given the closed document's text.
 */
function untitledClosed(): Promise<void> {
  const open = () => vscode.workspace.textDocuments.some((document) => document.isUntitled && !document.isClosed);
  if (!open()) return Promise.resolve();
  // Every editor was closed above, so each untitled document's close event comes; a hook that
  // waits past Mocha's timeout says so.
  return new Promise((resolve) => {
    const subscription = vscode.workspace.onDidCloseTextDocument(() => {
      if (open()) return;
      subscription.dispose();
      resolve();
    });
  });
}
