/**
 * The facts-file worker (worker_threads): the extension host posts a `.compute-budget.yaml` text
 * (or a config's path and the texts of the facts files above it) and gets back the problems or
 * the facts, so parsing a file and matching its globs never runs on the host's thread. Bundled
 * as dist/factsWorker.js (esbuild.js); loaded by the host (no parentPort there) when no thread
 * can start, it only exports `factsJobRunner`.
 */
import { parentPort } from 'worker_threads';
import { factsJobRunner, type FactsJob } from '../core/workspaceFacts/factsJob';

export { factsJobRunner };

const answer = factsJobRunner();
parentPort?.on('message', (job: FactsJob) => parentPort?.postMessage(answer(job)));
