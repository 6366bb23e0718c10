import * as vscode from 'vscode';
import type { Analysis } from '../../core/analyze';
import { UNICODE_NUMBERS as n } from '../../core/report/format';
import type { PlanResult } from '../../core/planner/plan';
import { writeBackChoices, type WriteBackChoice } from '../../core/planner/writeBack';
import type { PlanCommandResult } from './commandTypes';
import { baseName } from '../documents';
import { confirmInDiff } from './writeBackPreview';

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
 * Offers the write-back: a notification with the plan, then the choices that keep the file
 * honest, then VS Code's refactor preview of the diff. Nothing is written without the person's
 * click, and the edit is worked out again from the file as it is at that moment.
 */
export async function offerWriteBack(
  result: PlanResult,
  document: vscode.TextDocument | undefined,
  analysis: Analysis | undefined,
  analysisOf: (document: vscode.TextDocument) => Promise<Analysis>,
): Promise<void> {
  const hardware = result.hardware
    ? `, ${n.days(result.hardware.wallClockDays)} days on ${n.grouped(result.hardware.count)} × ${result.hardware.acceleratorName}`
    : '';
  const summary = `Plan: ${n.count(result.parameters)} parameters × ${n.count(result.tokens)} tokens = ${n.flops(result.flops)} FLOP${hardware}. The plan view has the rest.`;
  if (!document || !analysis) {
    void vscode.window.showInformationMessage(summary);
    return;
  }
  const name = baseName(document.uri);
  const { choices, notes } = writeBackChoices(result, analysis, n);
  if (!choices.length) {
    void vscode.window.showInformationMessage(`${summary} ${notes.join(' ')} Nothing can be written to ${name}.`);
    return;
  }
  const action = `Write to ${name}…`;
  if ((await vscode.window.showInformationMessage([summary, ...notes].join(' '), action)) !== action) return;
  const picked = await vscode.window.showQuickPick(
    choices.map((choice) => ({ label: choice.label, detail: choice.detail, choice })),
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
  const name = baseName(document.uri);
  if (document.isClosed) {
    void vscode.window.showWarningMessage(`${name} was closed; nothing was written.`);
    return false;
  }
  let version: number;
  let fresh: WriteBackChoice | undefined;
  do {
    version = document.version;
    fresh = writeBackChoices(result, await analysisOf(document), n).choices.find((choice) => choice.kind === chosen.kind);
  } while (document.version !== version);
  if (!fresh || fresh.label !== chosen.label) {
    void vscode.window.showWarningMessage(
      `${name} changed since the plan, so "${chosen.label}" no longer fits it; nothing was written. Plan again to write it.`,
    );
    return false;
  }
  if (preview) {
    if (!(await confirmInDiff(document, fresh))) return false;
    if (document.version !== version) {
      void vscode.window.showWarningMessage(`${name} changed while the preview was open; nothing was written. Plan again to write it.`);
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
