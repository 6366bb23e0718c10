import * as vscode from 'vscode';
import { rememberSideColumn, sideColumn } from './sideGroup';
import { diagnosticDocUri } from './surfaces/diagnosticDocUri';
import type { Finding, Severity } from '../core/analysis/findings';
import type { FactName } from '../core/source/directives';
import type { FactsEngine } from '../core/workspaceFacts/engine';
import type { FactRecord } from '../core/workspaceFacts/match';
import { FACTS_FILE_NAME } from '../core/workspaceFacts/names';
import { DIAGNOSTIC_SOURCE } from './commandIds';
import { folderOf, staysInside, type RealPath } from './linkCheck';
import { notify } from './notify';

/** A facts file as the host holds it: its text only. Parsing it and matching its globs is the engine's work (off this thread in the Node host). */
interface Loaded {
  readonly text: string;
  /** False when the engine could not read it in its time: it then gives no facts (and is not tried again until it changes). */
  readonly usable: boolean;
}

const SEVERITIES: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** A facts file is a few lines: a bigger one is read as far as `readFactsFile` reads (it says so). */
const MAX_BYTES = 1_000_000;

export function isFactsFile(uri: vscode.Uri): boolean {
  return uri.path.endsWith(`/${FACTS_FILE_NAME}`);
}

/**
 * The `.compute-budget.yaml` files of the workspace: the facts each gives a config (every file
 * in the config's folder and the folders above it, up to its workspace folder), their problems
 * as diagnostics in them, and the edit that adds a fact for one config. Files are read through
 * `vscode.workspace.fs` (an open document's text wins, unsaved or not), so this works wherever
 * the workspace lives; they are watched, and `onDidChange` fires when one changes.
 */
