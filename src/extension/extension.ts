import type * as vscode from 'vscode';
import * as fs from 'fs';
import * as path from 'path';
import { HuggingFaceModels } from '../node/huggingFace';
import { WorkerLabExecutor } from '../node/labWorkerExecutor';
import { workerFactsEngine } from '../node/workerFactsEngine';
import { activateShared, type ComputeBudgetApi } from './activateShared';
import { createAnalyzer } from './analyzer';

export type { ComputeBudgetApi } from './activateShared';

/**
 * The Node entry (desktop, remote, code-server): analyses, the lab's fits and the facts files' parsing and glob matching on worker threads, models from the
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
    factsEngine: (log) => workerFactsEngine(path.join(context.extensionPath, 'dist', 'factsWorker.js'), log),
    // The extension host runs where the files are (desktop, or the remote machine), so Node's real path is the file's.
    realPath: (file) => fs.promises.realpath(file),
  });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
