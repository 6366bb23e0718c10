import { factsEngineOver, type FactsEngine } from '../core/workspaceFacts/engine';
import type { FactsJob, FactsReply, FactsRequest } from '../core/workspaceFacts/factsJob';
import { TimedWorker } from './timedWorker';

/** A facts file is a few lines; one that takes longer than this ends its worker, not the editor. */
export const FACTS_TIME_LIMIT_MS = 10_000;

/**
 * The facts engine on a worker thread (dist/factsWorker.js): the host only reads the files' texts
 * and posts them. When the thread cannot start, jobs run on the host's thread after the current
 * event, with the engine loaded from the worker's own bundle (the host bundle carries no copy).
 */
export function workerFactsEngine(
  script: string,
  log: (message: string) => void = () => undefined,
  timeLimitMs = FACTS_TIME_LIMIT_MS,
): FactsEngine & { dispose(): void } {
  const worker = new TimedWorker<FactsRequest, FactsReply, unknown>({
    script,
    timeLimitMs,
    name: 'facts worker',
    timeout: () => new Error(`Reading the .compute-budget.yaml files took longer than ${timeLimitMs / 1000} s and was stopped.`),
    read: (reply) => ({ id: reply.id, outcome: 'value' in reply ? { ok: true, value: reply.value } : { ok: false, error: reply.error } }),
  });
  let here: ((job: FactsJob) => FactsReply) | undefined;
  let onThread = false;
  const runHere = (request: FactsRequest) =>
    new Promise<unknown>((resolve, reject) =>
      setImmediate(() => {
        try {
          // eslint-disable-next-line @typescript-eslint/no-require-imports
          here ??= (require(script) as typeof import('./factsWorker')).factsJobRunner();
          const reply = here({ ...request, id: 0 });
          if ('value' in reply) resolve(reply.value);
          else reject(new Error(reply.error));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      }),
    );
  const engine = factsEngineOver((request) => {
    if (!onThread) {
      try {
        return worker.run(request);
      } catch (error) {
        onThread = true;
        log(
          `The facts worker could not start (${error instanceof Error ? error.message : String(error)}); reading facts files on the extension host's thread.`,
        );
      }
    }
    return runHere(request);
  });
  return { ...engine, dispose: () => worker.dispose() };
}
