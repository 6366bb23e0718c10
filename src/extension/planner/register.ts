import * as vscode from 'vscode';
import type { Analysis } from '../../core/analyze';
import { compactCount, scientific } from '../../core/format';
import { chartForAnalysis, chartForPlan } from '../../core/planner/chartData';
import { plan, PlanError, type PlanInput, type PlanResult, type PlanTarget } from '../../core/planner/plan';
import { describeTarget, parseTarget } from '../../core/planner/parseTarget';
import { parseCount } from '../../core/source/quantity';
import { lengthEdit } from '../../core/training/lengthEdit';
import type { ChartState, ChartView, RenderedMessage } from '../../webview/chart/protocol';
import type { AnalysisCache } from '../analysisCache';
import { CommandId } from '../commandIds';
import { isConfigDocument } from '../documents';
import { CHART_VIEW_TYPE, ChartPanel, webviewOptions } from './chartPanel';
import { askPlanInput } from './planFlow';
import { readPlannerSettings } from './plannerSettings';

/** Arguments for running "Plan compute budget" without its prompts (tests, keybindings, tasks). */
export interface PlanCommandArgs {
  readonly flops?: number | string;
  readonly gpu?: string;
  readonly accelerator?: string;
  readonly count?: number;
  readonly days?: number;
  readonly mfu?: number;
  readonly precision?: 'bf16' | 'fp8';
  readonly pricePerAcceleratorHour?: number;
  /** `chinchilla`, `multiple:4`, `parameters:7B`, `inference:2T`, or a PlanTarget object. */
  readonly target?: string | PlanTarget;
  /** Show the plan in the chart (default true); resolves once the page drew it. */
  readonly open?: boolean;
  /** The config a write-back would edit (default: the active editor's, if it is a config). */
  readonly uri?: string;
}

export interface PlanCommandResult {
  readonly plan: PlanResult;
  readonly rendered?: RenderedMessage;
  /** The write-back the user would be offered: never applied without their click. */
  readonly edit?: { readonly uri: string; readonly start: number; readonly end: number; readonly newText: string; readonly title: string };
}

export interface ShowChartArgs {
  readonly uri?: string;
  readonly view?: ChartView;
}

export function registerPlanner(context: vscode.ExtensionContext, cache: AnalysisCache): void {
  const extensionUri = context.extensionUri;

  const configDocument = async (uri: string | undefined): Promise<vscode.TextDocument | undefined> => {
    if (uri) return vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const active = vscode.window.activeTextEditor?.document;
    return active && isConfigDocument(active) ? active : undefined;
  };

  /** The chart of a config as it is now, with the loss fit the settings choose. */
  const chartOf = (document: vscode.TextDocument, analysis: Analysis) => chartForAnalysis(analysis, baseName(document.uri), { fit: cache.current.lossFit });

  const showConfigChart = async (document: vscode.TextDocument, view?: ChartView): Promise<RenderedMessage> => ChartPanel.show(extensionUri, chartOf(document, await cache.analysis(document)), document.uri, view);

  context.subscriptions.push(
    vscode.commands.registerCommand(CommandId.showChart, async (args?: ShowChartArgs): Promise<RenderedMessage | undefined> => {
      const document = await configDocument(args?.uri);
      if (!document) {
        const choice = await vscode.window.showInformationMessage('Open a training config to chart it, or plan a budget from scratch.', 'Plan compute budget');
        if (choice) await vscode.commands.executeCommand(CommandId.planComputeBudget);
        return undefined;
      }
      return showConfigChart(document, args?.view);
    }),

    vscode.commands.registerCommand(CommandId.planComputeBudget, async (args?: PlanCommandArgs): Promise<PlanCommandResult | undefined> => {
      const settings = readPlannerSettings();
      const document = await configDocument(args?.uri);
      const analysis = document ? await cache.analysis(document) : undefined;
      if (args && typeof args === 'object') return automated(args, settings, document, analysis);

      const asked = await askPlanInput(settings, analysis, document ? baseName(document.uri) : undefined);
      if (!asked) return undefined;
      const input: PlanInput = { fit: cache.current.lossFit, ...asked };
      let result: PlanResult;
      try {
        result = plan(input);
      } catch (error) {
        if (error instanceof PlanError) {
          void vscode.window.showErrorMessage(`Compute Budget: ${error.message}`);
          return undefined;
        }
        throw error;
      }
      const rendered = await ChartPanel.show(extensionUri, chartForPlan(result, { fit: cache.current.lossFit }), undefined);
      void offerWriteBack(result, document, analysis, (current) => cache.analysis(current));
      return { plan: result, rendered };
    }),

    vscode.window.registerWebviewPanelSerializer(CHART_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: ChartState | undefined) {
        panel.webview.options = webviewOptions(extensionUri);
        const revived = ChartPanel.revive(panel, extensionUri, state);
        // A chart that followed a config: redraw it from the config as it is now.
        // After a window reload the editors come back after the panels, so the config may not be
        // open yet: open it (without showing it) rather than wait for an editor.
        if (revived.source) {
          const document = await vscode.workspace.openTextDocument(revived.source).then((opened) => opened, () => undefined);
          if (document) void cache.analysis(document).then((analysis) => revived.render(chartOf(document, analysis), state?.view)).catch(() => undefined);
        }
      },
    }),

    // Live updates: the chart follows its config as it is edited.
    cache.onDidAnalyze(({ document, analysis }) => {
      const panel = ChartPanel.active;
      if (!panel?.source || panel.source.toString() !== document.uri.toString()) return;
      void panel.render(chartOf(document, analysis)).catch(() => undefined);
    }),
    { dispose: () => ChartPanel.active?.dispose() },
  );

  async function automated(args: PlanCommandArgs, settings: ReturnType<typeof readPlannerSettings>, document: vscode.TextDocument | undefined, analysis: Analysis | undefined): Promise<PlanCommandResult> {
    const input: PlanInput = { fit: cache.current.lossFit, ...inputFromArgs(args, settings, analysis) };
    const result = plan(input);
    const edit = document && analysis ? writeBackEdit(result, document, analysis) : undefined;
    const rendered = args.open === false ? undefined : await ChartPanel.show(extensionUri, chartForPlan(result, { fit: cache.current.lossFit }), undefined);
    return { plan: result, rendered, edit: edit && { uri: document!.uri.toString(), start: edit.start, end: edit.end, newText: edit.newText, title: edit.title } };
  }
}

