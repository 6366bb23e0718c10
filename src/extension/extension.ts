import type * as vscode from 'vscode';
import * as path from 'path';
import { HuggingFaceModels } from '../node/huggingFace';
import { WorkerLabExecutor } from '../node/labWorkerExecutor';
import type { FactsEngine } from '../core/workspaceFacts/engine';
import { activateShared, type ComputeBudgetApi } from './activateShared';
import { createAnalyzer } from './analyzer';

export type { ComputeBudgetApi } from './activateShared';

/**
 * The Node entry (desktop, remote, code-server): analyses and the lab's fits on worker threads, models from the
 * Hugging Face cache and, when allowed, the Hub. The browser entry is `src/web/extension.ts`.
 */
export function activate(context: vscode.ExtensionContext): ComputeBudgetApi {
  return activateShared(context, {
    analyzer: (log) => createAnalyzer(context.extensionPath, log),
    models: (allowNetwork) => {
      const models = new HuggingFaceModels({ allowNetwork });
      return (id) => models.modelConfig(id);
    },
    lab: (log) => new WorkerLabExecutor(path.join(context.extensionPath, 'dist', 'labWorker.js'), log),
    factsEngine: bundledFactsEngine(path.join(context.extensionPath, 'dist', 'factsEngine.js')),
  });
}

/** The facts-file engine from its own bundle, loaded once, the first time it is needed. */
function bundledFactsEngine(script: string): () => FactsEngine {
  let engine: FactsEngine | undefined;
  return () => {
    // A run-time path: the bundler leaves this require alone.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    engine ??= (require(script) as typeof import('../core/workspaceFacts/engine')).factsEngine;
    return engine;
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
