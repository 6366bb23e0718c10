import * as vscode from 'vscode';
import type { Analysis } from '../../core/analyze';
import { UNICODE_NUMBERS as n } from '../../core/report/format';
import type { AnalysisCache } from '../analysisCache';
import { CommandId } from '../commandIds';
import { isConfigDocument } from '../documents';
import { euThreshold } from './summary';

/** FLOPs and the EU fraction of the active config; a click opens the chart. */
export function registerStatusBar(context: vscode.ExtensionContext, cache: AnalysisCache): void {
  const item = vscode.window.createStatusBarItem('computeBudget.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Compute Budget';
  item.command = CommandId.showChart;
  const show = (document: vscode.TextDocument | undefined, analysis?: Analysis) => {
    if (!document || !isConfigDocument(document)) return item.hide();
    // Switching editors: show what is known now; the scheduler publishes a fresh one if needed.
    const result = analysis ?? cache.settled(document);
    if (!result) return;
    const text = statusText(result);
    if (!text) return item.hide();
    item.text = text;
    item.tooltip = 'Compute Budget: click to open the chart of this run';
    item.show();
  };
  context.subscriptions.push(
    item,
    cache.onDidAnalyze(({ document, analysis }) => {
      if (vscode.window.activeTextEditor?.document === document) show(document, analysis);
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => show(editor?.document)),
  );
}

export function statusText(analysis: Analysis): string | undefined {
  if (analysis.flops !== null) {
    const eu = euThreshold(analysis);
    // A fine-tune's share of 10²⁵ is mostly its base's pretraining: say so, as the inline summary does.
    const withBase = analysis.fineTune && analysis.fineTune.baseFlops !== null ? ' with base' : '';
    return `$(graph) ${analysis.fineTune ? 'fine-tune ' : ''}${n.flops(analysis.flops)} FLOP${eu ? ` · ${n.percent(eu.fraction)} EU${withBase}` : ''}`;
  }
  if (analysis.parameters.total !== null) return `$(graph) ${n.count(analysis.parameters.total)} params · tokens?`;
  return undefined;
}
