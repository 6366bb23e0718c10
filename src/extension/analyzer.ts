import * as path from 'path';
import type { Analysis } from '../core/analyze';
import type { AnalysisJob } from '../core/analysis/analysisJob';
import { WorkerAnalyzer } from '../node/workerAnalyzer';
import type { Analyzer } from './analysisCache';

/** How long one analysis may run before its worker is ended and the file reported as stopped. */
export const ANALYSIS_TIME_LIMIT_MS = 10_000;

/**
 * Analyses on a worker thread beside the extension bundle. If the thread cannot start at all
 * (a host without worker threads), analyses run on the host thread: slower to fail on a hostile
 * file, but every surface still works. The engine's own size and depth bounds apply either way.
 * The host thread then loads the engine from the worker's own bundle: the host bundle does not
 * carry a second copy of it.
 */
export function createAnalyzer(extensionPath: string, log: (message: string) => void): Analyzer {
  const script = path.join(extensionPath, 'dist', 'analysisWorker.js');
  const worker = new WorkerAnalyzer(script, ANALYSIS_TIME_LIMIT_MS);
  let onThread = false;
  const here = (job: Omit<AnalysisJob, 'id'>): Promise<Analysis> => {
    try {
      // A run-time path: the bundler leaves this require alone.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const engine = require(script) as typeof import('../node/analysisWorker');
      const reply = engine.answer({ ...job, id: 0 });
      return 'analysis' in reply ? Promise.resolve(reply.analysis) : Promise.reject(new Error(reply.error));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
  return {
    analyze(job) {
      if (onThread) return here(job);
      try {
        return worker.analyze(job);
      } catch (error) {
        onThread = true;
        log(`The analysis worker could not start (${error instanceof Error ? error.message : String(error)}); analysing on the extension host's thread.`);
        return here(job);
      }
    },
    dispose: () => worker.dispose(),
  };
}
