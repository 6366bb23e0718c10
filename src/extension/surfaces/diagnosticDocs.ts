import * as vscode from 'vscode';
import pages from 'compute-budget:doc-sections';
import { diagnosticPage } from '../../core/docs/diagnosticDocs';
import { DOCS_SCHEME } from './diagnosticDocUri';

/**
 * Diagnostic code links open a read-only page for that code, served from the `### <code>` sections
 * of the docs pages bundled into the extension (docs/diagnostics.md and any other docs/*.md page
 * that documents codes): the same in a packaged VSIX, in development and in the browser, and it
 * opens at the code's own text, not at the top of a long page.
 */

export function registerDiagnosticDocs(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(DOCS_SCHEME, {
      provideTextDocumentContent: (uri) => diagnosticPage(pages, decodeURIComponent(uri.path.replace(/^\//, '').replace(/\.md$/, ''))),
    }),
  );
}
