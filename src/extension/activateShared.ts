import * as vscode from 'vscode';
import type { Analysis } from '../core/analyze';
import { AnalysisCache, type Analyzer } from './analysisCache';
import { SETTINGS_SECTION } from './commandIds';
import { registerBudgetCompletion } from './surfaces/budgetCompletion';
import { registerCodeActions } from './surfaces/codeActions';
import { registerDecorations } from './surfaces/decorations';
import { registerDiagnostics } from './surfaces/diagnostics';
import { registerHover } from './surfaces/hover';
import { registerStatusBar } from './surfaces/statusBar';
import { registerLab } from './lab/register';
import type { LabExecutor } from './lab/labTasks';
import type { FactsEngine } from '../core/workspaceFacts/engine';
import { registerPlanner } from './planner/register';
import { registerStatement } from './statement';
import type { RealPath } from './linkCheck';
import { WorkspaceResources, type ModelSource } from './resources';
import { AnalysisScheduler } from './scheduler';
import { SettingsStore } from './settingsStore';
import { WorkspaceFacts } from './workspaceFacts';
import { notify } from './notify';

/** What `activate` returns: a hook for integration tests to wait on analyses instead of sleeping. */
export interface ComputeBudgetApi {
  readonly cache: AnalysisCache;
  /** The settings as the extension read and checked them. */
  readonly settings: SettingsStore;
  /** Resolves with the analysis of this document's current version once the surfaces have it. */
  analyzed(document: vscode.TextDocument): Promise<Analysis>;
}

/**
 * What differs between the hosts: where analyses run (a worker thread in Node, the extension
 * host's own web worker in the browser) and where models named by Hugging Face id come from.
 */
export interface HostServices {
  readonly analyzer: (log: (message: string) => void) => Analyzer;
  readonly models: ModelSource;
  /** The `.compute-budget.yaml` reader and editor (on a worker thread in the Node host); created once, when first needed. */
  readonly factsEngine: (log: (message: string) => void) => FactsEngine & { dispose?(): void };
  /** Where the lab's fits and stop checks run. */
  readonly lab: (log: (message: string) => void) => LabExecutor;
  /** Where a local path really leads, links followed (Node's realpath); absent in the browser, which reads no link at all. */
  readonly realPath?: RealPath;
}

/** Activation shared by the Node entry (`extension.ts`) and the browser entry (`../web/extension.ts`). */
export function activateShared(context: vscode.ExtensionContext, host: HostServices): ComputeBudgetApi {
  const log = vscode.window.createOutputChannel('Compute Budget', { log: true });
  const warnOnce = ignoredSettingsWarning(log);
  const settings = new SettingsStore(warnOnce);
  // Restricted Mode: nothing leaves the machine, whatever the user's setting says.
  const networkAllowed = () => settings.current.allowNetwork && vscode.workspace.isTrusted;
  const resources = new WorkspaceResources(host.models, networkAllowed(), host.realPath);
  let factsEngine: (FactsEngine & { dispose?(): void }) | undefined;
  const facts = new WorkspaceFacts(() => (factsEngine ??= host.factsEngine((message) => log.warn(message))), host.realPath);
  const cache = new AnalysisCache(
    settings,
    host.analyzer((message) => log.warn(message)),
    resources,
    facts,
  );
  const scheduler = new AnalysisScheduler(cache, settings);
  // Keyed by the document object: untitled documents reuse URIs and versions.
  const published = new WeakMap<vscode.TextDocument, number>();
  const waiters = new Map<vscode.TextDocument, ((analysis: Analysis) => void)[]>();
  context.subscriptions.push(
    log,
    settings,
    resources,
    cache,
    scheduler,
    resources.onDidChange(() => {
      cache.invalidate();
      scheduler.refreshVisible();
    }),
    facts,
    { dispose: () => factsEngine?.dispose?.() },
    facts.onDidChange(() => {
      cache.invalidate();
      scheduler.refreshVisible();
    }),
    cache.onDidAnalyze(({ document, analysis }) => {
      published.set(document, document.version);
      const pending = waiters.get(document) ?? [];
      waiters.delete(document);
      pending.forEach((resolve) => resolve(analysis));
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      cache.forget(document);
      waiters.delete(document);
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => resources.setAllowNetwork(networkAllowed())),
    // The cache has begun a new generation by now (it listened first): redraw what is visible.
    settings.onDidChange(() => {
      resources.setAllowNetwork(networkAllowed());
      scheduler.refreshVisible();
    }),
  );
  registerDiagnostics(context, cache, settings);
  registerDecorations(context, cache, settings);
  registerHover(context, cache);
  registerCodeActions(context, cache, facts);
  registerStatusBar(context, cache);
  registerPlanner(context, cache, settings);
  registerStatement(context, cache);
  registerBudgetCompletion(context);
  registerLab(context, cache, settings, () => scheduler.refreshVisible(), host.lab, host.realPath);
  scheduler.refreshVisible();

  return {
    cache,
    settings,
    analyzed(document) {
      if (published.get(document) === document.version) return cache.analysis(document);
      return new Promise((resolve) => {
        waiters.set(document, [...(waiters.get(document) ?? []), resolve]);
        scheduler.now(document);
      });
    },
  };
}

/**
 * Settings that could not be used are named in the log and, the first time each set of them is
 * seen, in one warning: a workspace's settings file may hold anything, and a user should know
 * which value was replaced by its default rather than find numbers silently different.
 */
function ignoredSettingsWarning(log: vscode.LogOutputChannel): (ignored: readonly string[]) => void {
  let shown = '';
  return (ignored) => {
    const key = ignored.join('\n');
    if (!key || key === shown) return;
    shown = key;
    ignored.forEach((line) => log.warn(`Setting ignored: computeBudget.${line}`));
    const first = `computeBudget.${ignored[0]}`;
    const more = ignored.length > 1 ? ` (and ${ignored.length - 1} more)` : '';
    void notify.warning(`Compute Budget: ${first}${more}; the default is used instead.`, 'Open Settings', 'Show Log').then((choice) => {
      if (choice === 'Open Settings') void vscode.commands.executeCommand('workbench.action.openSettings', SETTINGS_SECTION);
      if (choice === 'Show Log') log.show(true);
    });
  };
}