export class WorkspaceFacts implements vscode.Disposable {
  /** By facts file URI; `undefined` once known not to exist. */
  private readonly files = new Map<string, Promise<Loaded | undefined>>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection(`${DIAGNOSTIC_SOURCE}-facts`);
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** `engine` is asked for the parser the first time a facts file is read or edited. */
  /** `realPath`: where a local path really leads (the Node host); absent in the browser, where a link is not read. */
  constructor(
    private readonly engine: () => FactsEngine,
    private readonly realPath?: RealPath,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${FACTS_FILE_NAME}`);
    const reload = (uri: vscode.Uri) => isFactsFile(uri) && this.reload(uri);
    this.subscriptions.push(
      watcher,
      this.diagnostics,
      this.changed,
      watcher.onDidCreate(reload),
      watcher.onDidChange(reload),
      watcher.onDidDelete(reload),
      vscode.workspace.onDidOpenTextDocument((document) => reload(document.uri)),
      vscode.workspace.onDidCloseTextDocument((document) => reload(document.uri)),
      vscode.workspace.onDidChangeTextDocument((event) => event.contentChanges.length > 0 && reload(event.document.uri)),
    );
    // Problems in every facts file show in the Problems panel, not only in those a config used.
    void Promise.resolve(vscode.workspace.findFiles(`**/${FACTS_FILE_NAME}`, undefined, 100)).then(
      (uris) => uris.forEach((uri) => void this.load(uri)),
      () => undefined,
    );
  }

  /** The facts the workspace's facts files give this config, by fact name; never rejects. */
  async factsFor(config: vscode.Uri): Promise<FactRecord> {
    if (config.scheme === 'untitled' || isFactsFile(config)) return {};
    try {
      const folders = this.foldersAbove(config);
      const loaded = await Promise.all(folders.map((folder) => this.load(vscode.Uri.joinPath(folder, FACTS_FILE_NAME))));
      const placed = folders.flatMap((folder, i) => (loaded[i]?.usable ? [{ folder: folder.path, text: loaded[i]!.text }] : []));
      if (placed.length === 0) return {};
      return await this.engine().factsForPath(placed, config.path);
    } catch {
      return {};
    }
  }

  /**
   * Adds `name: value` for this config to the nearest facts file that applies to it (a new one
   * at the root of its workspace folder when there is none), as a workspace edit, and shows the
   * result beside the config. Re-reads the file first; a file it cannot edit safely is refused
   * with the reason. Returns whether the edit was applied.
   */
  async addFact(config: vscode.Uri, name: FactName, value: string): Promise<boolean> {
    const folders = this.foldersAbove(config);
    const candidates = folders.map((folder) => vscode.Uri.joinPath(folder, FACTS_FILE_NAME));
    const loaded = await Promise.all(candidates.map((uri) => this.reload(uri)));
    const nearest =
      loaded
        .map((file, i) => (file ? i : -1))
        .filter((i) => i >= 0)
        .pop() ?? 0;
    const target = candidates[nearest];
    const folder = folders[nearest];
    const glob = await this.engine().globForPath(config.path.slice(folder.path.replace(/\/$/, '').length + 1));
    const text = loaded[nearest]?.text;
    const result = await this.engine().addFactEdit(text, glob, name, value);
    if (!result.ok) {
      void notify.warning(`Compute Budget: ${result.reason}`);
      return false;
    }
    const edit = new vscode.WorkspaceEdit();
    let document: vscode.TextDocument | undefined;
    if (text === undefined) {
      edit.createFile(target, { ignoreIfExists: true });
      edit.insert(target, new vscode.Position(0, 0), result.edit.newText);
    } else {
      document = await vscode.workspace.openTextDocument(target);
      if (document.getText() !== text) return false;
      edit.replace(target, new vscode.Range(document.positionAt(result.edit.start), document.positionAt(result.edit.end)), result.edit.newText);
    }
    if (!(await vscode.workspace.applyEdit(edit))) return false;
    document ??= await vscode.workspace.openTextDocument(target);
    // The line that states the fact is selected with the cursor at its start, so a narrow editor
    // beside the config shows where the line begins rather than scrolling to the value.
    const end = document.positionAt(result.edit.focus.end);
    const line = document.lineAt(end.line);
    const selection = new vscode.Selection(end, line.range.start.translate(0, line.firstNonWhitespaceCharacterIndex));
    const editor = await vscode.window.showTextDocument(document, { viewColumn: sideColumn(), preview: false });
    rememberSideColumn(editor.viewColumn);
    editor.selection = selection;
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return true;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.files.clear();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  /** The folders whose facts files apply to a config: its workspace folder (or its own folder outside any) down to its own. */
  private foldersAbove(config: vscode.Uri): vscode.Uri[] {
    const own = vscode.Uri.joinPath(config, '..');
    const root = vscode.workspace.getWorkspaceFolder(config)?.uri;
    if (!root || !`${own.path}/`.startsWith(`${root.path.replace(/\/$/, '')}/`)) return [own];
    const below = own.path.slice(root.path.replace(/\/$/, '').length).split('/').filter(Boolean);
    return [root, ...below.map((_, i) => vscode.Uri.joinPath(root, ...below.slice(0, i + 1)))];
  }

  private load(uri: vscode.Uri): Promise<Loaded | undefined> {
    const key = uri.toString();
    let file = this.files.get(key);
    if (!file) {
      file = this.read(uri);
      this.files.set(key, file);
    }
    return file;
  }

  /** Reads a facts file anew (it changed, or an edit is about to be made) and tells the configs. */
  private reload(uri: vscode.Uri): Promise<Loaded | undefined> {
    this.files.delete(uri.toString());
    const file = this.load(uri);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void file.then(() => this.changed.fire()), 50);
    return file;
  }

  private async read(uri: vscode.Uri): Promise<Loaded | undefined> {
    const open = vscode.workspace.textDocuments.find((document) => !document.isClosed && document.uri.toString() === uri.toString());
    let text = open?.getText();
    if (text === undefined) {
      try {
        // A cloned repository's facts file may be a link out, or sit under a folder that is one, or name a device.
        if (!(await staysInside(uri, folderOf(uri), this.realPath))) return this.forget(uri);
        const stat = await vscode.workspace.fs.stat(uri);
        if ((stat.type & vscode.FileType.File) === 0 || (!this.realPath && (stat.type & vscode.FileType.SymbolicLink) !== 0)) return this.forget(uri);
        const bytes = await vscode.workspace.fs.readFile(uri);
        text = new TextDecoder('utf-8').decode(bytes.subarray(0, MAX_BYTES));
      } catch {
        return this.forget(uri);
      }
    }
    let findings: readonly Finding[];
    let usable = true;
    try {
      findings = await this.engine().problems(text);
    } catch (error) {
      usable = false;
      // The worker was stopped (past its time limit) or failed: the file gives no facts, and says why.
      findings = [{ severity: 'warning', code: 'too-large', message: error instanceof Error ? error.message : String(error), span: { start: 0, end: 0 } }];
    }
    this.diagnostics.set(
      uri,
      findings.map((finding) => {
        const range = new vscode.Range(positionAt(text!, finding.span.start), positionAt(text!, finding.span.end));
        const diagnostic = new vscode.Diagnostic(range, finding.message, SEVERITIES[finding.severity]);
        diagnostic.source = DIAGNOSTIC_SOURCE;
        diagnostic.code = { value: finding.code, target: diagnosticDocUri(finding.code) };
        return diagnostic;
      }),
    );
    return { text, usable };
  }

  private forget(uri: vscode.Uri): undefined {
    this.diagnostics.delete(uri);
    return undefined;
  }
}

/** A position in a text that may not be open in an editor. */
function positionAt(text: string, offset: number): vscode.Position {
  const before = text.slice(0, Math.min(offset, text.length));
  const line = before.split('\n').length - 1;
  return new vscode.Position(line, before.length - (before.lastIndexOf('\n') + 1));
}
