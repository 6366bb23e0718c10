import * as vscode from 'vscode';
import { analyze, type Analysis } from '../core/analyze';
import { isConfigDocument } from './documents';
import type { WorkspaceResources } from './resources';
import { analyzeOptions, type Settings } from './settings';

interface Entry {
  readonly version: number;
  readonly generation: number;
  readonly analysis: Analysis;
}

/**
 * One analysis per document version, shared by every surface (hover, decorations,
 * diagnostics, code actions, status bar, chart). Settings changes start a new generation.
 * An analysis never waits on disk or network: it uses what `resources` has, and when something
 * it asked for arrives later, the document is analysed and published again.
 */
export class AnalysisCache implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  private readonly changed = new vscode.EventEmitter<{ document: vscode.TextDocument; analysis: Analysis }>();
  /** Fires when a document's analysis was (re)computed and published to the surfaces. */
  readonly onDidAnalyze = this.changed.event;

  constructor(private settings: Settings, private readonly resources?: WorkspaceResources) {}

  get current(): Settings {
    return this.settings;
  }

  updateSettings(settings: Settings): void {
    this.settings = settings;
    this.generation++;
  }

  /** Something every analysis may depend on changed (a file a config includes): analyse anew. */
  invalidate(): void {
    this.generation++;
  }

  /** The analysis for this exact version, computing it at most once. */
  get(document: vscode.TextDocument): Analysis {
    const key = document.uri.toString();
    const entry = this.entries.get(key);
    if (entry && entry.version === document.version && entry.generation === this.generation) return entry.analysis;
    const analysis = analyze(document.getText(), document.fileName, { ...analyzeOptions(this.settings), alwaysReport: document.languageId === 'compute-budget', resources: this.resources?.cache });
    const { version } = document;
    const generation = this.generation;
    this.entries.set(key, { version, generation, analysis });
    this.resources?.request(key, `${version}:${generation}`, analysis.pending, () => {
      const current = this.entries.get(key);
      if (document.isClosed || !current || current.version !== version || current.generation !== generation) return;
      this.entries.delete(key);
      this.publish(document);
    });
    return analysis;
  }

  /** Analyses and tells the surfaces; returns the analysis. */
  publish(document: vscode.TextDocument): Analysis | undefined {
    if (!isConfigDocument(document)) return undefined;
    const analysis = this.get(document);
    this.changed.fire({ document, analysis });
    return analysis;
  }

  forget(document: vscode.TextDocument): void {
    this.entries.delete(document.uri.toString());
    this.resources?.release(document.uri.toString());
  }

  dispose(): void {
    this.entries.clear();
    this.changed.dispose();
  }
}
