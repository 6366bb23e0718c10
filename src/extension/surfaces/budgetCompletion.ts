import * as vscode from 'vscode';
import { budgetCompletions, type BudgetCompletion } from '../../core/schema/budgetCompletion';

const KINDS: Record<BudgetCompletion['kind'], vscode.CompletionItemKind> = {
  key: vscode.CompletionItemKind.Property,
  section: vscode.CompletionItemKind.Module,
  value: vscode.CompletionItemKind.Value,
  snippet: vscode.CompletionItemKind.Snippet,
};

/**
 * Keys and values of plain budget files from `schemas/budget.schema.json`. Budget files have their
 * own language, so Red Hat's YAML extension (which reads the schema through `yamlValidation`) does
 * not see them, and code-server has no YAML extension at all: this provider is what completes them.
 */
export function registerBudgetCompletion(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(
      { language: 'compute-budget' },
      {
        provideCompletionItems(document, position) {
          return budgetCompletions(document.getText(), document.offsetAt(position)).map((completion) => {
            const item = new vscode.CompletionItem(completion.label, KINDS[completion.kind]);
            item.detail = completion.detail;
            // Our own schema's text: untrusted, so nothing in it can run a command.
            item.documentation = new vscode.MarkdownString(completion.documentation);
            item.insertText = new vscode.SnippetString(completion.insertText);
            item.sortText = completion.sortText;
            item.range = new vscode.Range(document.positionAt(completion.replace.start), document.positionAt(completion.replace.end));
            return item;
          });
        },
      },
    ),
  );
}
