import type * as vscode from 'vscode';
import { HuggingFaceModels } from '../node/huggingFace';
import { activateShared, type ComputeBudgetApi } from './activateShared';
import { createAnalyzer } from './analyzer';

export type { ComputeBudgetApi } from './activateShared';

/**
 * The Node entry (desktop, remote, code-server): analyses on a worker thread, models from the
 * Hugging Face cache and, when allowed, the Hub. The browser entry is `src/web/extension.ts`.
 */
export function activate(context: vscode.ExtensionContext): ComputeBudgetApi {
  return activateShared(context, {
    analyzer: (log) => createAnalyzer(context.extensionPath, log),
    models: (allowNetwork) => {
      const models = new HuggingFaceModels({ allowNetwork });
      return (id) => models.modelConfig(id);
    },
  });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
