import * as vscode from 'vscode';
import type { Analysis } from '../../core/analyze';
import { chartForAnalysis, chartForPlan } from '../../core/planner/chartData';
import { plan, PlanError, type PlanInput, type PlanResult } from '../../core/planner/plan';
import { planInputFrom } from '../../core/planner/planRequest';
import type { ChartView, RenderedMessage } from '../../protocol/chartMessages';
import type { AnalysisCache } from '../analysisCache';
import { CommandId } from '../commandIds';
import { baseName, isConfigDocument } from '../documents';
import { lossFitChoice, settledFitChoice } from '../lab/workspaceFit';
import { ChartPanel } from './chartPanel';
import { registerChartFollowing } from './chartFollowing';
import { askPlanInput } from './planFlow';
import { plannerSettings, type PlannerSettings } from './plannerSettings';
import type { SettingsStore } from '../settingsStore';
import { applyWriteBack, chooseWriteBack, writeBackData, writeBackOffer } from './writeBack';
import { registerWriteBackPreview } from './writeBackPreview';
import { layoutsForPlan } from './planLayouts';
import type { PlanCommandArgs, PlanCommandResult, ShowChartArgs } from './commandTypes';
import { notify } from '../notify';

export function registerPlanner(context: vscode.ExtensionContext, cache: AnalysisCache, settings: SettingsStore): void {
  const extensionUri = context.extensionUri;
  registerWriteBackPreview(context);

  const configDocument = async (uri: string | undefined): Promise<vscode.TextDocument | undefined> => {
    if (uri) return vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const active = vscode.window.activeTextEditor?.document;
    return active && isConfigDocument(active) ? active : undefined;
  };

  /** The chart of a config as it is now, with the loss fit the settings choose. */
  const chartOf = (document: vscode.TextDocument, analysis: Analysis) =>
    chartForAnalysis(analysis, baseName(document.uri), { fit: lossFitChoice(settings.current) });

  const showConfigChart = async (document: vscode.TextDocument, view?: ChartView): Promise<RenderedMessage> =>
    ChartPanel.show(extensionUri, chartOf(document, await cache.analysis(document)), document.uri, view);

  context.subscriptions.push(
    vscode.commands.registerCommand(CommandId.showChart, async (args?: ShowChartArgs): Promise<RenderedMessage | undefined> => {
      const document = await configDocument(args?.uri);
      if (!document) {
        const choice = await notify.info('Open a training config to chart it, or plan a budget from scratch.', 'Plan compute budget');
        if (choice) await vscode.commands.executeCommand(CommandId.planComputeBudget);
        return undefined;
      }
      return showConfigChart(document, args?.view);
    }),

    vscode.commands.registerCommand(CommandId.planComputeBudget, async (args?: PlanCommandArgs): Promise<PlanCommandResult | undefined> => {
      const planner = plannerSettings(settings.current);
      const document = await configDocument(args?.uri);
      const analysis = document ? await cache.analysis(document) : undefined;
      if (args && typeof args === 'object') return automated(args, planner, document, analysis);

      const asked = await askPlanInput(planner, analysis, document ? baseName(document.uri) : undefined);
      if (!asked) return undefined;
      // The person's own fit may still be arriving (they just chose it, or edited their runs): plan under it.
      const fit = settledFitChoice(settings.current);
      vscode.window.setStatusBarMessage('$(sync~spin) Compute Budget: fitting your runs…', fit);
      const input: PlanInput = { ...asked, fit: await fit };
      let result: PlanResult;
      try {
        result = plan(input);
      } catch (error) {
        if (error instanceof PlanError) {
          void notify.error(`Compute Budget: ${error.message}`);
          return undefined;
        }
        throw error;
      }
      // The config's run laid out on the plan's accelerator; a refit below does not change them.
      const laying = layoutsForPlan(cache, document, analysis, result);
      if (document) vscode.window.setStatusBarMessage('$(sync~spin) Compute Budget: laying the run out on the accelerator…', laying);
      const layouts = await laying;
      /** The plan's chart with the offer to write it into the config, which stays in the plan view until answered. */
      const planChart = (planned: PlanResult, fit: PlanInput['fit']) => {
        const chart = chartForPlan(planned, { fit }, layouts);
        const writeBack = writeBackOffer(planned, document, analysis);
        return writeBack && chart.plan ? { ...chart, plan: { ...chart.plan, writeBack } } : chart;
      };
      let shown = result;
      /** The same plan under the fit as it is now: the plan view follows a refit of the person's runs. */
      const replan = () => {
        const now = lossFitChoice(settings.current);
        try {
          shown = plan({ ...input, fit: now });
          return planChart(shown, now);
        } catch (error) {
          if (error instanceof PlanError) return undefined;
          throw error;
        }
      };
      const writeBack = document ? () => void chooseWriteBack(shown, document, (current) => cache.analysis(current)) : undefined;
      const rendered = await ChartPanel.show(extensionUri, planChart(result, input.fit), undefined, undefined, { rebuild: replan, writeBack });
      return { plan: result, rendered, ...(layouts ? { layouts: layouts.layouts } : {}) };
    }),

    registerChartFollowing(extensionUri, cache, chartOf),
    { dispose: () => ChartPanel.active?.dispose() },
  );

  async function automated(
    args: PlanCommandArgs,
    planner: PlannerSettings,
    document: vscode.TextDocument | undefined,
    analysis: Analysis | undefined,
  ): Promise<PlanCommandResult> {
    const input = inputFromArgs(args, planner, analysis, await settledFitChoice(settings.current));
    const result = plan(input);
    const writeBack = document && analysis ? writeBackData(result, analysis) : undefined;
    const layouts = await layoutsForPlan(cache, document, analysis, result);
    const rendered =
      args.open === false ? undefined : await ChartPanel.show(extensionUri, chartForPlan(result, { fit: lossFitChoice(settings.current) }, layouts), undefined);
    let applied: boolean | undefined;
    if (args.writeBack && document) {
      // With a label, the choice as it was offered earlier: applied only if the file still means the same.
      const chosen = typeof args.writeBack === 'object' ? args.writeBack : writeBack?.choices.find((choice) => choice.kind === args.writeBack);
      applied = chosen ? await applyWriteBack(result, document, chosen, (current) => cache.analysis(current), args.preview !== false) : false;
    }
    return { plan: result, rendered, writeBack, applied, ...(layouts ? { layouts: layouts.layouts } : {}) };
  }
}

function inputFromArgs(args: PlanCommandArgs, planner: PlannerSettings, analysis: Analysis | undefined, fit: PlanInput['fit']): PlanInput {
  return planInputFrom(
    { ...args, gpu: args.gpu ?? args.accelerator },
    { accelerators: planner.accelerators, mfu: planner.mfu, pricePerAcceleratorHour: planner.pricePerAcceleratorHour, fit, flops: analysis?.flops },
  );
}
