/**
 * The analysis worker (worker_threads): the extension host hands it a text and gets the
 * analysis back, so a large or hostile file never blocks the editor. The browser entry runs the
 * same engine in a web worker.
 */
import { parentPort } from 'worker_threads';
import { analyze } from '../core/analyze';
import type { AnalysisJob, AnalysisReply } from '../core/analysis/analysisJob';
import { resourcesFromSnapshot } from '../core/analysis/analysisJob';

/** One job, answered; also what the host calls when it has to analyse on its own thread. */
export function answer(job: AnalysisJob): AnalysisReply {
  try {
    return { id: job.id, analysis: analyze(job.text, job.fileName, { ...job.options, resources: resourcesFromSnapshot(job.resources) }) };
  } catch (error) {
    return { id: job.id, error: String((error as Error)?.message ?? error) };
  }
}

// Loaded by the host (no parentPort there), this file only exports `answer`.
parentPort?.on('message', (job: AnalysisJob) => parentPort?.postMessage(answer(job)));
