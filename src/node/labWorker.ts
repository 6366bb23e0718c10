/**
 * The lab's worker thread: a runs file or a loss log in, its fit or stop signal out. Fitting
 * 250 runs with 100 bootstrap resamples takes about 0.3 s, which the extension host's thread
 * must not spend. Bundled as dist/labWorker.js (esbuild.js); loaded by the host (no parentPort
 * there) when no thread can start, it only exports `runTask`.
 */
import { parentPort } from 'worker_threads';
import { runTask } from '../extension/lab/labEngine';
import type { LabJob, LabReply } from '../extension/lab/labTasks';

export { runTask };

parentPort?.on('message', (job: LabJob) => {
  let reply: LabReply;
  try {
    reply = { id: job.id, result: runTask(job) };
  } catch (error) {
    reply = { id: job.id, error: String((error as Error)?.message ?? error) };
  }
  parentPort?.postMessage(reply);
});
