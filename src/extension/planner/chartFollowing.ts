import * as vscode from 'vscode';
import type { Analysis } from '../../core/analyze';
import type { ChartData } from '../../core/planner/chartData';
import type { ChartState } from '../../protocol/chartMessages';
import type { AnalysisCache } from '../analysisCache';
import { CHART_VIEW_TYPE, ChartPanel, webviewOptions } from './chartPanel';

/**
 * Keeps a chart that follows a config in step with it: redrawn as the config is edited, and
 * brought back after a window reload (the panel's serializer) from the config as it is then.
 */
export function registerChartFollowing(
  extensionUri: vscode.Uri,
  cache: AnalysisCache,
  chartOf: (document: vscode.TextDocument, analysis: Analysis) => ChartData,
): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.window.registerWebviewPanelSerializer(CHART_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: ChartState | undefined) {
        panel.webview.options = webviewOptions(extensionUri);
        const revived = ChartPanel.revive(panel, extensionUri, state);
        // After a window reload the editors come back after the panels, so the config may not be
        // open yet: open it (without showing it) rather than wait for an editor.
        if (revived.source) {
          const document = await vscode.workspace.openTextDocument(revived.source).then(
            (opened) => opened,
            () => undefined,
          );
          if (document)
            void cache
              .analysis(document)
              .then((analysis) => revived.render(chartOf(document, analysis), state?.view))
              .catch(() => undefined);
        }
      },
    }),
    cache.onDidAnalyze(({ document, analysis }) => {
      const panel = ChartPanel.active;
      if (!panel?.source || panel.source.toString() !== document.uri.toString()) return;
      void panel.render(chartOf(document, analysis)).catch(() => undefined);
    }),
  );
}
