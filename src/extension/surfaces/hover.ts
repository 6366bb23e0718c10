import * as vscode from 'vscode';
import { explainAt } from '../../core/report/explain';
import { UNICODE_NUMBERS } from '../../core/report/format';
import type { AnalysisCache } from '../analysisCache';
import { DOCUMENT_SELECTOR } from '../documents';
import { hoverMarkdown } from './hoverContent';

/** Hovers on the keys that drive the budget (hidden size, layers, heads, steps, batch, tokens, …). */
export function registerHover(context: vscode.ExtensionContext, cache: AnalysisCache): void {
  context.subscriptions.push(
    vscode.languages.registerHoverProvider(DOCUMENT_SELECTOR, {
      async provideHover(document, position) {
        const analysis = await cache.analysis(document);
        const explanation = explainAt(analysis, document.offsetAt(position), UNICODE_NUMBERS);
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
