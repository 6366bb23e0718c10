import * as vscode from 'vscode';
import type { Analysis } from '../../core/analyze';
import { readLogLink } from '../../core/lab/logLink';
import type { WorkspaceStop } from '../../core/lab/workspaceStop';
import type { AnalysisCache } from '../analysisCache';
import { DIAGNOSTIC_SOURCE } from '../commandIds';
import { folderOf, type RealPath } from '../linkCheck';
import type { Settings } from '../settings';
import { diagnosticDocUri } from '../surfaces/diagnosticDocUri';
import type { FitRunner } from './fitRunner';
import { insideLabBoundary } from './labBoundary';
import { readContent } from './workspaceFit';

const SEVERITIES = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
} as const;

/** A config's linked loss log and what the stop rule said about it, for the chart's loss-curve view. */
export interface StopCheck {
  readonly config: vscode.Uri;
  readonly log: vscode.Uri;
  readonly stop: WorkspaceStop;
  /** The config's planned training tokens, if known. */
  readonly plannedTokens: number | undefined;
}

/**
 * The stop-training signal in the editor. A config links its loss log with a
 * `# compute-budget: log=…` comment (relative to the config's folder) or the setting
 * `computeBudget.lab.lossLogs`; each time the config is analysed (and when the log changes) the
 * log is judged on the lab's worker, with tokens from the log or the config's tokens per step,
 * and low returns become a `low-returns` diagnostic on the config's training-length key.
 */
