import * as vscode from 'vscode';
import type { Analysis } from '../../core/analyze';
import { UNICODE_NUMBERS as n } from '../../core/report/format';
import type { PlanResult } from '../../core/planner/plan';
import { writeBackChoices, type WriteBackChoice } from '../../core/planner/writeBack';
import type { PlanCommandResult } from './commandTypes';
import { baseName } from '../documents';
import { confirmInDiff } from './writeBackPreview';
import { notify } from '../notify';
import { iconLabelText, MAX_NAME, MAX_PLAIN, plainText } from '../../core/text/editorText';

/** The choices as plain data, for tests and automation: offsets into the document as it is now. */
export function writeBackData(result: PlanResult, analysis: Analysis): PlanCommandResult['writeBack'] {
  const { choices, notes } = writeBackChoices(result, analysis, n);
  return {
    notes,
    choices: choices.map((choice) => ({
      kind: choice.kind,
      label: choice.label,
      detail: choice.detail,
      edits: choice.edits.map((edit) => ({ start: edit.span.start, end: edit.span.end, newText: edit.newText })),
    })),
  };
}

/**
 * The write-back offer the plan view shows above the plan (a notification would hide after a few
 * seconds and cover the plan): the button's words when something can be written, and the notes
 * that say what the file's model fixes or why nothing can be written. None without a config.
 */
export function writeBackOffer(
  result: PlanResult,
  document: vscode.TextDocument | undefined,
  analysis: Analysis | undefined,
): { action?: string; notes: string[] } | undefined {
  if (!document || !analysis) return undefined;
  const name = baseName(document.uri);
  const { choices, notes } = writeBackChoices(result, analysis, n);
  if (!choices.length) return { notes: [...notes, `Nothing can be written to ${name}.`] };
  return { action: `Write to ${name}…`, notes: [...notes] };
}

/**
 * The plan view's write-back button: the choices that keep the file honest, then the diff to
 * confirm. Nothing is written without the person's click, and the edit is worked out again from
 * the file as it is at that moment.
 */
export async function chooseWriteBack(
  result: PlanResult,
  document: vscode.TextDocument,
  analysisOf: (document: vscode.TextDocument) => Promise<Analysis>,
): Promise<void> {
  const name = plainText(baseName(document.uri), MAX_NAME);
  if (document.isClosed) {
    void notify.warning(`${name} was closed; nothing was written.`);
    return;
  }
  const { choices, notes } = writeBackChoices(result, await analysisOf(document), n);
  if (!choices.length) {
    void notify.info(`${notes.join(' ')} Nothing can be written to ${name}.`);
    return;
  }
  const picked = await vscode.window.showQuickPick(
    choices.map((choice) => ({ label: iconLabelText(choice.label), detail: iconLabelText(choice.detail, MAX_PLAIN), choice })),
    { title: `Write the plan to ${name}`, placeHolder: `What should ${name} say? You see the change before it is made.`, ignoreFocusOut: true },
  );
  if (!picked) return;
  await applyWriteBack(result, document, picked.choice, analysisOf, true);
}

/**
 * Applies a choice to the file as it is now: if the file changed so that the same choice would
 * now mean something else (another model size), nothing is written and the person is told.
 */
export async function applyWriteBack(
  result: PlanResult,
  document: vscode.TextDocument,
  chosen: Pick<WriteBackChoice, 'kind' | 'label'>,
  analysisOf: (document: vscode.TextDocument) => Promise<Analysis>,
  preview: boolean,
): Promise<boolean> {
  const name = plainText(baseName(document.uri), MAX_NAME);
  if (document.isClosed) {
    void notify.warning(`${name} was closed; nothing was written.`);
    return false;
  }
  let version: number;
  let fresh: WriteBackChoice | undefined;
  do {
    version = document.version;
    fresh = writeBackChoices(result, await analysisOf(document), n).choices.find((choice) => choice.kind === chosen.kind);
  } while (document.version !== version);
  if (!fresh || fresh.label !== chosen.label) {
    void notify.warning(
      `${name} changed since the plan, so "${plainText(chosen.label, MAX_NAME)}" no longer fits it; nothing was written. Plan again to write it.`,
    );
    return false;
  }
  if (preview) {
    if (!(await confirmInDiff(document, fresh))) return false;
    if (document.version !== version) {
      void notify.warning(`${name} changed while the preview was open; nothing was written. Plan again to write it.`);
      return false;
    }
  }
  // Worked out from this version of the document and applied in this turn: nothing slips in between.
  const edit = new vscode.WorkspaceEdit();
  for (const each of fresh.edits) {
    edit.replace(document.uri, new vscode.Range(document.positionAt(each.span.start), document.positionAt(each.span.end)), each.newText, {
      label: fresh.label,
      description: each.title,
      needsConfirmation: false,
    });
  }
  return vscode.workspace.applyEdit(edit);
}
