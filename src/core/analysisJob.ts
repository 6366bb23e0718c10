import type { Analysis, AnalyzeOptions } from './analyze';
import type { TokenizerVocab } from './catalog/tokenizerFiles';
import type { ResolvedModelConfig, Resources } from './resources/resources';

/**
 * An analysis sent to a worker (a Node worker thread, or a web worker in the browser): only
 * data crosses, so the host's resource lookups travel as a snapshot of what it has fetched.
 */
export interface ResourceSnapshot {
  readonly files: Readonly<Record<string, string | null>>;
  readonly models: Readonly<Record<string, ResolvedModelConfig | null>>;
  readonly tokenizers?: Readonly<Record<string, TokenizerVocab | null>>;
}

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
