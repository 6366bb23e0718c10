import * as vscode from 'vscode';
import type { Analysis } from '../../core/analyze';
import type { Finding, Severity } from '../../core/analysis/findings';
import type { AnalysisCache } from '../analysisCache';
import type { Settings } from '../settings';
import type { SettingsStore } from '../settingsStore';
import { DIAGNOSTIC_SOURCE } from '../commandIds';
import { diagnosticDocUri } from './diagnosticDocUri';
import { registerDiagnosticDocs } from './diagnosticDocs';

const SEVERITIES: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** Findings become Problems-panel diagnostics, each linking to its code's documentation. */
export function registerDiagnostics(context: vscode.ExtensionContext, cache: AnalysisCache, settings: SettingsStore): void {
  const collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  registerDiagnosticDocs(context);
  context.subscriptions.push(
    collection,
    cache.onDidAnalyze(({ document, analysis }) => collection.set(document.uri, toDiagnostics(document, analysis, settings.current))),
    vscode.workspace.onDidCloseTextDocument((document) => collection.delete(document.uri)),
  );
}

export function toDiagnostics(document: vscode.TextDocument, analysis: Analysis, settings: Settings): vscode.Diagnostic[] {
  const overrides = settings.severities;
  const diagnostics: vscode.Diagnostic[] = [];
  for (const finding of analysis.findings) {
    const chosen = overrides[finding.code] ?? finding.severity;
    if (chosen === 'off' || !Object.hasOwn(SEVERITIES, chosen)) continue;
    const diagnostic = new vscode.Diagnostic(rangeOf(document, finding), finding.message, SEVERITIES[chosen as Severity]);
    diagnostic.source = DIAGNOSTIC_SOURCE;
    diagnostic.code = { value: finding.code, target: diagnosticDocUri(finding.code) };
    diagnostics.push(diagnostic);
  }
  return diagnostics;
}

/** A finding's range; findings about the whole file get its first line rather than nothing. */
export function rangeOf(document: vscode.TextDocument, finding: Finding): vscode.Range {
  const start = document.positionAt(finding.span.start);
  const end = document.positionAt(finding.span.end);
  return start.isEqual(end) ? document.lineAt(start.line).range : new vscode.Range(start, end);
}
