import * as vscode from 'vscode';
import type { Analysis } from '../../core/analyze';
import type { AnalysisCache } from '../analysisCache';
import type { SettingsStore } from '../settingsStore';
import { codeEnd } from '../../core/source/lines';
import { plainText } from '../../core/text/editorText';
import { budgetSummary, modelSummary } from './summary';
import { memorySummary } from './memoryRows';

/**
 * The Import Cost look: a muted summary after the line that fixes the model size and the
 * line that fixes the training length. One decoration type; colour from a contributed theme colour.
 */
export function registerDecorations(context: vscode.ExtensionContext, cache: AnalysisCache, settings: SettingsStore): void {
  const type = vscode.window.createTextEditorDecorationType({
    after: { color: new vscode.ThemeColor('computeBudget.inlineForeground'), margin: '0 0 0 2em', fontStyle: 'italic' },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedOpen,
  });
  const apply = (document: vscode.TextDocument, analysis: Analysis) => {
    const options = settings.current.decorations ? decorationsFor(document, analysis) : [];
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document === document) editor.setDecorations(type, options);
    }
  };
  context.subscriptions.push(
    type,
    cache.onDidAnalyze(({ document, analysis }) => apply(document, analysis)),
  );
}

export function decorationsFor(document: vscode.TextDocument, analysis: Analysis): vscode.DecorationOptions[] {
  const byLine = new Map<number, string[]>();
  const add = (offset: number | undefined, text: string | undefined) => {
    if (offset === undefined || !text) return;
    const line = document.positionAt(offset).line;
    byLine.set(line, [...(byLine.get(line) ?? []), text]);
  };
  const budget = budgetSummary(analysis);
  const model = modelSummary(analysis);
  const trainingAnchor = analysis.training.anchor?.end ? analysis.training.anchor : undefined;
  const modelAnchor = analysis.model.anchor?.end ? analysis.model.anchor : undefined;
  add(modelAnchor?.start, model);
  add(trainingAnchor?.start ?? (budget ? modelAnchor?.start : undefined), budget);
  // The memory estimate rides on the budget's line (or the model's): it is a summary of the whole run.
  add(trainingAnchor?.start ?? modelAnchor?.start, memorySummary(analysis));
  return [...byLine].map(([line, texts]) => {
    const text = document.lineAt(line).text;
    // After the code, before a trailing comment: a long comment would push the summary off-screen.
    const end = new vscode.Position(line, codeEnd(text));
    return { range: new vscode.Range(end, end), renderOptions: { after: { contentText: plainText(texts.join(' · ')) } } };
  });
}
