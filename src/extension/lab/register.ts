import * as vscode from 'vscode';
import type { AnalysisCache } from '../analysisCache';
import type { SettingsStore } from '../settingsStore';
import { FitRunner } from './fitRunner';
import type { LabExecutor } from './labTasks';
import { boundaryView, curveView, runsView } from '../../core/lab/labChart';
import { chartForLab } from '../../core/planner/chartData';
import type { ChartView } from '../../protocol/chartMessages';
import { CommandId } from '../commandIds';
import { isConfigDocument } from '../documents';
import { ChartPanel } from '../planner/chartPanel';
import { BoundaryFile } from './boundaryFile';
import { labDiagnostics } from './labDiagnostics';
import { StopSignals } from './stopSignal';
import { setWorkspaceFitService, WorkspaceFitService, type FitState } from './workspaceFit';
import type { RealPath } from '../linkCheck';
import { notify } from '../notify';

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
export function registerLab(
  context: vscode.ExtensionContext,
  cache: AnalysisCache,
  settings: SettingsStore,
  refresh: () => void,
  executor: (log: (message: string) => void) => LabExecutor,
  realPath?: RealPath,
): WorkspaceFitService {
  const log = vscode.window.createOutputChannel('Compute Budget Lab', { log: true });
  const runner = new FitRunner(executor((message) => log.warn(message)));
  const service = new WorkspaceFitService(settings.current, runner, undefined, realPath);
  setWorkspaceFitService(service);
  const stops = new StopSignals(() => settings.current, runner, cache, realPath);
  const evalsDiagnostics = labDiagnostics('compute-budget-evals');
  const boundary = new BoundaryFile(() => settings.current, runner, evalsDiagnostics, realPath);
  const relative = (uri: vscode.Uri) => vscode.workspace.asRelativePath(uri);
  ChartPanel.labData = (source, data) => {
    const state = service.state;
    const check = source ? stops.latest(source) : undefined;
    const evals = boundary.current;
    return {
      runs: state.kind === 'ready' ? runsView(state.result, relative(state.uri), state.label) : undefined,
      curve: check ? curveView(check.stop, relative(check.log), check.plannedTokens) : undefined,
      boundary: evals ? boundaryView(evals.report, relative(evals.uri), data.current?.flops, data.current?.kind) : undefined,
    };
  };
  /** The config a lab view is about: the active editor's, else the one the chart follows. */
  const configOf = (): vscode.Uri | undefined => {
    const active = vscode.window.activeTextEditor?.document;
    return active && isConfigDocument(active) ? active.uri : ChartPanel.active?.source;
  };
  /** Shows a lab view on the config's chart (it then follows the config), else on a chart of its own. */
  const showView = async (view: ChartView) => {
    const source = configOf();
    if (source) return vscode.commands.executeCommand(CommandId.showChart, { uri: source.toString(), view });
    return ChartPanel.show(context.extensionUri, chartForLab('Scaling-law lab', 'your runs, loss logs and evals'), undefined, view);
  };
  context.subscriptions.push(
    stops,
    evalsDiagnostics,
    { dispose: () => (ChartPanel.labData = undefined) },
    stops.onDidCheck((check) => {
      if (ChartPanel.active?.source?.toString() === check.config.toString()) void ChartPanel.active.refreshLab()?.catch(() => undefined);
    }),
    vscode.commands.registerCommand(LabCommandId.showRuns, async () => {
      const state = await service.ensure();
      if (state.kind !== 'ready') return void notify.info(`Compute Budget: no fit of your runs to show: ${'why' in state ? state.why : 'still fitting'}.`);
      return showView('runs');
    }),
    vscode.commands.registerCommand(LabCommandId.showLossCurve, async () => {
      const source = configOf();
      const check = source ? await stops.checkNow(await vscode.workspace.openTextDocument(source)) : undefined;
      if (!check)
        return void notify.info(
          'Compute Budget: open a config that links its loss log (a "# compute-budget: log=logs/loss.csv" comment, or computeBudget.lab.lossLogs).',
        );
      return showView('curve');
    }),
    vscode.commands.registerCommand(LabCommandId.showBoundary, async () => {
      const loaded = await boundary.load();
      if ('why' in loaded) return void notify.info(`Compute Budget: no capability boundary to show: ${loaded.why}.`);
      return showView('boundary');
    }),
    log,
    runner,
    service,
    { dispose: () => setWorkspaceFitService(undefined) },
    service.onDidChange((state) => {
      if (state.kind === 'failed' || state.kind === 'missing') log.info(`Workspace fit: ${state.why}`);
      if (state.kind === 'ready') log.info(`Workspace fit: ${state.label} from ${vscode.workspace.asRelativePath(state.uri)}`);
      cache.invalidate();
      refresh();
      void ChartPanel.active?.refreshLab()?.catch(() => undefined);
    }),
    settings.onDidChange((changed) => service.updateSettings(changed)),
    vscode.commands.registerCommand(LabCommandId.refit, async (): Promise<RefitResult> => {
      const state = service.enabled ? await service.refit() : await service.ensure();
      return refitResult(state);
    }),
    vscode.commands.registerCommand(LabCommandId.checkStop, async (uri?: string) => {
      const document = uri ? await vscode.workspace.openTextDocument(vscode.Uri.parse(uri)) : vscode.window.activeTextEditor?.document;
      const check = document ? await stops.checkNow(document) : undefined;
      return (
        check && {
          log: vscode.workspace.asRelativePath(check.log),
          signal: check.stop.signal,
          findings: check.stop.findings.map((finding) => ({ code: finding.code, message: finding.message })),
        }
      );
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
