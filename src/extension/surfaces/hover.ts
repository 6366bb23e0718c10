import * as vscode from 'vscode';
import { explainAt, type KeyExplanation } from '../../core/report/explain';
import { UNICODE_NUMBERS } from '../../core/report/format';
import type { Analysis } from '../../core/analyze';
import type { AnalysisCache } from '../analysisCache';
import { DOCUMENT_SELECTOR } from '../documents';
import { hoverMarkdown } from './hoverContent';
import { memoryKnobNamed } from './memoryRows';

/** Hovers on the keys that drive the budget (hidden size, layers, heads, steps, batch, tokens, …) and the memory knobs. */
export function registerHover(context: vscode.ExtensionContext, cache: AnalysisCache): void {
  context.subscriptions.push(
    vscode.languages.registerHoverProvider(DOCUMENT_SELECTOR, {
      async provideHover(document, position) {
        const analysis = await cache.analysis(document);
        const explanation = explainAt(analysis, document.offsetAt(position), UNICODE_NUMBERS) ?? memoryKnobAt(document, position, analysis);
        if (!explanation) return undefined;
        // Untrusted and without HTML: config text is escaped and nothing in it can run a command.
        const markdown = new vscode.MarkdownString(hoverMarkdown(analysis, explanation));
        markdown.isTrusted = false;
        markdown.supportHtml = false;
        return new vscode.Hover(markdown, new vscode.Range(document.positionAt(explanation.span.start), document.positionAt(explanation.span.end)));
      },
    }),
  );
}

/** A parallelism, batch or recompute key the memory estimate read: the hover says what it set. */
function memoryKnobAt(document: vscode.TextDocument, position: vscode.Position, analysis: Analysis): KeyExplanation | undefined {
  const range = document.getWordRangeAtPosition(position, /[A-Za-z0-9_.-]+/);
  if (!range) return undefined;
  const knob = memoryKnobNamed(analysis, document.getText(range));
  if (!knob?.key) return undefined;
  return {
    span: { start: document.offsetAt(range.start), end: document.offsetAt(range.end) },
    key: knob.key,
    contributions: [`Memory layout: ${knob.knob} = ${String(knob.value)}${knob.note ? ` (${knob.note})` : ''}`],
  };
}
