import { Worker } from 'worker_threads';
import type { AnalysisJob, AnalysisReply } from '../core/analysisJob';
import type { Analysis } from '../core/analyze';

export class AnalysisTimeout extends Error {}

interface Waiting {
  readonly resolve: (analysis: Analysis) => void;
  readonly reject: (error: Error) => void;
  /** Set once the worker runs: starting a thread on a busy machine is not the analysis's time. */
  timer?: NodeJS.Timeout;
}

/**
 * Runs analyses on one worker thread, so the extension host's thread only posts a text and
 * receives a result. A job that runs past its time limit (a hostile file the engine's own bounds
 * did not catch) costs the worker, never the editor: the thread is ended and a new one starts
 * with the next job.
 */
export class WorkerAnalyzer {
  private worker: Worker | undefined;
  private online: Promise<void> = Promise.resolve();
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();

  constructor(
    private readonly script: string,
    private readonly timeLimitMs = 10_000,
  ) {}

  analyze(job: Omit<AnalysisJob, 'id'>): Promise<Analysis> {
    const worker = this.started();
    const id = this.nextId++;
    const online = this.online;
    return new Promise<Analysis>((resolve, reject) => {
      const waiting: Waiting = { resolve, reject };
      this.waiting.set(id, waiting);
      worker.postMessage({ ...job, id } satisfies AnalysisJob);
      // A time limit on a job, not a wait: the worker is ended if the analysis never returns.
      void online.then(() => {
        if (this.waiting.get(id) !== waiting) return;
        waiting.timer = setTimeout(
          () => this.restart(new AnalysisTimeout(`The analysis took longer than ${this.timeLimitMs / 1000} s and was stopped.`)),
          this.timeLimitMs,
        );
      });
    });
  }

  dispose(): void {
    this.restart(new Error('The analysis worker was stopped.'));
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script);
    this.online = new Promise((resolve) => worker.once('online', () => resolve()));
    worker.on('message', (reply: AnalysisReply) => {
      const waiting = this.waiting.get(reply.id);
      if (!waiting) return;
      this.waiting.delete(reply.id);
      clearTimeout(waiting.timer);
      if ('analysis' in reply) waiting.resolve(reply.analysis);
      else waiting.reject(new Error(reply.error));
    });
    worker.on('error', (error) => this.restart(error instanceof Error ? error : new Error(String(error))));
    worker.on('exit', () => {
      if (this.worker === worker) this.restart(new Error('The analysis worker ended.'));
    });
    // The editor may close while a job runs; the worker must not keep the host process alive.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  /** Ends the worker and fails every job it held; the next job starts a fresh one. */
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
}
