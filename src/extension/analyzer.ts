import * as path from 'path';
import { WorkerAnalyzer } from '../node/workerAnalyzer';
import type { Analyzer } from './analysisCache';
import { analyzeHere as here } from './inlineAnalyzer';

/** How long one analysis may run before its worker is ended and the file reported as stopped. */
export const ANALYSIS_TIME_LIMIT_MS = 10_000;

/**
 * Analyses on a worker thread beside the extension bundle. If the thread cannot start at all
 * (a host without worker threads), analyses run on the host thread: slower to fail on a hostile
 * file, but every surface still works. The engine's own size and depth bounds apply either way.
 */
export function createAnalyzer(extensionPath: string, log: (message: string) => void): Analyzer {
  const worker = new WorkerAnalyzer(path.join(extensionPath, 'dist', 'analysisWorker.js'), ANALYSIS_TIME_LIMIT_MS);
  let onThread = false;
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
