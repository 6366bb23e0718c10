import { Worker } from 'worker_threads';

/** What a reply carries: the job's id, and its value or an error message. */
export type WorkerOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

interface Waiting<T> {
  readonly resolve: (value: T) => void;
  readonly reject: (error: Error) => void;
  /** Set once the worker runs: starting a thread on a busy machine is not the job's time. */
  timer?: NodeJS.Timeout;
}

export interface TimedWorkerOptions<Reply, T> {
  /** The bundled worker script. */
  readonly script: string;
  readonly timeLimitMs: number;
  /** The error a job past its time limit fails with. */
  readonly timeout: () => Error;
  /** What this worker is called in messages ("analysis worker", "lab worker"). */
  readonly name: string;
  /** The job id and the outcome a reply carries. */
  readonly read: (reply: Reply) => { readonly id: number; readonly outcome: WorkerOutcome<T> };
}

/**
 * Jobs on one worker thread, so the extension host's thread only posts work and receives results.
 * A job that runs past its time limit (a hostile file the engine's own bounds did not catch) costs
 * the worker, never the editor: the thread is ended, every job it held fails, and a new thread
 * starts with the next job. Throws from `run` only when a thread cannot be started at all.
 */
export class TimedWorker<Job extends object, Reply, T> {
  private worker: Worker | undefined;
  private online: Promise<void> = Promise.resolve();
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting<T>>();

  constructor(private readonly options: TimedWorkerOptions<Reply, T>) {}

  run(job: Job): Promise<T> {
    const worker = this.started();
    const id = this.nextId++;
    const online = this.online;
    return new Promise<T>((resolve, reject) => {
      const waiting: Waiting<T> = { resolve, reject };
      this.waiting.set(id, waiting);
      worker.postMessage({ ...job, id });
      // A time limit on a job, not a wait: the worker is ended if the job never returns.
      void online.then(() => {
        if (this.waiting.get(id) !== waiting) return;
        waiting.timer = setTimeout(() => this.restart(this.options.timeout()), this.options.timeLimitMs);
      });
    });
  }

  dispose(): void {
    this.restart(new Error(`The ${this.options.name} was stopped.`));
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.options.script);
    this.online = new Promise((resolve) => worker.once('online', () => resolve()));
    worker.on('message', (reply: Reply) => {
      const { id, outcome } = this.options.read(reply);
      const waiting = this.waiting.get(id);
      if (!waiting) return;
      this.waiting.delete(id);
      clearTimeout(waiting.timer);
      if (outcome.ok) waiting.resolve(outcome.value);
      else waiting.reject(new Error(outcome.error));
    });
    worker.on('error', (error) => this.restart(error instanceof Error ? error : new Error(String(error))));
    worker.on('exit', () => {
      if (this.worker === worker) this.restart(new Error(`The ${this.options.name} ended.`));
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
