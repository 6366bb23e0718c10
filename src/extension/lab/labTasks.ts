import type { WorkspaceFit } from '../../core/lab/workspaceFit';
import type { WorkspaceStop } from '../../core/lab/workspaceStop';
import type { BoundaryReport } from '../../core/lab/boundary';

export type LabTask =
  | { readonly kind: 'fit'; readonly text: LabInput; readonly file: string; readonly minTokens: number | undefined }
  | {
      readonly kind: 'stop';
      readonly text: LabInput;
      readonly file: string;
      readonly tokensPerStep: number | undefined;
      readonly plannedTokens: number | undefined;
    }
  | { readonly kind: 'boundary'; readonly text: LabInput; readonly file: string };

/** A file's text, or its UTF-8 bytes as read from disk: decoded on the worker, not the host. */
export type LabInput = string | Uint8Array;

/** The text of a task's input. */
export function inputText(input: LabInput): string {
  return typeof input === 'string' ? input : new TextDecoder('utf-8').decode(input);
}

export type LabResult = WorkspaceFit | WorkspaceStop | BoundaryReport;

export type LabJob = LabTask & { readonly id: number };

export type LabReply = { readonly id: number; readonly result: LabResult } | { readonly id: number; readonly error: string };

/** Runs lab tasks somewhere off the editor's way: a worker thread in Node, the host's own web worker in the browser. */
export interface LabExecutor {
  run(task: LabTask): Promise<LabResult>;
  dispose(): void;
}

/** FNV-1a over the text: a cache key, not a security hash. */
export function contentHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16);
}
