import { Worker } from 'worker_threads';
import { fitWorkspaceRuns, type WorkspaceFit } from '../../core/lab/workspaceFit';
import { stopWorkspaceLog, type WorkspaceStop } from '../../core/lab/workspaceStop';
import { boundaryText, type BoundaryReport } from '../../core/lab/boundary';

export type LabTask =
  | { readonly kind: 'fit'; readonly text: string; readonly file: string; readonly minTokens: number | undefined }
  | { readonly kind: 'stop'; readonly text: string; readonly file: string; readonly tokensPerStep: number | undefined; readonly plannedTokens: number | undefined }
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

/** A task that runs past this is ended with its worker (a hostile file the engine's bounds missed). */
const TIME_LIMIT_MS = 30_000;
const CACHE_SIZE = 8;

/**
 * Runs the lab's work (fitting a runs file, judging a loss log) on a worker thread, once per
 * content: the same text with the same options is computed once, however often the file is
 * saved or the settings re-read. When the thread cannot start, the task runs on the host's
 * thread after the current event (the last resort the analysis worker has too).
 */
export class FitRunner {
  private worker: Worker | undefined;
  private nextId = 1;
  private onThread = false;
  private readonly waiting = new Map<number, { resolve: (result: LabResult) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();
  private readonly cache = new Map<string, Promise<LabResult>>();

  constructor(private readonly script: string, private readonly log: (message: string) => void = () => undefined) {}

  fit(text: string, file: string, minTokens: number | undefined): Promise<WorkspaceFit> {
    return this.cached({ kind: 'fit', text, file, minTokens }) as Promise<WorkspaceFit>;
  }

  stop(text: string, file: string, tokensPerStep: number | undefined, plannedTokens: number | undefined): Promise<WorkspaceStop> {
    return this.cached({ kind: 'stop', text, file, tokensPerStep, plannedTokens }) as Promise<WorkspaceStop>;
  }

  boundary(text: string, file: string): Promise<BoundaryReport> {
    return this.cached({ kind: 'boundary', text, file }) as Promise<BoundaryReport>;
  }

  private cached(task: LabTask): Promise<LabResult> {
    const options = task.kind === 'fit' ? `${task.minTokens}` : task.kind === 'stop' ? `${task.tokensPerStep}:${task.plannedTokens}` : '';
    const key = `${task.kind}:${contentHash(task.text)}:${task.text.length}:${options}:${task.file.slice(task.file.lastIndexOf('.'))}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const fresh = this.run(task);
    fresh.catch(() => this.cache.delete(key));
    this.cache.set(key, fresh);
    while (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return fresh;
  }

  private run(task: LabTask): Promise<LabResult> {
    if (!this.onThread) {
      try {
        return this.onWorker(task);
      } catch (error) {
        this.onThread = true;
        this.log(`The lab worker could not start (${error instanceof Error ? error.message : String(error)}); running on the extension host's thread.`);
      }
    }
    return new Promise((resolve, reject) =>
      setImmediate(() => {
        try {
          resolve(runTask(task));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      }),
    );
  }

  private onWorker(task: LabTask): Promise<LabResult> {
    const worker = this.started();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.restart(new Error(`The lab's work took longer than ${TIME_LIMIT_MS / 1000} s and was stopped.`)), TIME_LIMIT_MS);
      this.waiting.set(id, { resolve, reject, timer });
      worker.postMessage({ ...task, id } satisfies LabJob);
    });
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script);
    worker.on('message', (reply: LabReply) => {
      const waiting = this.waiting.get(reply.id);
      if (!waiting) return;
      this.waiting.delete(reply.id);
      clearTimeout(waiting.timer);
      if ('result' in reply) waiting.resolve(reply.result);
      else waiting.reject(new Error(reply.error));
    });
    worker.on('error', (error) => this.restart(error instanceof Error ? error : new Error(String(error))));
    worker.on('exit', () => {
      if (this.worker === worker) this.restart(new Error('The lab worker ended.'));
    });
    // The editor may close while a fit runs; the worker must not keep the host process alive.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  /** Ends the worker and fails every task it held; the next task starts a fresh one. */
  private restart(reason: Error): void {
    const worker = this.worker;
    this.worker = undefined;
    for (const waiting of this.waiting.values()) {
      clearTimeout(waiting.timer);
      waiting.reject(reason);
    }
    this.waiting.clear();
    void worker?.terminate();
  }

  dispose(): void {
    this.restart(new Error('The lab worker was stopped.'));
    this.cache.clear();
  }
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
