import * as vscode from 'vscode';
import type { WriteBackChoice } from '../../core/planner/writeBack';
import { baseName } from '../documents';
import { notify } from '../notify';
import { MAX_LABEL, notificationText, plainText } from '../../core/text/editorText';

/**
 * The write-back's diff, shown before anything is written: the config beside a read-only copy
 * with the edit made, and one question. (VS Code's refactor preview would leave an edit that
 * needs confirmation unticked, so "Apply" there would write nothing.)
 */
const PREVIEW_SCHEME = 'compute-budget-preview';
const previews = new Map<string, string>();
let registered: vscode.Disposable | undefined;

export function registerWriteBackPreview(context: vscode.ExtensionContext): void {
  registered ??= vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, {
    provideTextDocumentContent: (uri) => previews.get(uri.toString()) ?? '',
  });
  context.subscriptions.push(registered, {
    dispose: () => {
      registered = undefined;
      previews.clear();
    },
  });
}

export async function confirmInDiff(document: vscode.TextDocument, choice: WriteBackChoice): Promise<boolean> {
  const name = baseName(document.uri);
  const text = document.getText();
  const after = [...choice.edits]
    .sort((a, b) => b.span.start - a.span.start)
    .reduce((out, edit) => out.slice(0, edit.span.start) + edit.newText + out.slice(edit.span.end), text);
  const uri = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${document.version}/${name}`, query: String(Date.now()) });
  previews.set(uri.toString(), after);
  try {
    const shown = plainText(name, MAX_LABEL);
    await vscode.commands.executeCommand('vscode.diff', document.uri, uri, `${shown} ↔ with the plan written (preview)`, { preview: true });
    // The button names the file: through the same door as the message, so the answer compares equal.
    const write = notificationText(`Write to ${name}`, MAX_LABEL);
    const answer = await notify.modal(
      `${choice.label}?`,
      `${choice.detail}\n\nThe diff shows the change. Nothing else in ${shown} is touched; you can undo it.`,
      write,
    );
    return answer === write;
  } finally {
    previews.delete(uri.toString());
    await closeTabsOf(uri);
  }
}

async function closeTabsOf(uri: vscode.Uri): Promise<void> {
  const tabs = vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputTextDiff && tab.input.modified.toString() === uri.toString());
  if (tabs.length) await vscode.window.tabGroups.close(tabs);
}
