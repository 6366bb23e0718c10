import * as vscode from 'vscode';
import type { AnalysisCache } from './analysisCache';
import type { SettingsStore } from './settingsStore';
import { isConfigDocument } from './documents';

/**
 * When to re-analyse: debounced per document while typing, at once when an editor becomes
 * visible or active, and only for documents shown in a visible editor.
 */
export class AnalysisScheduler implements vscode.Disposable {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly cache: AnalysisCache,
    private readonly settings: SettingsStore,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.schedule(event.document);
      }),
      vscode.window.onDidChangeVisibleTextEditors(() => this.refreshVisible()),
      vscode.window.onDidChangeActiveTextEditor((editor) => editor && this.now(editor.document)),
      vscode.workspace.onDidOpenTextDocument((document) => this.isVisible(document) && this.now(document)),
    );
  }

  /** Analyse every visible config now (activation, settings change). */
  refreshVisible(): void {
    const seen = new Set<string>();
    for (const editor of vscode.window.visibleTextEditors) {
      const key = editor.document.uri.toString();
      if (!seen.has(key)) this.now(editor.document);
      seen.add(key);
    }
  }

  now(document: vscode.TextDocument): void {
    if (!isConfigDocument(document)) return;
    this.cancel(document);
    void this.cache.publish(document);
  }

  schedule(document: vscode.TextDocument): void {
    if (!isConfigDocument(document) || !this.isVisible(document)) return;
    this.cancel(document);
    const key = document.uri.toString();
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (!document.isClosed) void this.cache.publish(document);
      }, this.settings.current.debounceMs),
    );
  }

  cancel(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
  }

  private isVisible(document: vscode.TextDocument): boolean {
    return vscode.window.visibleTextEditors.some((editor) => editor.document === document);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
