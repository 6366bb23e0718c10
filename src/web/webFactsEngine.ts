import * as vscode from 'vscode';
import { factsEngineOver, inlineFactsEngine, type FactsEngine } from '../core/workspaceFacts/engine';
import type { FactsReply, FactsRequest } from '../core/workspaceFacts/factsJob';

/** A facts file is a few lines; one that takes longer than this ends its worker, not the editor (as on the Node host). */
export const WEB_FACTS_TIME_LIMIT_MS = 10_000;

/** How long the worker may take to start and say `ready` before the engine runs on the host's thread instead. */
const START_LIMIT_MS = 10_000;

type Pending = { readonly resolve: (value: unknown) => void; readonly reject: (error: Error) => void; readonly timer: ReturnType<typeof setTimeout> };

/**
 * The facts engine of the browser host on a worker of its own. VS Code's web worker extension
 * host gives extensions `Worker` (a nested worker, or its polyfill through the workbench) but
 * refuses a `vscode-remote:` script URL, so the script's text is read through
 * `vscode.workspace.fs` and started from a `blob:` URL, which works wherever the extension is
 * served from. When the worker cannot start (no `Worker`, a refused URL, no `ready` within
 * START_LIMIT_MS) the jobs run on the host's thread, as before, and the log says so. A job past
 * WEB_FACTS_TIME_LIMIT_MS ends the worker (the next job starts a new one) and rejects.
 */
export function webFactsEngine(script: vscode.Uri, log: (message: string) => void = () => undefined): FactsEngine & { dispose(): void } {
  const pending = new Map<number, Pending>();
  let next = 1;
  let worker: Promise<Worker | undefined> | undefined;
  let inline: FactsEngine | undefined;
  let disposed = false;

  const fallBack = (why: string): undefined => {
    log(`The facts worker could not start (${why}); reading facts files on the extension host's thread.`);
    inline ??= inlineFactsEngine();
    return undefined;
  };

  const start = async (): Promise<Worker | undefined> => {
    let url: string | undefined;
    try {
      if (typeof Worker !== 'function') return fallBack('this host has no Worker');
      const bytes = await vscode.workspace.fs.readFile(script);
      url = URL.createObjectURL(new Blob([new TextDecoder('utf-8').decode(bytes)], { type: 'text/javascript' }));
      const started = new Worker(url, { name: 'compute-budget facts' });
      const ready = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), START_LIMIT_MS);
        started.onerror = () => {
          clearTimeout(timer);
          resolve(false);
        };
        started.onmessage = (event: MessageEvent<{ ready?: boolean }>) => {
          clearTimeout(timer);
          resolve(event.data?.ready === true);
        };
      });
      if (!ready) {
        started.terminate();
        return fallBack('it did not answer');
      }
      started.onmessage = (event: MessageEvent<FactsReply>) => settle(event.data);
      started.onerror = () => stop(new Error('The facts worker failed.'));
      return started;
    } catch (error) {
      return fallBack(error instanceof Error ? error.message : String(error));
    } finally {
      if (url) URL.revokeObjectURL(url);
    }
  };

  const settle = (reply: FactsReply) => {
    const job = pending.get(reply.id);
    if (!job) return;
    pending.delete(reply.id);
    clearTimeout(job.timer);
    if ('value' in reply) job.resolve(reply.value);
    else job.reject(new Error(reply.error));
  };

  /** Ends the worker and every job on it; the next job starts a new one. */
  const stop = (error: Error) => {
    const ending = worker;
    worker = undefined;
    void ending?.then((running) => running?.terminate());
    for (const job of pending.values()) {
      clearTimeout(job.timer);
      job.reject(error);
    }
    pending.clear();
  };

  const engine = factsEngineOver(async (request: FactsRequest) => {
    if (disposed) throw new Error('The facts engine was disposed.');
    const running = await (worker ??= start());
    if (!running) return runInline(request);
    return new Promise((resolve, reject) => {
      const id = next++;
      const timer = setTimeout(
        () => stop(new Error(`Reading the .compute-budget.yaml files took longer than ${WEB_FACTS_TIME_LIMIT_MS / 1000} s and was stopped.`)),
        WEB_FACTS_TIME_LIMIT_MS,
      );
      pending.set(id, { resolve, reject, timer });
      running.postMessage({ ...request, id });
    });
  });

  const runInline = (request: FactsRequest): Promise<unknown> => {
    const here = (inline ??= inlineFactsEngine());
    switch (request.kind) {
      case 'problems':
        return here.problems(request.text);
      case 'facts':
        return here.factsForPath(request.files, request.path);
      case 'glob':
        return here.globForPath(request.relativePath);
      case 'edit':
        return here.addFactEdit(request.text, request.glob, request.name, request.value);
    }
  };

  return {
    ...engine,
    dispose: () => {
      disposed = true;
      stop(new Error('The facts engine was disposed.'));
    },
  };
}
