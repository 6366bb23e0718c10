import * as vscode from 'vscode';
import { diagnosticPage } from '../../core/docs/diagnosticDocs';
import readme from '../../../README.md';

/**
 * Diagnostic code links open a read-only page for that code, served from the README bundled into
 * the extension: the same in a packaged VSIX (which renames README.md), in development and in
 * the browser, and it opens at the code's own text, not at the top of the README.
 */
export const DOCS_SCHEME = 'compute-budget-docs';

export function diagnosticDocUri(code: string): vscode.Uri {
  return vscode.Uri.from({ scheme: DOCS_SCHEME, path: `/${encodeURIComponent(code)}.md` });
}

export function registerDiagnosticDocs(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(DOCS_SCHEME, {
      provideTextDocumentContent: (uri) => diagnosticPage(readme, decodeURIComponent(uri.path.replace(/^\//, '').replace(/\.md$/, ''))),
    }),
  );
}
