import { factsJobRunner, type FactsJob } from '../core/workspaceFacts/factsJob';

/**
 * The browser's facts worker (dist/web/factsWorker.js): a worker of its own, started by the web
 * extension host (itself a web worker) from `webFactsEngine`. Parses `.compute-budget.yaml`
 * texts, compiles their globs and matches paths, as the Node host's worker thread does
 * (src/node/factsWorker.ts), with the same job runner. Says `ready` first, so the host knows
 * the nested worker really runs before it sends anything.
 */
const scope = globalThis as unknown as { onmessage: ((event: { data: FactsJob }) => void) | null; postMessage(message: unknown): void };
const answer = factsJobRunner();
scope.onmessage = (event) => scope.postMessage(answer(event.data));
scope.postMessage({ ready: true });
