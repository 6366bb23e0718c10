import * as vscode from 'vscode';
import { insideBoundary } from '../../core/resources/boundary';
import { boundaryOf } from '../resources';

/**
 * Whether a file the lab follows from `document` (its `log=` loss log) lies inside the folder an
 * analysis of `document` may read (`boundaryOf`: its workspace folder, its own folder when in
 * none, nothing in Restricted Mode or for an untitled document). Decided on the resolved URI's
 * text, before anything is asked of the disk; `readContent` then refuses links and devices.
 */
export function insideLabBoundary(document: vscode.Uri, target: vscode.Uri): boolean {
  if (boundaryOf(document) === '') return false;
  const folder = vscode.workspace.getWorkspaceFolder(document)?.uri ?? vscode.Uri.joinPath(document, '..');
  if (folder.scheme !== target.scheme || folder.authority !== target.authority) return false;
  return insideBoundary(folder.path, target.path);
}
