import type { Finding } from '../analysis/findings';
import type { FactName } from '../source/directives';
import type { FactsEditResult } from './edit';
import { factsJobRunner, type FactsAnswers, type FactsRequest, type FactsText } from './factsJob';

/**
 * What the editor asks of `.compute-budget.yaml` files: their problems, the facts they give one
 * config, and the edit that adds a fact. Every answer is a promise, so the parsing and glob
 * matching can run on another thread: the Node host runs them on a worker thread
 * (src/node/factsWorker.ts), the browser host on its own thread (`inlineFactsEngine`).
 */
export interface FactsEngine {
  problems(text: string): Promise<readonly Finding[]>;
  /** The facts the files (each with its folder) give the config at `path`, by fact name. */
  factsForPath(files: readonly FactsText[], path: string): Promise<Record<string, string>>;
  /** A glob that names exactly this path relative to a facts file's folder. */
  globForPath(relativePath: string): Promise<string>;
  addFactEdit(text: string | undefined, glob: string, name: FactName, value: string): Promise<FactsEditResult>;
}

/** A facts engine over something that answers one request at a time (a worker, or this thread). */
export function factsEngineOver(run: (request: FactsRequest) => Promise<unknown>): FactsEngine {
  return {
    problems: (text) => run({ kind: 'problems', text }) as Promise<FactsAnswers['problems']>,
    factsForPath: (files, path) => run({ kind: 'facts', files, path }) as Promise<FactsAnswers['facts']>,
    globForPath: (relativePath) => run({ kind: 'glob', relativePath }) as Promise<FactsAnswers['glob']>,
    addFactEdit: (text, glob, name, value) => run({ kind: 'edit', text, glob, name, value }) as Promise<FactsAnswers['edit']>,
  };
}

/** The engine on the calling thread: a throw becomes a rejection. */
export function inlineFactsEngine(): FactsEngine {
  const answer = factsJobRunner();
  return factsEngineOver((request) => {
    const reply = answer({ ...request, id: 0 });
    return 'value' in reply ? Promise.resolve(reply.value) : Promise.reject(new Error(reply.error));
  });
}
