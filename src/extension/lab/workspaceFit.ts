import * as vscode from 'vscode';
import { sureAllocation, type SureAllocation } from '../../core/lab/allocation';
import { workspaceLabel, workspaceLaw, workspaceLoss, type WorkspaceFit } from '../../core/lab/workspaceFit';
import type { LawFit } from '../../core/lab/fit';
import type { FitChoice, WorkspaceLaw } from '../../core/planner/fitChoice';
import { folderOf, staysInside, type RealPath } from '../linkCheck';
import type { Settings } from '../settings';
import { labDiagnostics } from './labDiagnostics';
import type { FileBytes, FitRunner } from './fitRunner';

/** Runs files found when `computeBudget.lab.runsFile` is not set. */
export const RUNS_FILE_GLOB = '**/{*.runs.csv,*.runs.tsv,*.runs.jsonl,scaling-runs.csv}';
const MAX_RUNS_BYTES = 50_000_000;

export type FitState =
  | { readonly kind: 'off' }
  | { readonly kind: 'pending' }
  | { readonly kind: 'missing'; readonly why: string }
  | { readonly kind: 'failed'; readonly uri: vscode.Uri; readonly why: string; readonly result?: WorkspaceFit }
  | {
      readonly kind: 'ready';
      readonly uri: vscode.Uri;
      readonly result: WorkspaceFit & { readonly fit: LawFit };
      readonly law: WorkspaceLaw;
      readonly label: string;
    };

/**
 * The user's own scaling law for this workspace: the runs file is found (setting, else the first
 * `*.runs.csv`-like file), read through `vscode.workspace.fs` (or the open, possibly unsaved,
 * document), fitted on the lab's worker, and its problems published at their lines. Surfaces ask
 * `state` when they draw; `onDidChange` says when to draw again.
 */
export class WorkspaceFitService implements vscode.Disposable {
  private current: FitState = { kind: 'off' };
  private generation = 0;
  private settings: Settings;
  private readonly changed = new vscode.EventEmitter<FitState>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** Set when a command asked for the fit though `lossFit` is not `workspace` (the runs chart). */
  private wanted = false;
  private latest: Promise<FitState> = Promise.resolve(this.current);

  constructor(
    settings: Settings,
    private readonly runner: FitRunner,
    private readonly diagnostics = labDiagnostics(),
    /** Where a local path really leads (the Node host), for `readContent`. */
    private readonly realPath?: RealPath,
  ) {
    this.settings = settings;
    const watcher = vscode.workspace.createFileSystemWatcher(RUNS_FILE_GLOB);
    const onFile = (uri: vscode.Uri) => this.touched(uri);
    this.disposables.push(
      this.changed,
      watcher,
      watcher.onDidChange(onFile),
      watcher.onDidCreate(onFile),
      watcher.onDidDelete(onFile),
      vscode.workspace.onDidChangeTextDocument((event) => this.touched(event.document.uri)),
      vscode.workspace.onDidSaveTextDocument((document) => this.touched(document.uri)),
    );
  }

  get state(): FitState {
    return this.current;
  }

  /** Whether `computeBudget.lossFit` is `workspace`. */
  get chosen(): boolean {
    return this.settings.lab.workspaceFit;
  }

  get enabled(): boolean {
    return this.settings.lab.workspaceFit || this.wanted;
  }

  updateSettings(settings: Settings): void {
    const before = JSON.stringify(this.settings.lab);
    this.settings = settings;
    if (before !== JSON.stringify(settings.lab)) void this.refit();
  }

  /** Fits now (a command, a test): resolves with the state once the fit has arrived. */
  ensure(): Promise<FitState> {
    if (!this.enabled) this.wanted = true;
    if (this.current.kind === 'off') return this.refit();
    return this.latest;
  }

