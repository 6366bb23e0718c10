import { Worker } from 'worker_threads';
import { inlineLabExecutor, type LabExecutor, type LabJob, type LabReply, type LabResult, type LabTask } from '../extension/lab/labTasks';

/** A task that runs past this is ended with its worker (a hostile file the engine's bounds missed). */
const TIME_LIMIT_MS = 30_000;

/**
 * Runs the lab's tasks on a worker thread (dist/labWorker.js): fitting 250 runs with its bootstrap
 * takes about 0.3 s, which the extension host's thread must not spend. When the thread cannot
 * start, tasks run on the host's thread after the current event (the analysis worker's last resort too).
 */
export class WorkerLabExecutor implements LabExecutor {
  private worker: Worker | undefined;
  private nextId = 1;
  private onThread = false;
  private readonly waiting = new Map<number, { resolve: (result: LabResult) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();

  constructor(
    private readonly script: string,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  run(task: LabTask): Promise<LabResult> {
    if (!this.onThread) {
      try {
        return this.onWorker(task);
      } catch (error) {
        this.onThread = true;
        this.log(`The lab worker could not start (${error instanceof Error ? error.message : String(error)}); running on the extension host's thread.`);
      }
    }
    return inlineLabExecutor.run(task);
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
  }
}
