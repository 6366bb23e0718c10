/**
 * The analysis worker (worker_threads): the extension host hands it a text and gets the
 * analysis back, so a large or hostile file never blocks the editor. The browser entry runs the
 * same engine in a web worker.
 */
import { parentPort } from 'worker_threads';
import { analyze } from '../core/analyze';
import type { AnalysisJob, AnalysisReply } from '../core/analysisJob';
import { resourcesFromSnapshot } from '../core/analysisJob';

parentPort?.on('message', (job: AnalysisJob) => {
  let reply: AnalysisReply;
  try {
    reply = { id: job.id, analysis: analyze(job.text, job.fileName, { ...job.options, resources: resourcesFromSnapshot(job.resources) }) };
  } catch (error) {
    reply = { id: job.id, error: String((error as Error)?.message ?? error) };
  }
  parentPort?.postMessage(reply);
});