  /** The runs file changed on disk or in its editor: refit shortly after the last change. */
  private touched(uri: vscode.Uri): void {
    if (!this.enabled) return;
    const known = this.current.kind === 'ready' || this.current.kind === 'failed' ? this.current.uri.toString() : undefined;
    const configured = this.settings.lab.runsFile;
    const matches =
      known === uri.toString() ||
      (!configured && /(\.runs\.(csv|tsv|jsonl)|[\\/]scaling-runs\.csv)$/.test(uri.path)) ||
      (configured !== undefined && uri.path.endsWith(configured.replace(/\\/g, '/').replace(/^\.?\//, '')));
    if (!matches) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refit(), 400);
  }

  refit(): Promise<FitState> {
    const generation = ++this.generation;
    if (!this.enabled) {
      this.diagnostics.clear();
      this.publish({ kind: 'off' });
      return (this.latest = Promise.resolve(this.current));
    }
    if (this.current.kind === 'off') this.publish({ kind: 'pending' });
    this.latest = this.compute().then(
      (state) => (generation === this.generation ? this.publish(state) : this.latest),
      (error: unknown) =>
        generation === this.generation ? this.publish({ kind: 'missing', why: error instanceof Error ? error.message : String(error) }) : this.latest,
    );
    return this.latest;
  }

  private publish(state: FitState): FitState {
    this.current = state;
    this.changed.fire(state);
    return state;
  }

  private async compute(): Promise<FitState> {
    const uri = await this.locate();
    if (!uri) {
      this.diagnostics.clear();
      return {
        kind: 'missing',
        why: this.settings.lab.runsFile
          ? `${this.settings.lab.runsFile} was not found`
          : 'no runs file found (set computeBudget.lab.runsFile, or name a file *.runs.csv)',
      };
    }
    const content = await readContent(uri, this.realPath);
    if (content === undefined) {
      this.diagnostics.clear();
      return { kind: 'failed', uri, why: `${vscode.workspace.asRelativePath(uri)} could not be read (or is over 50 MB)` };
    }
    const result = await this.runner.fit(content, uri.path, this.settings.lab.minTokens);
    this.diagnostics.show(uri, placingText(content), result.findings);
    if (!result.fit) return { kind: 'failed', uri, why: `${vscode.workspace.asRelativePath(uri)} holds too little to fit (see the Problems panel)`, result };
    const ready = { ...result, fit: result.fit };
    return { kind: 'ready', uri, result: ready, law: workspaceLaw(ready), label: workspaceLabel(ready) };
  }

  private async locate(): Promise<vscode.Uri | undefined> {
    const configured = this.settings.lab.runsFile;
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (configured) {
      const candidates = /^([a-zA-Z]:)?[\\/]/.test(configured)
        ? [vscode.Uri.file(configured)]
        : folders.map((folder) => vscode.Uri.joinPath(folder.uri, configured));
      for (const candidate of candidates) if (await exists(candidate)) return candidate;
      return undefined;
    }
    const found = await vscode.workspace.findFiles(RUNS_FILE_GLOB, '**/node_modules/**', 10);
    return found.sort((a, b) => a.path.localeCompare(b.path))[0];
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.diagnostics.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    return (await vscode.workspace.fs.stat(uri)).type !== vscode.FileType.Directory;
  } catch {
    return false;
  }
}

/** Past this many bytes the host does not decode a lab file to place its findings by column; they mark whole lines. */
const HOST_DECODE_BYTES = 1 << 20;

/** The text the host places findings in: an open document's, or a small file's; undefined for a large file. */
export function placingText(content: string | FileBytes): string | undefined {
  if (typeof content === 'string') return content;
  return content.bytes.length <= HOST_DECODE_BYTES ? new TextDecoder('utf-8').decode(content.bytes) : undefined;
}

/**
 * The open document's text when it is open (unsaved edits count), else the file's bytes with the
 * version they were read at (modification time and size), undecoded: a runs file or a loss log may
 * be 50 MB, which the lab's worker decodes. Only a regular file of at most `limit` bytes, checked
 * before reading, that stays inside `folder` with links followed, a folder on the way included
 * (`staysInside`). A device (`/dev/zero` stats as size 0 and never ends), a pipe or a folder is not
 * a `File`; without `realPath` (the browser) a symbolic link is not read at all, as in the
 * analysis's own reader (`src/extension/resources.ts`).
 */
export async function readContent(
  uri: vscode.Uri,
  realPath?: RealPath,
  folder = folderOf(uri),
  limit = MAX_RUNS_BYTES,
): Promise<string | FileBytes | undefined> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open) return open.getText().length <= limit ? open.getText() : undefined;
  try {
    if (!(await staysInside(uri, folder, realPath))) return undefined;
    const stat = await vscode.workspace.fs.stat(uri);
    if ((stat.type & vscode.FileType.File) === 0 || (!realPath && (stat.type & vscode.FileType.SymbolicLink) !== 0)) return undefined;
    if (stat.size > limit) return undefined;
    return { bytes: await vscode.workspace.fs.readFile(uri), version: `${stat.mtime}:${stat.size}` };
  } catch {
    return undefined;
  }
}

/**
 * The one service the surfaces read (hover, inline summary, planner): set while the extension
 * is active. The fit is a computed result the service owns, not a settings store.
 */
let service: WorkspaceFitService | undefined;

export function setWorkspaceFitService(active: WorkspaceFitService | undefined): void {
  service = active;
}

/** The law the planner and the chart use: the user's when chosen and ready, else the published fit the settings name. */
export function lossFitChoice(settings: Settings): FitChoice {
  const state = settings.lab.workspaceFit ? service?.state : undefined;
  return state?.kind === 'ready' ? state.law : settings.lossFit;
}

/**
 * The law a plan should use, once a fit the person chose has arrived: while their runs are still
 * being fitted, waits for it (the plan is then drawn under their law, not the published one).
 */
export async function settledFitChoice(settings: Settings): Promise<FitChoice> {
  if (settings.lab.workspaceFit && service?.chosen && service.state.kind === 'pending') await service.ensure();
  return lossFitChoice(settings);
}

/** The user's prediction for N active parameters and D tokens, with its interval and the fit's label. */
export function workspacePrediction(
  parameters: number,
  tokens: number,
): { loss: number; low: number; high: number; level: number; label: string } | { unavailable: string } | undefined {
  const state = service?.chosen ? service.state : undefined;
  if (!state || state.kind === 'off') return undefined;
  if (state.kind === 'pending') return { unavailable: 'fitting your runs…' };
  if (state.kind !== 'ready') return { unavailable: state.why };
  return { ...workspaceLoss(state.result.fit, parameters, tokens), label: state.label };
}

/** The compute-optimal split under the user's fit at `compute`, with its interval; undefined unless the fit is chosen and ready. */
export function workspaceSplit(compute: number): { split: SureAllocation; label: string } | undefined {
  const state = service?.chosen ? service.state : undefined;
  if (state?.kind !== 'ready') return undefined;
  return { split: sureAllocation(state.result.fit, compute), label: state.label };
}
