import * as vscode from 'vscode';

/**
 * Where a diagnostic code's page lives: a read-only document of the docs scheme. Apart from the
 * provider (diagnosticDocs.ts), so that the modules that only link to a page do not import the
 * bundled docs, which exist only in an esbuild bundle (the integration tests load tsc's output).
 */
export const DOCS_SCHEME = 'compute-budget-docs';

export function diagnosticDocUri(code: string): vscode.Uri {
  return vscode.Uri.from({ scheme: DOCS_SCHEME, path: `/${encodeURIComponent(code)}.md` });
}