function inputFromArgs(args: PlanCommandArgs, settings: ReturnType<typeof readPlannerSettings>, analysis: Analysis | undefined): PlanInput {
  const number = (value: number | string | undefined, what: string): number | undefined => {
    if (value === undefined) return undefined;
    const parsed = parseCount(value);
    if (!parsed.ok) throw new PlanError(`${what} must be a number`);
    return parsed.value;
  };
  const target = typeof args.target === 'string' ? parseTarget(args.target) : args.target ?? { kind: 'chinchilla' };
  const gpu = args.gpu ?? args.accelerator;
  const flops = number(args.flops, 'flops') ?? (gpu ? undefined : analysis?.flops ?? undefined);
  const common = { target, accelerators: settings.accelerators, pricePerAcceleratorHour: args.pricePerAcceleratorHour ?? settings.pricePerAcceleratorHour, mfu: args.mfu ?? settings.mfu, precision: args.precision };
  if (flops !== undefined) return { ...common, budget: { kind: 'flops', flops }, accelerator: gpu, count: args.count };
  if (gpu && args.count !== undefined && args.days !== undefined) return { ...common, budget: { kind: 'hardware', accelerator: gpu, count: args.count, days: args.days, mfu: args.mfu ?? settings.mfu, precision: args.precision } };
  throw new PlanError('give flops, or gpu with count and days (or open a config whose compute is known)');
}

/** The edit that sets the config's length to the planned tokens, written the way the file writes it. */
function writeBackEdit(result: PlanResult, document: vscode.TextDocument, analysis: Analysis): { start: number; end: number; newText: string; title: string } | undefined {
  const fix = lengthEdit(analysis.training.setting, result.tokens, `planned: ${describeTarget(result.target)}`);
  return fix && { start: fix.span.start, end: fix.span.end, newText: fix.newText, title: fix.title };
}

/**
 * Offers the write-back as a button; the edit is applied (unsaved, undoable) only when the user
 * clicks it, and is worked out again at that moment from the file as it is then: the user may
 * have edited it while the message waited.
 */
async function offerWriteBack(result: PlanResult, document: vscode.TextDocument | undefined, analysis: Analysis | undefined, analysisOf: (document: vscode.TextDocument) => Promise<Analysis>): Promise<void> {
  const summary = `Plan: ${compactCount(result.parameters)} parameters on ${compactCount(result.tokens)} tokens, ${scientific(result.flops)} FLOP${result.hardware ? `, ${result.hardware.wallClockDays.toFixed(1)} days on ${result.hardware.count.toLocaleString('en-US')} × ${result.hardware.accelerator}` : ''}.`;
  const edit = document && analysis ? writeBackEdit(result, document, analysis) : undefined;
  if (!document || !edit) {
    const why = document && !analysis?.training.setting ? ' This config has no training-length setting the planner can rewrite.' : '';
    void vscode.window.showInformationMessage(summary + why);
    return;
  }
  const action = `Write ${compactCount(result.tokens)} tokens to ${baseName(document.uri)}`;
  const choice = await vscode.window.showInformationMessage(`${summary} ${edit.title}?`, action);
  if (choice !== action) return;
  if (document.isClosed) {
    void vscode.window.showWarningMessage(`${baseName(document.uri)} was closed; nothing was written.`);
    return;
  }
  const current = writeBackEdit(result, document, await analysisOf(document));
  if (!current) {
    void vscode.window.showWarningMessage(`${baseName(document.uri)} changed and no longer has a training-length setting the planner can rewrite; nothing was written.`);
    return;
  }
  // Computed and applied in one turn of the event loop: no edit can slip in between.
  const workspaceEdit = new vscode.WorkspaceEdit();
  workspaceEdit.replace(document.uri, new vscode.Range(document.positionAt(current.start), document.positionAt(current.end)), current.newText, { label: current.title, needsConfirmation: false });
  await vscode.workspace.applyEdit(workspaceEdit);
}

function baseName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.toString();
}
