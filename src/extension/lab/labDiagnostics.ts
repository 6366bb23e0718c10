import * as vscode from 'vscode';
import type { LabFinding } from '../../core/lab/findings';
import { LineIndex } from '../../core/source/lines';
import { DIAGNOSTIC_SOURCE } from '../commandIds';
import { diagnosticDocUri } from '../surfaces/diagnosticDocUri';

/** Past any line's end: a range ending here covers the line. */
const WHOLE_LINE = 2 ** 31 - 1;

const SEVERITIES = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
} as const;

/** Lab findings (a runs file's bad rows, a fit's ARE) as diagnostics at their lines in that file. */
export function labDiagnostics(name = 'compute-budget-lab') {
  const collection = vscode.languages.createDiagnosticCollection(name);
  let shown: vscode.Uri | undefined;
  return {
    /** `text` undefined: a file too large to decode on the host; each finding marks its whole lines. */
    show(uri: vscode.Uri, text: string | undefined, findings: readonly LabFinding[]): void {
      if (shown && shown.toString() !== uri.toString()) collection.delete(shown);
      shown = uri;
      collection.set(uri, labToDiagnostics(text, findings));
    },
    clear(): void {
      collection.clear();
      shown = undefined;
    },
    set(uri: vscode.Uri, diagnostics: readonly vscode.Diagnostic[]): void {
      collection.set(uri, diagnostics);
    },
    delete(uri: vscode.Uri): void {
      collection.delete(uri);
    },
    dispose: () => collection.dispose(),
  };
}

export type LabDiagnostics = ReturnType<typeof labDiagnostics>;

export function labToDiagnostics(text: string | undefined, findings: readonly LabFinding[]): vscode.Diagnostic[] {
  const lines = text === undefined ? undefined : new LineIndex(text);
  return findings.map((finding) => {
    let range: vscode.Range;
    if (text === undefined || lines === undefined) {
      // The editor clamps the end to the line's length.
      range = new vscode.Range(finding.lines.first - 1, 0, finding.lines.last - 1, WHOLE_LINE);
    } else {
      const start = lines.position(finding.span.start);
      const end = lines.position(finding.span.end);
      range = new vscode.Range(start.line - 1, start.column - 1, end.line - 1, end.column - 1);
      // A finding about the whole file (span 0–0) marks its first line rather than nothing.
      if (range.isEmpty) range = new vscode.Range(start.line - 1, 0, start.line - 1, lineLength(text, finding.span.start));
    }
    const diagnostic = new vscode.Diagnostic(range, finding.message, SEVERITIES[finding.severity]);
    diagnostic.source = DIAGNOSTIC_SOURCE;
    // The lab's codes are documented in docs/lab.md; the link opens that code's section.
    diagnostic.code = { value: finding.code, target: diagnosticDocUri(finding.code) };
    return diagnostic;
  });
}

function lineLength(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return (end < 0 ? text.length : end) - lineStart;
}
