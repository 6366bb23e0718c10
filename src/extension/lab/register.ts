import * as path from 'path';
import * as vscode from 'vscode';
import type { AnalysisCache } from '../analysisCache';
import { SETTINGS_SECTION } from '../commandIds';
import { readSettings } from '../settings';
import { FitRunner } from './fitRunner';
import { StopSignals } from './stopSignal';
import { setWorkspaceFitService, WorkspaceFitService, type FitState } from './workspaceFit';

/** The lab's command ids (package.json contributes the same). */
export const LabCommandId = {
  refit: 'computeBudget.lab.refit',
  showRuns: 'computeBudget.lab.showRunsFit',
  showLossCurve: 'computeBudget.lab.showLossCurve',
  showBoundary: 'computeBudget.lab.showBoundary',
  /** Judges the loss log a config links (tests and tasks; the editor does it on every analysis). */
  checkStop: 'computeBudget.lab.checkStop',
} as const;

/** What `computeBudget.lab.refit` returns (tests and tasks read it). */
export interface RefitResult {
  readonly state: FitState['kind'];
  readonly file?: string;
  readonly label?: string;
  readonly why?: string;
  readonly constants?: { readonly E: number; readonly A: number; readonly alpha: number; readonly B: number; readonly beta: number };
}

/**
 * The scaling-law lab in the editor: the workspace fit (a `computeBudget.lossFit` choice), the
 * stop-training signal on linked loss logs, and the chart's lab views. `refresh` redraws the
 * visible editors' surfaces when the fit changes.
 */
export function registerLab(context: vscode.ExtensionContext, cache: AnalysisCache, refresh: () => void): WorkspaceFitService {
  const log = vscode.window.createOutputChannel('Compute Budget Lab', { log: true });
  const runner = new FitRunner(path.join(context.extensionPath, 'dist', 'labWorker.js'), (message) => log.warn(message));
  const service = new WorkspaceFitService(cache.current, runner);
  setWorkspaceFitService(service);
  const stops = new StopSignals(() => cache.current, runner, cache);
  context.subscriptions.push(
    stops,
    log,
    runner,
    service,
    { dispose: () => setWorkspaceFitService(undefined) },
    service.onDidChange((state) => {
      if (state.kind === 'failed' || state.kind === 'missing') log.info(`Workspace fit: ${state.why}`);
      if (state.kind === 'ready') log.info(`Workspace fit: ${state.label} from ${vscode.workspace.asRelativePath(state.uri)}`);
      cache.invalidate();
      refresh();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SETTINGS_SECTION)) service.updateSettings(readSettings().settings);
    }),
    vscode.commands.registerCommand(LabCommandId.refit, async (): Promise<RefitResult> => {
      const state = service.enabled ? await service.refit() : await service.ensure();
      return refitResult(state);
    }),
    vscode.commands.registerCommand(LabCommandId.checkStop, async (uri?: string) => {
      const document = uri ? await vscode.workspace.openTextDocument(vscode.Uri.parse(uri)) : vscode.window.activeTextEditor?.document;
      const check = document ? await stops.checkNow(document) : undefined;
      return check && { log: vscode.workspace.asRelativePath(check.log), signal: check.stop.signal, findings: check.stop.findings.map((finding) => ({ code: finding.code, message: finding.message })) };
    }),
  );
  if (service.enabled) void service.refit();
  return service;
}

function refitResult(state: FitState): RefitResult {
  switch (state.kind) {
    case 'ready':
      return { state: state.kind, file: vscode.workspace.asRelativePath(state.uri), label: state.label, constants: state.result.fit.constants };
    case 'failed':
      return { state: state.kind, file: vscode.workspace.asRelativePath(state.uri), why: state.why };
    case 'missing':
      return { state: state.kind, why: state.why };
    default:
      return { state: state.kind };
  }
}
