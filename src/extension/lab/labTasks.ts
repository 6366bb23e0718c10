import { fitWorkspaceRuns, type WorkspaceFit } from '../../core/lab/workspaceFit';
import { stopWorkspaceLog, type WorkspaceStop } from '../../core/lab/workspaceStop';
import { boundaryText, type BoundaryReport } from '../../core/lab/boundary';

export type LabTask =
  | { readonly kind: 'fit'; readonly text: string; readonly file: string; readonly minTokens: number | undefined }
  | {
      readonly kind: 'stop';
      readonly text: string;
      readonly file: string;
      readonly tokensPerStep: number | undefined;
      readonly plannedTokens: number | undefined;
    }
  | { readonly kind: 'boundary'; readonly text: string; readonly file: string };

export type LabResult = WorkspaceFit | WorkspaceStop | BoundaryReport;

export type LabJob = LabTask & { readonly id: number };

export type LabReply = { readonly id: number; readonly result: LabResult } | { readonly id: number; readonly error: string };

/** What the worker (or, as a last resort, the host) runs for a task. */
export function runTask(task: LabTask): LabResult {
  if (task.kind === 'fit') return fitWorkspaceRuns(task.text, task.file, { minTokens: task.minTokens });
  if (task.kind === 'stop') return stopWorkspaceLog(task.text, task.file, { tokensPerStep: task.tokensPerStep, plannedTokens: task.plannedTokens });
  return boundaryText(task.text, { file: task.file, numberStyle: 'unicode' });
}

/** Runs lab tasks somewhere off the editor's way: a worker thread in Node, the host's own web worker in the browser. */
export interface LabExecutor {
  run(task: LabTask): Promise<LabResult>;
  dispose(): void;
}

/** Runs each task on this thread after the current event (the browser's host is already a web worker). */
export const inlineLabExecutor: LabExecutor = {
  run: (task) =>
    new Promise((resolve, reject) =>
      setTimeout(() => {
        try {
          resolve(runTask(task));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      }, 0),
    ),
  dispose: () => undefined,
};

/** FNV-1a over the text: a cache key, not a security hash. */
export function contentHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16);
}