export class StopSignals implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('compute-budget-stop');
  private readonly checks = new Map<string, StopCheck>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<StopCheck>();
  readonly onDidCheck = this.changed.event;

  constructor(
    private readonly settings: () => Settings,
    private readonly runner: FitRunner,
    private readonly cache: AnalysisCache,
    /** Where a local path really leads (the Node host), for `readContent`. */
    private readonly realPath?: RealPath,
  ) {
    const logWatcher = vscode.workspace.createFileSystemWatcher('**/*.{csv,tsv,jsonl,json}');
    const onLog = (uri: vscode.Uri) => this.logChanged(uri);
    this.disposables.push(
      this.collection,
      this.changed,
      logWatcher,
      logWatcher.onDidChange(onLog),
      logWatcher.onDidCreate(onLog),
      vscode.workspace.onDidSaveTextDocument((document) => this.logChanged(document.uri)),
      cache.onDidAnalyze(({ document, analysis }) => void this.check(document, analysis)),
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.collection.delete(document.uri);
        this.checks.delete(document.uri.toString());
      }),
    );
  }

  /** The latest check of this config, if it links a log. */
  latest(config: vscode.Uri): StopCheck | undefined {
    return this.checks.get(config.toString());
  }

  /** Checks a config now (a command, a test) and resolves with what it found. */
  async checkNow(document: vscode.TextDocument): Promise<StopCheck | undefined> {
    return this.check(document, await this.cache.analysis(document));
  }

  private logChanged(uri: vscode.Uri): void {
    for (const check of this.checks.values()) {
      if (check.log.toString() !== uri.toString()) continue;
      const document = vscode.workspace.textDocuments.find((open) => open.uri.toString() === check.config.toString());
      if (document) void this.checkNow(document);
    }
  }

  private linkFor(document: vscode.TextDocument): { uri: vscode.Uri; span?: { start: number; end: number }; outside: boolean } | undefined {
    const link = readLogLink(document.getText());
    const folder = vscode.Uri.joinPath(document.uri, '..');
    const resolve = (path: string, base: vscode.Uri) => (/^([a-zA-Z]:)?[\\/]/.test(path) ? vscode.Uri.file(path) : vscode.Uri.joinPath(base, path));
    if (link) {
      const uri = resolve(link.path, folder);
      return { uri, span: link.span, outside: !insideLabBoundary(document.uri, uri) };
    }
    const relative = vscode.workspace.asRelativePath(document.uri, false);
    const logs = this.settings().lab.lossLogs;
    const fromSetting = Object.hasOwn(logs, relative) ? logs[relative] : undefined;
    const root = vscode.workspace.getWorkspaceFolder(document.uri)?.uri;
    if (!fromSetting || !root) return undefined;
    const uri = resolve(fromSetting, root);
    return { uri, outside: !insideLabBoundary(document.uri, uri) };
  }

  private async check(document: vscode.TextDocument, analysis: Analysis): Promise<StopCheck | undefined> {
    const link = this.linkFor(document);
    if (!link) {
      this.collection.delete(document.uri);
      this.checks.delete(document.uri.toString());
      return undefined;
    }
    const { version } = document;
    const logName = vscode.workspace.asRelativePath(link.uri);
    const at = (span: { start: number; end: number } | undefined): vscode.Range => {
      if (!span) return document.lineAt(0).range;
      const range = new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
      return range.isEmpty ? document.lineAt(range.start.line).range : range;
    };
    // Outside the workspace folder (or in Restricted Mode) the log is not asked of the disk at all.
    const log = link.outside ? undefined : await readContent(link.uri, this.realPath, folderOf(document.uri));
    if (document.isClosed || document.version !== version) return undefined;
    if (log === undefined) {
      const missing = new vscode.Diagnostic(
        at(link.span ?? analysis.training.anchor),
        link.outside
          ? `The loss log ${logName} is outside the workspace folder (or the workspace is not trusted), so it is not read.`
          : `The loss log ${logName} could not be read (no such file, not a regular file, or over 50 MB).`,
        vscode.DiagnosticSeverity.Warning,
      );
      missing.source = DIAGNOSTIC_SOURCE;
      missing.code = { value: 'missing-file', target: diagnosticDocUri('missing-file') };
      this.collection.set(document.uri, [missing]);
      this.checks.delete(document.uri.toString());
      return undefined;
    }
    const plannedTokens = analysis.tokens ?? undefined;
    const stop = await this.runner.stop(log, link.uri.path, analysis.training.setting?.tokensPerStep, plannedTokens);
    if (document.isClosed || document.version !== version) return undefined;
    const check: StopCheck = { config: document.uri, log: link.uri, stop, plannedTokens };
    this.checks.set(document.uri.toString(), check);
    this.collection.set(document.uri, this.diagnostics(document, analysis, check, logName, at(link.span ?? analysis.training.anchor)));
    this.changed.fire(check);
    return check;
  }

  private diagnostics(document: vscode.TextDocument, analysis: Analysis, check: StopCheck, logName: string, linkRange: vscode.Range): vscode.Diagnostic[] {
    const out: vscode.Diagnostic[] = [];
    const chosen = this.settings().severities['low-returns'];
    for (const finding of check.stop.findings) {
      if (finding.code === 'lab-low-returns') {
        if (chosen === 'off') continue;
        const anchor = analysis.training.anchor;
        const range = anchor && anchor.end > anchor.start ? new vscode.Range(document.positionAt(anchor.start), document.positionAt(anchor.end)) : linkRange;
        const diagnostic = new vscode.Diagnostic(range, `${logName}: ${finding.message}`, SEVERITIES[chosen ?? 'warning']);
        diagnostic.source = DIAGNOSTIC_SOURCE;
        diagnostic.code = { value: 'low-returns', target: diagnosticDocUri('low-returns') };
        diagnostic.relatedInformation = [
          new vscode.DiagnosticRelatedInformation(
            new vscode.Location(check.log, new vscode.Range(finding.lines.first - 1, 0, finding.lines.last - 1, 0)),
            `the window the slope was taken over (lines ${finding.lines.first}–${finding.lines.last})`,
          ),
        ];
        out.push(diagnostic);
      } else if (finding.severity === 'error' && (finding.code === 'lab-missing-tokens' || finding.code === 'lab-missing-column')) {
        // The log cannot be judged at all: say so at the link, where it can be fixed.
        const diagnostic = new vscode.Diagnostic(linkRange, `${logName}: ${finding.message}`, vscode.DiagnosticSeverity.Warning);
        diagnostic.source = DIAGNOSTIC_SOURCE;
        diagnostic.code = { value: finding.code, target: diagnosticDocUri(finding.code) };
        out.push(diagnostic);
      }
    }
    return out;
  }

  dispose(): void {
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.checks.clear();
  }
}
