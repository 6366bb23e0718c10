/**
 * The lab's worker thread: a runs file's text in, its fit out. Fitting 250 runs with 100
 * bootstrap resamples takes about 0.3 s, which the extension host's thread must not spend.
 * Bundled as dist/labWorker.js (esbuild.js).
 */
import { parentPort } from 'worker_threads';
import { fitWorkspaceRuns } from '../../core/lab/workspaceFit';
import type { LabJob, LabReply } from './fitRunner';

parentPort?.on('message', (job: LabJob) => {
  let reply: LabReply;
  try {
    reply = { id: job.id, result: fitWorkspaceRuns(job.text, job.file, { minTokens: job.minTokens }) };
  } catch (error) {
    reply = { id: job.id, error: String((error as Error)?.message ?? error) };
  }
  parentPort?.postMessage(reply);
});
