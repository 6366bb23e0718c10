import * as vscode from 'vscode';
import { activateShared, type ComputeBudgetApi } from '../extension/activateShared';
import { inlineAnalyzer } from '../extension/inlineAnalyzer';
import { inlineLabExecutor } from '../extension/lab/labEngine';
import { webFactsEngine } from './webFactsEngine';

/**
 * The browser entry (vscode.dev, github.dev, code-server's web worker host). The extension host
 * is itself a web worker, so analyses run on its thread; files a config includes are read
 * through `vscode.workspace.fs`; models named only by Hugging Face id are not looked up (no cache
 * on disk, and the Hub is not reached from here). No Node built-in may be imported below.
 */
export function activate(context: vscode.ExtensionContext): ComputeBudgetApi {
  return activateShared(context, {
    analyzer: () => inlineAnalyzer,
    models: () => () => Promise.resolve(null),
    lab: () => inlineLabExecutor,
    // On a worker of its own (dist/web/factsWorker.js), so no glob blocks the extension host; on its thread if none can start.
    factsEngine: (log) => webFactsEngine(vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'factsWorker.js'), log),
  });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
