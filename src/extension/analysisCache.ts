import * as vscode from 'vscode';
import type { Analysis } from '../core/analyze';
import { stoppedAnalysis } from '../core/analysis/stoppedAnalysis';
import { EMPTY_SNAPSHOT, type AnalysisJob } from '../core/analysis/analysisJob';
import { layeredFacts, type FactRecord } from '../core/workspaceFacts/match';
import { isConfigDocument, syntaxOfLanguage } from './documents';
import { boundaryOf, type WorkspaceResources } from './resources';
import { analyzeOptions } from './settings';
import type { SettingsStore } from './settingsStore';
import { isFactsFile } from './workspaceFacts';

/** Where analyses run: a worker thread in the desktop host, the same thread as a last resort. */
export interface Analyzer {
  analyze(job: Omit<AnalysisJob, 'id'>): Promise<Analysis>;
  dispose(): void;
}

/** The facts a config gets from the workspace's `.compute-budget.yaml` files. */
export interface FactsSource {
  factsFor(uri: vscode.Uri): Promise<FactRecord>;
}

interface Entry {
  /** Untitled documents reuse URIs (`Untitled-1`) and start at version 1: the object tells them apart. */
  readonly document: vscode.TextDocument;
  readonly version: number;
  readonly generation: number;
  readonly analysis: Promise<Analysis>;
  /** The analysis once it has arrived, for surfaces that must answer at once. */
  settled?: Analysis;
}

/**
 * One analysis per document version, shared by every surface (hover, decorations,
 * diagnostics, code actions, status bar, chart). Settings changes start a new generation.
 * Analyses run off the host thread; the cache holds the promise, so a hover and a keystroke's
 * re-analysis of the same version share one job. An analysis never waits on disk or network:
 * it uses what `resources` has, and when something it asked for arrives later, the document is
 * analysed and published again.
 */
export class AnalysisCache implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  private readonly changed = new vscode.EventEmitter<{ document: vscode.TextDocument; analysis: Analysis }>();
  /** Fires when a document's analysis was (re)computed and published to the surfaces. */
  readonly onDidAnalyze = this.changed.event;

  private readonly settingsChanged: vscode.Disposable;

  constructor(
    private readonly settings: SettingsStore,
    private readonly analyzer: Analyzer,
    private readonly resources?: WorkspaceResources,
    private readonly facts?: FactsSource,
  ) {
    // New settings mean new analyses for every document.
    this.settingsChanged = settings.onDidChange(() => this.generation++);
  }

  /** Something every analysis may depend on changed (a file a config includes): analyse anew. */
  invalidate(): void {
    this.generation++;
  }

  /** The analysis of this exact version, computing it at most once. */
  analysis(document: vscode.TextDocument): Promise<Analysis> {
    const key = document.uri.toString();
    const entry = this.entries.get(key);
    if (entry && this.isCurrent(entry, document)) return entry.analysis;
    const { version } = document;
    const generation = this.generation;
    const { job, withFacts } = this.job(document);
    const fresh: Entry = {
      document,
      version,
      generation,
      analysis: withFacts
        .then((ready) => this.analyzer.analyze(ready))
        .then(
          (analysis) => analysis,
          (error: unknown) => stoppedAnalysis(job.fileName, job.text, error instanceof Error ? error.message : 'The analysis failed.'),
        ),
    };
    this.entries.set(key, fresh);
    void fresh.analysis.then((analysis) => {
      fresh.settled = analysis;
      this.resources?.request(key, `${version}:${generation}`, analysis.pending, () => {
        const current = this.entries.get(key);
        if (document.isClosed || current !== fresh) return;
        this.entries.delete(key);
        void this.publish(document);
      });
    });
    return fresh.analysis;
  }

  /**
   * The document as it is now, with more asked of it than the surfaces need (the planner's layouts
   * on its accelerator): `facts` beat every other layer. Runs where analyses run; not cached.
   */
  analyseWith(document: vscode.TextDocument, ask: { readonly facts: FactRecord; readonly layouts: boolean }): Promise<Analysis> {
    return this.job(document).withFacts.then((ready) =>
      this.analyzer.analyze({ ...ready, options: { ...ready.options, layouts: ask.layouts, facts: { ...ready.options.facts, ...ask.facts } } }),
    );
  }

  /** The job for a document's text, and the same job once the workspace's facts files are layered in. */
  private job(document: vscode.TextDocument) {
    const options = analyzeOptions(this.settings.current);
    const job = {
      // A facts file is YAML but not a config: its own problems are reported by WorkspaceFacts.
      text: isFactsFile(document.uri) ? '' : document.getText(),
      // A file on another file system (a remote or virtual workspace, the browser) is named by its
      // URI, so the files it includes are resolved and read on that same file system.
      fileName: document.uri.scheme === 'file' || document.uri.scheme === 'untitled' ? document.fileName : document.uri.toString(),
      options: { ...options, alwaysReport: document.languageId === 'compute-budget', syntax: syntaxOfLanguage(document) },
      resources: { ...(this.resources?.cache.snapshot() ?? EMPTY_SNAPSHOT), boundary: boundaryOf(document.uri) },
    };
    // Settings, then the workspace's facts files, then the file's own directives: later ones win.
    const workspaceFacts = this.facts ? this.facts.factsFor(document.uri).catch(() => ({})) : Promise.resolve({});
    const withFacts = workspaceFacts.then((facts) => ({ ...job, options: { ...job.options, facts: layeredFacts(job.text, [options.facts ?? {}, facts]) } }));
    return { job, withFacts };
  }

  /** The analysis of this exact version if it has arrived; surfaces that cannot wait use it. */
  settled(document: vscode.TextDocument): Analysis | undefined {
    const entry = this.entries.get(document.uri.toString());
    return entry && this.isCurrent(entry, document) ? entry.settled : undefined;
  }

  private isCurrent(entry: Entry, document: vscode.TextDocument): boolean {
    return entry.document === document && entry.version === document.version && entry.generation === this.generation;
  }

  /** Analyses and, unless the document moved on meanwhile, tells the surfaces. */
  async publish(document: vscode.TextDocument): Promise<Analysis | undefined> {
    if (!isConfigDocument(document)) return undefined;
    const { version } = document;
    const generation = this.generation;
    const analysis = await this.analysis(document);
    // A later keystroke or settings change has its own analysis coming: do not flash this one.
    if (document.isClosed || document.version !== version || this.generation !== generation) return analysis;
    this.changed.fire({ document, analysis });
    return analysis;
  }

  forget(document: vscode.TextDocument): void {
    this.entries.delete(document.uri.toString());
    this.resources?.release(document.uri.toString());
  }

  dispose(): void {
    this.settingsChanged.dispose();
    this.entries.clear();
    this.changed.dispose();
    this.analyzer.dispose();
  }
}
