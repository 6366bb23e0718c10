import * as vscode from 'vscode';
import { insideBoundary } from '../core/resources/boundary';

/**
 * Where a local path really leads, symbolic links followed (Node's `fs.promises.realpath`, given
 * by the Node host); rejects when nothing is there. The browser host has none.
 */
export type RealPath = (fsPath: string) => Promise<string>;

/**
 * The folder a file read for an analysis or the lab must stay in: its workspace folder, or, for
 * a file in none, `fallback` (the folder of the document that asked).
 */
export function folderOf(uri: vscode.Uri, fallback?: vscode.Uri): vscode.Uri {
  return vscode.workspace.getWorkspaceFolder(uri)?.uri ?? fallback ?? vscode.Uri.joinPath(uri, '..');
}

/**
 * Whether `uri`, already inside `folder` on its text, stays inside once symbolic links are
 * followed: a folder on the way (`configs/link-to-outside/x.yaml`) may lead out as much as the
 * file itself. False on any failure, so a link out is answered as a missing file is.
 *
 * - With a real path (desktop and remote, `file:` URIs): the file's real path must lie in the
 *   folder's real path, as the command line checks (`src/node/boundary.ts`); a link that stays
 *   inside is followed.
 * - Without one (the browser, virtual file systems): `vscode.workspace.fs` cannot say where a
 *   link leads, so every folder on the way below `folder`, and the file, is asked with `stat`,
 *   and any symbolic link among them refuses the file.
 */
export async function staysInside(uri: vscode.Uri, folder: vscode.Uri, realPath?: RealPath): Promise<boolean> {
  if (folder.scheme !== uri.scheme || folder.authority !== uri.authority || !insideBoundary(folder.path, uri.path)) return false;
  try {
    if (realPath && uri.scheme === 'file') {
      const [realFolder, real] = await Promise.all([realPath(folder.fsPath), realPath(uri.fsPath)]);
      return insideBoundary(vscode.Uri.file(realFolder).path, vscode.Uri.file(real).path);
    }
    const steps = uri.path.slice(folder.path.replace(/\/+$/, '').length + 1).split('/');
    let at = folder;
    for (const step of steps) {
      at = vscode.Uri.joinPath(at, step);
      if (((await vscode.workspace.fs.stat(at)).type & vscode.FileType.SymbolicLink) !== 0) return false;
    }
    return true;
  } catch {
    return false;
  }
}
