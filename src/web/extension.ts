import type * as vscode from 'vscode';
import { activateShared, type ComputeBudgetApi } from '../extension/activateShared';
import { inlineAnalyzer } from '../extension/inlineAnalyzer';
import { inlineLabExecutor } from '../extension/lab/labEngine';
import { inlineFactsEngine } from '../core/workspaceFacts/engine';

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
    factsEngine: () => inlineFactsEngine(),
  });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
