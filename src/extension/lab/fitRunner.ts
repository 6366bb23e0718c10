import { Worker } from 'worker_threads';
import { fitWorkspaceRuns, type WorkspaceFit } from '../../core/lab/workspaceFit';

export interface LabJob {
  readonly id: number;
  readonly text: string;
  readonly file: string;
  readonly minTokens: number | undefined;
}

export type LabReply = { readonly id: number; readonly result: WorkspaceFit } | { readonly id: number; readonly error: string };

/** A fit that runs past this is ended with its worker (a hostile file the engine's bounds missed). */
const TIME_LIMIT_MS = 30_000;
const CACHE_SIZE = 4;

/**
 * Fits runs files on a worker thread, one fit per file content: the same text (and minimum
 * tokens) is fitted once, however often the file is saved or the settings re-read. When the
 * thread cannot start, the fit runs on the host's thread after the current event (the last resort
 * the analysis worker has too).
 */
export class FitRunner {
  private worker: Worker | undefined;
  private nextId = 1;
  private onThread = false;
  private readonly waiting = new Map<number, { resolve: (fit: WorkspaceFit) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();
  private readonly cache = new Map<string, Promise<WorkspaceFit>>();

  constructor(private readonly script: string, private readonly log: (message: string) => void = () => undefined) {}

  fit(text: string, file: string, minTokens: number | undefined): Promise<WorkspaceFit> {
    const key = `${contentHash(text)}:${text.length}:${minTokens ?? ''}:${file.slice(file.lastIndexOf('.'))}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const fresh = this.run({ text, file, minTokens });
    fresh.catch(() => this.cache.delete(key));
    this.cache.set(key, fresh);
    while (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return fresh;
  }

  private run(job: Omit<LabJob, 'id'>): Promise<WorkspaceFit> {
    if (!this.onThread) {
      try {
        return this.onWorker(job);
      } catch (error) {
        this.onThread = true;
        this.log(`The lab worker could not start (${error instanceof Error ? error.message : String(error)}); fitting on the extension host's thread.`);
      }
    }
    return new Promise((resolve, reject) => setImmediate(() => {
      try {
        resolve(fitWorkspaceRuns(job.text, job.file, { minTokens: job.minTokens }));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    }));
  }

  private onWorker(job: Omit<LabJob, 'id'>): Promise<WorkspaceFit> {
    const worker = this.started();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.restart(new Error(`The fit took longer than ${TIME_LIMIT_MS / 1000} s and was stopped.`)), TIME_LIMIT_MS);
      this.waiting.set(id, { resolve, reject, timer });
      worker.postMessage({ ...job, id } satisfies LabJob);
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
    worker.unref();
    this.worker = worker;
    return worker;
  }

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
