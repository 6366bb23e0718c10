import { analyze, type Analysis } from '../core/analyze';
import { resourcesFromSnapshot, type AnalysisJob } from '../core/analysis/analysisJob';
import type { Analyzer } from './analysisCache';

/** One analysis on the calling thread; a throw becomes a rejection. */
export function analyzeHere(job: Omit<AnalysisJob, 'id'>): Promise<Analysis> {
  try {
    return Promise.resolve(analyze(job.text, job.fileName, { ...job.options, resources: resourcesFromSnapshot(job.resources) }));
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/**
 * Analyses on the extension host's own thread. In the browser that thread is already a web
 * worker, apart from the editor's UI; the Node host uses it only when its worker thread cannot start.
 */
export const inlineAnalyzer: Analyzer = { analyze: analyzeHere, dispose: () => undefined };
