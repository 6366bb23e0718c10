import * as vscode from 'vscode';
import type { FixHint } from '../../core/analysis/findings';
import { FACT_EXAMPLES, FACT_NAMES, type FactName } from '../../core/source/directives';
import type { AnalysisCache } from '../analysisCache';
import { CommandId, DIAGNOSTIC_SOURCE } from '../commandIds';
import { DOCUMENT_SELECTOR, isConfigDocument } from '../documents';
import { FACTS_FILE_NAME } from '../../core/workspaceFacts/names';
import { isFactsFile, type WorkspaceFacts } from '../workspaceFacts';
import { rangeOf } from './diagnostics';
import { notify } from '../notify';

/** Languages whose files may hold a `# compute-budget:` comment; plain JSON cannot. */
const COMMENTED = new Set(['yaml', 'jsonc', 'toml', 'shellscript', 'compute-budget']);

/**
 * Quick fixes where the edit is obvious: set the length to the Chinchilla-optimal count, or add
 * the fact the engine asked for, as a `# compute-budget:` comment where the syntax has comments
 * and in the workspace's `.compute-budget.yaml` where it has none (plain JSON). Nothing else
 * edits a file, and every edit is one the user chose.
 */
export function registerCodeActions(context: vscode.ExtensionContext, cache: AnalysisCache, facts: WorkspaceFacts): void {
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider(
      DOCUMENT_SELECTOR,
      {
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
      },
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
    ),
    vscode.commands.registerCommand(CommandId.addFact, (uri?: vscode.Uri, name?: FactName, value?: string, suggested?: number) =>
      addFact(facts, uri, name, value, suggested),
    ),
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
  if (!COMMENTED.has(document.languageId)) {
    // Plain JSON has no comments: a directive would break the file for the framework that reads
    // it, so the fact goes into the workspace's facts file, which needs the file's path.
    if (document.isUntitled) return undefined;
    action.title = `Add ${fix.fact} for this file in ${FACTS_FILE_NAME}`;
  }
  action.command = { command: CommandId.addFact, title: fix.title, arguments: [document.uri, fix.fact, undefined, fix.suggested] };
  return action;
}

/**
 * Adds a fact for one config: as `# compute-budget: NAME=VALUE` at the top of a file whose syntax
 * has comments, else in the workspace's `.compute-budget.yaml`. From the palette it asks for the
 * fact and the value; automation and tests pass them. Returns whether the edit was applied.
 */
async function addFact(facts: WorkspaceFacts, uri?: vscode.Uri, name?: FactName, value?: string, suggested?: number): Promise<boolean> {
  const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document || !isConfigDocument(document) || isFactsFile(document.uri)) {
    void notify.info('Compute Budget: open a training config first; the fact is added for that file.');
    return false;
  }
  const fact = name ?? (await pickFact());
  if (!fact || !Object.hasOwn(FACT_NAMES, fact)) return false;
  const commented = COMMENTED.has(document.languageId);
  if (!commented && document.isUntitled) {
    void notify.info(`Compute Budget: save this file first; its facts go into ${FACTS_FILE_NAME} under its path, as plain JSON has no comments.`);
    return false;
  }
  const given =
    value ??
    (await vscode.window.showInputBox({
      title: `Compute Budget: ${FACT_NAMES[fact]}`,
      prompt: commented
        ? `Value for ${fact} (e.g. ${FACT_EXAMPLES[fact].join(', ')}). It is written as a comment, so the config stays valid for its framework.`
        : `Value for ${fact} (e.g. ${FACT_EXAMPLES[fact].join(', ')}). Plain JSON has no comments, so it is written in ${FACTS_FILE_NAME} for this file.`,
      value: suggested !== undefined ? String(suggested) : undefined,
      validateInput: (text) =>
        /^\s*\d[\d_.]*(e\d+)?\s*[kKmMbBtT]?\s*$/.test(text) || (fact === 'vocab' && /^\s*[\w.-]+\s*$/.test(text))
          ? undefined
          : `A positive number, optionally with K, M, B or T${fact === 'vocab' ? ', or a tokenizer name' : ''}`,
    }));
  if (!given) return false;
  if (!commented) return facts.addFact(document.uri, fact, given.trim());
  const comment = document.languageId === 'jsonc' ? '//' : '#';
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, new vscode.Position(0, 0), `${comment} compute-budget: ${fact}=${given.trim()}\n`);
  return vscode.workspace.applyEdit(edit);
}

async function pickFact(): Promise<FactName | undefined> {
  const items = (Object.keys(FACT_NAMES) as FactName[]).map((fact) => ({ label: fact, detail: FACT_NAMES[fact], fact }));
  const chosen = await vscode.window.showQuickPick(items, { title: 'Compute Budget: add a fact the config does not hold', placeHolder: 'Which fact?' });
  return chosen?.fact;
}
