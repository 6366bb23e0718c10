import * as vscode from 'vscode';
import { UNICODE_NUMBERS } from '../core/report/format';
import { computeStatement, statementMarkdown } from '../core/report/statement';
import type { AnalysisCache } from './analysisCache';
import { CommandId } from './commandIds';
import { isConfigDocument } from './documents';
import { rememberSideColumn, sideColumn } from './sideGroup';
import { notify } from './notify';

/**
 * "Compute Budget: Export compute statement": the active config's compute statement as a new
 * Markdown document beside it, for the person to read, save or send. Nothing is written to disk.
 */
export function registerStatement(context: vscode.ExtensionContext, cache: AnalysisCache): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(CommandId.exportStatement, async (uri?: string): Promise<string | undefined> => {
      const document = uri ? await vscode.workspace.openTextDocument(vscode.Uri.parse(uri)) : vscode.window.activeTextEditor?.document;
      if (!document || !isConfigDocument(document)) {
        void notify.info('Compute Budget: open a training config to state its compute.');
        return undefined;
      }
      const analysis = await cache.analysis(document);
      const manifest = context.extension.packageJSON as { version?: unknown } | undefined;
      const issue = { issued: new Date().toISOString().slice(0, 10), toolVersion: typeof manifest?.version === 'string' ? manifest.version : undefined };
      const statement = computeStatement({ ...analysis, file: vscode.workspace.asRelativePath(document.uri) }, UNICODE_NUMBERS, issue);
      const content = statementMarkdown(statement, UNICODE_NUMBERS);
      const opened = await vscode.workspace.openTextDocument({ language: 'markdown', content });
      const configColumn = vscode.window.visibleTextEditors.find((editor) => editor.document === document)?.viewColumn;
      const shown = await vscode.window.showTextDocument(opened, { viewColumn: sideColumn(configColumn), preview: false });
      rememberSideColumn(shown.viewColumn);
      return content;
    }),
  );
}
