import * as vscode from 'vscode';
import type { FixHint } from '../../core/findings';
import { FACT_NAMES, type FactName } from '../../core/source/directives';
import type { AnalysisCache } from '../analysisCache';
import { CommandId, DIAGNOSTIC_SOURCE } from '../commandIds';
import { DOCUMENT_SELECTOR } from '../documents';
import { rangeOf } from './diagnostics';

/**
 * Quick fixes where the edit is obvious: set the length to the Chinchilla-optimal count, or add
 * the fact the engine asked for as a `# compute-budget:` comment. Nothing else edits the file.
 */
export function registerCodeActions(context: vscode.ExtensionContext, cache: AnalysisCache): void {
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider(DOCUMENT_SELECTOR, {
      async provideCodeActions(document, _range, actionContext) {
        const ours = actionContext.diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
        if (!ours.length) return [];
        const analysis = await cache.analysis(document);
        const actions: vscode.CodeAction[] = [];
        for (const diagnostic of ours) {
          const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
          const finding = analysis.findings.find((candidate) => candidate.code === code && rangeOf(document, candidate).isEqual(diagnostic.range));
          for (const fix of finding?.fixes ?? []) {
            const action = toAction(document, fix);
            if (action) {
              action.diagnostics = [diagnostic];
              actions.push(action);
            }
          }
        }
        return actions;
      },
    }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    vscode.commands.registerCommand(CommandId.addFact, addFact),
  );
}

function toAction(document: vscode.TextDocument, fix: FixHint): vscode.CodeAction | undefined {
  const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  if (fix.kind === 'set-value') {
    action.edit = new vscode.WorkspaceEdit();
    action.edit.replace(document.uri, new vscode.Range(document.positionAt(fix.span.start), document.positionAt(fix.span.end)), fix.newText);
    action.isPreferred = true;
    return action;
  }
  // Plain JSON has no comments: a directive would break the file for the framework that reads it.
  if (document.languageId === 'json') return undefined;
  action.command = { command: CommandId.addFact, title: fix.title, arguments: [document.uri, fix.fact, undefined, fix.suggested] };
  return action;
}

/**
 * Adds `# compute-budget: NAME=VALUE` at the top of the file. Asks for the value unless it is
 * passed (automation and tests pass it). Returns whether the edit was applied.
 */
async function addFact(uri: vscode.Uri, name: FactName, value?: string, suggested?: number): Promise<boolean> {
  if (!Object.hasOwn(FACT_NAMES, name)) return false;
  const given = value ?? (await vscode.window.showInputBox({
    title: `Compute Budget: ${FACT_NAMES[name]}`,
    prompt: `Value for ${name} (e.g. 128, 1.2B, 2T). It is written as a comment, so the config stays valid for its framework.`,
    value: suggested !== undefined ? String(suggested) : undefined,
    validateInput: (text) => (/^\s*\d[\d_.]*(e\d+)?\s*[kKmMbBtT]?\s*$/.test(text) ? undefined : 'A positive number, optionally with K, M, B or T'),
  }));
  if (!given) return false;
  const document = await vscode.workspace.openTextDocument(uri);
  const comment = document.languageId === 'jsonc' ? '//' : '#';
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(0, 0), `${comment} compute-budget: ${name}=${given.trim()}\n`);
  return vscode.workspace.applyEdit(edit);
}
