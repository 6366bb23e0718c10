import * as vscode from 'vscode';
import { DEFAULT_MAX_LENGTH } from '../core/analyze';
import { vocabularyOf, type TokenizerVocab } from '../core/catalog/tokenizerFiles';
import {
  MAX_RESOURCE_ROUNDS,
  nothingPending,
  ResourceCache,
  type PendingResources,
  type ResolvedModelConfig,
  type ResourceHost,
} from '../core/resources/resources';
import { folderOf, staysInside, type RealPath } from './linkCheck';

/** Tokenizer files are larger than configs (Gemma's tokenizer.json is 17 MB); past this they are not read. */
const MAX_TOKENIZER_BYTES = 64 * 1024 * 1024;

/** Files a config includes are configs too: no larger than the engine would analyse (as the CLI's `NodeResourceHost`). */
const MAX_INCLUDED_BYTES = DEFAULT_MAX_LENGTH * 4;

/**
 * Where models named by Hugging Face id come from, given whether the network may be used: the
 * Node host's Hugging Face cache and Hub; nowhere in the browser. Resolves `null` for unknown ids.
 */
export type ModelSource = (allowNetwork: boolean) => (id: string) => Promise<ResolvedModelConfig | null>;

/** A path the engine resolved (a file-system path or a URI string) as a URI. */
function uriOf(path: string): vscode.Uri {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(path) ? vscode.Uri.parse(path) : vscode.Uri.file(path);
}

/**
 * A regular file. Without a real path to compare (`realPath` absent: the browser), not a symbolic
 * link either: it may lead out of the workspace, so it is answered as a missing file. With one,
 * `staysInside` has already followed it.
 */
function readable(stat: vscode.FileStat, realPath: RealPath | undefined): boolean {
  return (stat.type & vscode.FileType.File) !== 0 && (realPath !== undefined || (stat.type & vscode.FileType.SymbolicLink) === 0);
}

/**
 * The folder an analysis of `uri` may read in, in the form the engine names the file (a path for
 * `file:` documents, else the URI): its workspace folder, or its own folder when it is in none.
 * In Restricted Mode, and for untitled documents, nothing: only the open file is read.
 */
export function boundaryOf(uri: vscode.Uri): string {
  if (!vscode.workspace.isTrusted || uri.scheme === 'untitled') return '';
  const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri ?? vscode.Uri.joinPath(uri, '..');
  return uri.scheme === 'file' ? folder.fsPath : folder.toString();
}

/**
 * Files through `vscode.workspace.fs` (so remote and virtual workspaces, and the browser, work),
 * only when they stay inside `folder` with links followed (`staysInside`: the engine has checked
 * the path's text); models from the host's `ModelSource`.
 */
class WorkspaceHost implements ResourceHost {
  constructor(
    private readonly models: (id: string) => Promise<ResolvedModelConfig | null>,
    private readonly folder: vscode.Uri | undefined,
    private readonly realPath: RealPath | undefined,
  ) {}

  async readFile(path: string): Promise<string | null> {
    try {
      const uri = uriOf(path);
      if (!this.folder || !(await staysInside(uri, this.folder, this.realPath))) return null;
      const stat = await vscode.workspace.fs.stat(uri);
      if (!readable(stat, this.realPath) || stat.size > MAX_INCLUDED_BYTES) return null;
      return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return null;
    }
  }

  modelConfig(id: string): Promise<ResolvedModelConfig | null> {
    return this.models(id).catch(() => null);
  }

  async tokenizer(path: string): Promise<TokenizerVocab | null> {
    try {
      const uri = uriOf(path);
      if (!this.folder || !(await staysInside(uri, this.folder, this.realPath))) return null;
      const stat = await vscode.workspace.fs.stat(uri);
      if (!readable(stat, this.realPath) || stat.size > MAX_TOKENIZER_BYTES) return null;
      return vocabularyOf(await vscode.workspace.fs.readFile(uri)) ?? null;
    } catch {
      return null;
    }
  }
}

/**
 * What configs point at outside themselves, for the session: one `ResourceCache` that every
 * analysis reads at once, filled in the background. Tells when a file an analysis used has
 * changed, so the documents are analysed again.
 */
export class WorkspaceResources implements vscode.Disposable {
  readonly cache = new ResourceCache();
  private models: (id: string) => Promise<ResolvedModelConfig | null>;
  private allowNetwork: boolean;
  /** Rounds of fetching per document, for the version they were asked for. */
  private readonly rounds = new Map<string, { readonly stamp: string; readonly count: number }>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Fires when a file some analysis read has changed on disk or was saved. */
  readonly onDidChange = this.changed.event;

  /** `realPath`: where a local path really leads (the Node host); absent in the browser. */
  constructor(
    private readonly source: ModelSource,
    allowNetwork: boolean,
    private readonly realPath?: RealPath,
  ) {
    this.allowNetwork = allowNetwork;
    this.models = source(allowNetwork);
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    const forget = (uri: vscode.Uri) => this.forget(uri);
    this.subscriptions.push(
      watcher,
      watcher.onDidChange(forget),
      watcher.onDidCreate(forget),
      watcher.onDidDelete(forget),
      vscode.workspace.onDidSaveTextDocument((document) => this.forget(document.uri)),
    );
  }

  /** A new answer for where models come from: forget the models looked up without the network. */
  setAllowNetwork(allow: boolean): void {
    if (allow === this.allowNetwork) return;
    this.allowNetwork = allow;
    this.models = this.source(allow);
    this.cache.forgetModels();
  }

  /**
   * Fetches in the background what an analysis of `document` at `stamp` (its version and the
   * settings generation) asked for; calls `arrived` when something it asked for has come, at
   * most MAX_RESOURCE_ROUNDS times per stamp. Never blocks, never rejects.
   */
  request(document: string, stamp: string, pending: PendingResources, arrived: () => void): void {
    if (nothingPending(pending)) return;
    const previous = this.rounds.get(document);
    const count = previous?.stamp === stamp ? previous.count : 0;
    if (count >= MAX_RESOURCE_ROUNDS) return;
    this.rounds.set(document, { stamp, count: count + 1 });
    // Files are read only when they stay, links followed, inside the folder the document's analysis may read in.
    const asking = vscode.Uri.parse(document);
    // An untitled document has no folder (its path is a bare name): it may read nothing but models.
    const folder = asking.scheme === 'untitled' ? undefined : folderOf(asking, vscode.Uri.joinPath(asking, '..'));
    const host = new WorkspaceHost(this.models, folder, this.realPath);
    this.cache.resolve(pending, host).then(
      (fresh) => fresh && arrived(),
      () => undefined,
    );
  }

  /** The document is closed: nothing more to count for it. */
  release(document: string): void {
    this.rounds.delete(document);
  }

  private forget(uri: vscode.Uri): void {
    const known = [uri.fsPath, uri.toString()].map((path) => this.cache.forgetFile(path));
    if (known.some(Boolean)) this.changed.fire();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }
}
