import { Worker } from 'worker_threads';
import type { CliOutcome, CliRun } from './worker';

/** What happened to one run: its outcome, or the budget it passed. */
export type PoolResult = { readonly outcome: CliOutcome } | { readonly over: 'time' | 'memory'; readonly detail: string };

/**
 * Threads that run the command line, one run each at a time. A run past `timeMs` ends its thread
 * (a hang); a run past the heap limit kills it (ERR_WORKER_OUT_OF_MEMORY). Either way a new
 * thread takes the next run.
 */
export class CliPool {
  private readonly idle: Worker[] = [];
  private readonly waiting: (() => void)[] = [];
  private nextId = 1;

  constructor(
    private readonly script: string,
    private readonly size: number,
    private readonly timeMs: number,
    private readonly memoryMb: number,
  ) {}

  async run(argv: readonly string[]): Promise<PoolResult> {
    const worker = await this.take();
    const id = this.nextId++;
    return new Promise<PoolResult>((resolve) => {
      let done = false;
      const finish = (result: PoolResult, keep: boolean) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        // Only this run's listeners: removeAllListeners would also drop the ones Node's Worker keeps for itself.
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (keep) this.give(worker);
        else {
          void worker.terminate();
          this.give(undefined);
        }
        resolve(result);
      };
      const timer = setTimeout(() => finish({ over: 'time', detail: `past ${this.timeMs} ms` }, false), this.timeMs);
      const onMessage = (outcome: CliOutcome) => outcome.id === id && finish({ outcome }, true);
      const onError = (error: Error & { code?: string }) =>
        finish(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? { over: 'memory', detail: `past ${this.memoryMb} MB of heap` }
            : { outcome: { id, code: 70, out: '', err: '', reads: [], thrown: error.stack ?? String(error), ms: 0 } },
          false,
        );
      const onExit = () => finish({ outcome: { id, code: 70, out: '', err: '', reads: [], thrown: 'the thread exited', ms: 0 } }, false);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage({ id, argv } satisfies CliRun);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.idle.splice(0).map((worker) => worker.terminate()));
  }

  private started = 0;

  private take(): Promise<Worker> {
    const ready = this.idle.pop();
    if (ready) return Promise.resolve(ready);
    if (this.started < this.size) {
      this.started++;
      return this.spawn();
    }
    return new Promise((resolve) => this.waiting.push(() => resolve(this.take())));
  }

  /** A thread back (or, when it was ended, room for a new one), and the next waiting run goes. */
  private give(worker: Worker | undefined): void {
    if (worker) this.idle.push(worker);
    else this.started--;
    this.waiting.shift()?.();
  }

  /** A new thread, once it has loaded the CLI (it says so). */
  private spawn(): Promise<Worker> {
    const worker = new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: this.memoryMb } });
    return new Promise((resolve, reject) => {
      worker.once('message', () => resolve(worker));
      worker.once('error', reject);
    });
  }
}
