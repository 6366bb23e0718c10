/**
 * What a config points at outside itself: other files (`base_config:`, `!include`) and models
 * named by a Hugging Face id. The engine stays synchronous and pure: it reads these through a
 * lookup the host fills, and lists what it asked for and did not get, so the host can fetch it
 * (from disk, `vscode.workspace.fs`, the Hugging Face cache or the Hub) and analyse again.
 */
import { WorkBudget, type ParsedInclude } from './workBudget';
import type { TokenizerVocab } from '../catalog/tokenizerFiles';

export interface Resources {
  /** A file's text by resolved path; `null` when it does not exist or cannot be read; `undefined` when not loaded yet. */
  file(path: string): string | null | undefined;
  /** A Hugging Face `config.json` text by model id; `null` when no source knows it; `undefined` when not looked up yet. */
  modelConfig(id: string): ResolvedModelConfig | null | undefined;
  /** The vocabulary a tokenizer file holds, counted by the host from its bytes (`vocabularyOf`); same states as `file`. */
  tokenizer?(path: string): TokenizerVocab | null | undefined;
}

export interface ResolvedModelConfig {
  readonly text: string;
  /** Where it came from, for the provenance line: "Hugging Face cache", "Hugging Face Hub". */
  readonly source: string;
}

/**
 * What the host has fetched, as data: an analysis sent to a worker (a Node worker thread, or a
 * web worker in the browser) carries only data, so the host's lookups travel as this snapshot.
 */
export interface ResourceSnapshot {
  readonly files: Readonly<Record<string, string | null>>;
  readonly models: Readonly<Record<string, ResolvedModelConfig | null>>;
  readonly tokenizers?: Readonly<Record<string, TokenizerVocab | null>>;
}

/** What an analysis asked for and did not find in its `Resources`. */
export interface PendingResources {
  readonly files: readonly string[];
  readonly models: readonly string[];
  /** Tokenizer files to count (absent: none). */
  readonly tokenizers?: readonly string[];
}

export const NO_PENDING: PendingResources = { files: [], models: [] };

/** Whether an analysis is waiting for nothing. */
export function nothingPending(pending: PendingResources): boolean {
  return pending.files.length === 0 && pending.models.length === 0 && (pending.tokenizers?.length ?? 0) === 0;
}

/** Lookups made during one analysis, so the host knows what to fetch. */
export class ResourceLookups {
  private readonly files = new Set<string>();
  private readonly models = new Set<string>();
  /** What this analysis may still spend on included files. */
  readonly budget = new WorkBudget();
  /** Included files parsed in this analysis, by path: each is read once however often it is named. */
  readonly parsed = new Map<string, ParsedInclude>();
  private readonly tokenizers = new Set<string>();

  constructor(private readonly resources: Resources | undefined) {}

  file(path: string): string | null | undefined {
    const text = this.resources?.file(path);
    if (text === undefined) this.files.add(path);
    return text;
  }

  modelConfig(id: string): ResolvedModelConfig | null | undefined {
    const config = this.resources?.modelConfig(id);
    if (config === undefined) this.models.add(id);
    return config;
  }

  tokenizer(path: string): TokenizerVocab | null | undefined {
    const vocab = this.resources?.tokenizer?.(path);
    if (vocab === undefined) this.tokenizers.add(path);
    return vocab;
  }

  get pending(): PendingResources {
    if (this.files.size === 0 && this.models.size === 0 && this.tokenizers.size === 0) return NO_PENDING;
    return { files: [...this.files], models: [...this.models], ...(this.tokenizers.size > 0 ? { tokenizers: [...this.tokenizers] } : {}) };
  }
}

/** How a host fetches what an analysis asked for. Failures resolve to `null`, never reject. */
export interface ResourceHost {
  readFile(path: string): Promise<string | null>;
  modelConfig(id: string): Promise<ResolvedModelConfig | null>;
  /** A tokenizer file's vocabulary (`vocabularyOf` over its bytes); hosts that cannot read bytes leave it out. */
  tokenizer?(path: string): Promise<TokenizerVocab | null>;
}

/**
 * Answers kept across analyses: the extension keeps one per session so a re-analysis after a
 * keystroke does not fetch again; the CLI keeps one per run.
 */
