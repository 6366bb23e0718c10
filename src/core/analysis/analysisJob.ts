import type { Analysis, AnalyzeOptions } from './types';
import type { ResourceSnapshot, Resources } from '../resources/resources';

export interface AnalysisJob {
  readonly id: number;
  readonly text: string;
  readonly fileName: string;
  readonly options: Omit<AnalyzeOptions, 'resources'>;
  readonly resources: ResourceSnapshot;
}

export type AnalysisReply = { readonly id: number; readonly analysis: Analysis } | { readonly id: number; readonly error: string };

export const EMPTY_SNAPSHOT: ResourceSnapshot = { files: {}, models: {} };

/** Lookups over a snapshot: a path or id it does not hold is "not fetched yet". */
export function resourcesFromSnapshot(snapshot: ResourceSnapshot): Resources {
  return {
    file: (path) => (Object.hasOwn(snapshot.files, path) ? snapshot.files[path] : undefined),
    modelConfig: (id) => (Object.hasOwn(snapshot.models, id) ? snapshot.models[id] : undefined),
    tokenizer: (path) => (snapshot.tokenizers && Object.hasOwn(snapshot.tokenizers, path) ? snapshot.tokenizers[path] : undefined),
  };
}
