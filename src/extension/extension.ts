import * as vscode from 'vscode';
import type { Analysis } from '../core/analyze';
import { AnalysisCache } from './analysisCache';
import { SETTINGS_SECTION } from './commandIds';
import { registerCodeActions } from './surfaces/codeActions';
import { registerDecorations } from './surfaces/decorations';
import { registerDiagnostics } from './surfaces/diagnostics';
import { registerHover } from './surfaces/hover';
import { registerStatusBar } from './surfaces/statusBar';
import { registerPlanner } from './planner/register';
import { WorkspaceResources } from './resources';
import { AnalysisScheduler } from './scheduler';
import { readSettings } from './settings';

/** What `activate` returns: a hook for integration tests to wait on analyses instead of sleeping. */
export interface ComputeBudgetApi {
  readonly cache: AnalysisCache;
  /** Resolves with the analysis of this document's current version once the surfaces have it. */
  analyzed(document: vscode.TextDocument): Promise<Analysis>;
}

export function activate(context: vscode.ExtensionContext): ComputeBudgetApi {
  const settings = readSettings();
  const resources = new WorkspaceResources(settings.hubAllowNetwork);
  const cache = new AnalysisCache(settings, resources);
  const scheduler = new AnalysisScheduler(cache);
  const published = new Map<string, number>();
  const waiters = new Map<string, ((analysis: Analysis) => void)[]>();
  context.subscriptions.push(
    resources,
    cache,
    scheduler,
    resources.onDidChange(() => {
      cache.invalidate();
      scheduler.refreshVisible();
    }),
    cache.onDidAnalyze(({ document, analysis }) => {
      const key = document.uri.toString();
      published.set(key, document.version);
      const pending = waiters.get(key) ?? [];
      waiters.delete(key);
      pending.forEach((resolve) => resolve(analysis));
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      cache.forget(document);
      published.delete(document.uri.toString());
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(SETTINGS_SECTION)) return;
      const changed = readSettings();
      resources.setAllowNetwork(changed.hubAllowNetwork);
      cache.updateSettings(changed);
      scheduler.refreshVisible();
    }),
  );
  registerDiagnostics(context, cache);
  registerDecorations(context, cache);
  registerHover(context, cache);
  registerCodeActions(context, cache);
  registerStatusBar(context, cache);
  registerPlanner(context, cache);
  scheduler.refreshVisible();

  return {
    cache,
    analyzed(document) {
      const key = document.uri.toString();
      if (published.get(key) === document.version) return Promise.resolve(cache.get(document));
      return new Promise((resolve) => {
        waiters.set(key, [...(waiters.get(key) ?? []), resolve]);
        scheduler.now(document);
      });
    },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