export class ResourceCache implements Resources {
  private readonly files = new Map<string, string | null>();
  private readonly models = new Map<string, ResolvedModelConfig | null>();
  private readonly tokenizers = new Map<string, TokenizerVocab | null>();
  private readonly inFlight = new Map<string, Promise<void>>();

  file(path: string): string | null | undefined {
    return this.files.get(path);
  }

  modelConfig(id: string): ResolvedModelConfig | null | undefined {
    return this.models.get(id);
  }

  tokenizer(path: string): TokenizerVocab | null | undefined {
    return this.tokenizers.get(path);
  }

  /**
   * Forgets a file whose text changed on disk, so the next analysis reads it again; true when
   * it was known (an analysis used it), so the host knows to analyse again.
   */
  forgetFile(path: string): boolean {
    const tokenizer = this.tokenizers.delete(path);
    return this.files.delete(path) || tokenizer;
  }

  /** What is known now, as data a worker can receive (only data crosses to a worker). */
  snapshot(): ResourceSnapshot {
    return { files: Object.fromEntries(this.files), models: Object.fromEntries(this.models), tokenizers: Object.fromEntries(this.tokenizers) };
  }

  /** Forgets every model answer: where models come from changed (e.g. the network was allowed). */
  forgetModels(): void {
    this.models.clear();
  }

  /**
   * Fetches what is pending; resolves true when anything pending has an answer now, whoever
   * fetched it (another document may have asked first), so analysing again shows something new.
   * Never rejects.
   */
  async resolve(pending: PendingResources, host: ResourceHost): Promise<boolean> {
    const jobs: Promise<void>[] = [];
    for (const path of pending.files) {
      if (this.files.has(path)) continue;
      jobs.push(
        this.once(`file:${path}`, async () => {
          this.files.set(path, await host.readFile(path).catch(() => null));
        }),
      );
    }
    for (const id of pending.models) {
      if (this.models.has(id)) continue;
      jobs.push(
        this.once(`model:${id}`, async () => {
          this.models.set(id, await host.modelConfig(id).catch(() => null));
        }),
      );
    }
    for (const path of pending.tokenizers ?? []) {
      if (this.tokenizers.has(path)) continue;
      jobs.push(
        this.once(`tokenizer:${path}`, async () => {
          this.tokenizers.set(path, host.tokenizer ? await host.tokenizer(path).catch(() => null) : null);
        }),
      );
    }
    await Promise.all(jobs);
    return (
      pending.files.some((path) => this.files.has(path)) ||
      pending.models.some((id) => this.models.has(id)) ||
      (pending.tokenizers ?? []).some((path) => this.tokenizers.has(path))
    );
  }

  private once(key: string, job: () => Promise<void>): Promise<void> {
    let running = this.inFlight.get(key);
    if (!running) {
      running = job().finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, running);
    }
    return running;
  }
}

/** Files include files at most this deep, and an analysis fetches in at most this many rounds. */
export const MAX_RESOURCE_ROUNDS = 8;

/**
 * Analyses, fetches what the analysis asked for, and analyses again until nothing new is
 * pending (bounded): the CLI's way. The extension shows the first answer at once instead.
 */
export async function withResources<T extends { readonly pending: PendingResources }>(
  run: (resources: Resources) => T,
  cache: ResourceCache,
  host: ResourceHost,
): Promise<T> {
  let result = run(cache);
  for (let round = 0; round < MAX_RESOURCE_ROUNDS; round++) {
    if (nothingPending(result.pending)) break;
    if (!(await cache.resolve(result.pending, host))) break;
    result = run(cache);
  }
  return result;
}

/**
 * Joins a reference written in a config to the directory of the file that wrote it, the way a
 * POSIX shell would; works for plain paths and for `file:` or other URI strings alike.
 */
export function resolveReference(from: string, reference: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(reference) || reference.startsWith('/')) return normalizePath(reference);
  const slash = from.lastIndexOf('/');
  const directory = slash >= 0 ? from.slice(0, slash + 1) : '';
  return normalizePath(directory + reference);
}

function normalizePath(path: string): string {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(path)?.[0] ?? '';
  const rest = path.slice(scheme.length);
  const absolute = rest.startsWith('/');
  const out: string[] = [];
  for (const segment of rest.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (segment !== '..' || !absolute) out.push(segment);
  }
  return scheme + (absolute ? '/' : '') + out.join('/');
}
