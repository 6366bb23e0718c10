import type { LabExecutor, LabReply, LabResult, LabTask } from '../extension/lab/labTasks';
import { TimedWorker } from './timedWorker';

/** A task that runs past this is ended with its worker (a hostile file the engine's bounds missed). */
const TIME_LIMIT_MS = 30_000;

/**
 * Runs the lab's tasks on a worker thread (dist/labWorker.js): fitting 250 runs with its bootstrap
 * takes about 0.3 s, which the extension host's thread must not spend. When the thread cannot
 * start, tasks run on the host's thread after the current event, with the engine loaded from the
 * worker's bundle (the analysis worker's last resort too).
 */
export class WorkerLabExecutor implements LabExecutor {
  private readonly worker: TimedWorker<LabTask, LabReply, LabResult>;
  private onThread = false;

  constructor(
    private readonly script: string,
    private readonly log: (message: string) => void = () => undefined,
  ) {
    this.worker = new TimedWorker({
      script,
      timeLimitMs: TIME_LIMIT_MS,
      name: 'lab worker',
      timeout: () => new Error(`The lab's work took longer than ${TIME_LIMIT_MS / 1000} s and was stopped.`),
      read: (reply) => ({ id: reply.id, outcome: 'result' in reply ? { ok: true, value: reply.result } : { ok: false, error: reply.error } }),
    });
  }

  run(task: LabTask): Promise<LabResult> {
    if (!this.onThread) {
      try {
        return this.worker.run(task);
      } catch (error) {
        this.onThread = true;
        this.log(`The lab worker could not start (${error instanceof Error ? error.message : String(error)}); running on the extension host's thread.`);
      }
    }
    return new Promise((resolve, reject) =>
      setImmediate(() => {
        try {
          // The engine from the worker's own bundle: the host bundle does not carry a copy of it.
          // eslint-disable-next-line @typescript-eslint/no-require-imports
          const engine = require(this.script) as typeof import('./labWorker');
          resolve(engine.runTask(task));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      }),
    );
  }

  dispose(): void {
    this.worker.dispose();
  }
}
