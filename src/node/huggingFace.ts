import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { ResolvedModelConfig } from '../core/resources/resources';
import { readBounded } from './files';

/**
 * Models named by Hugging Face id: their `config.json` from the local Hugging Face cache and,
 * when the user allows it, from the Hub. Environment variables are read the way
 * huggingface_hub reads them (`src/huggingface_hub/constants.py` and `utils/_auth.py`).
 */

export const HF_CACHE_SOURCE = 'Hugging Face cache';
export const HF_HUB_SOURCE = 'Hugging Face Hub';

/** A `config.json` is a few kilobytes; anything past this is not one. */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** huggingface_hub's `DEFAULT_DOWNLOAD_TIMEOUT` (10 s), overridable with `HF_HUB_DOWNLOAD_TIMEOUT`. */
export const DEFAULT_TIMEOUT_MS = 10_000;

export interface HubSettings {
  /** `HF_HUB_CACHE`, else `HUGGINGFACE_HUB_CACHE`, else `HF_HOME/hub`. */
  readonly cache: string;
  /** `HF_ENDPOINT` without trailing slashes, else https://huggingface.co. */
  readonly endpoint: string;
  /** `HF_HUB_OFFLINE` (or `TRANSFORMERS_OFFLINE`) is 1/ON/YES/TRUE: no network whatever else says. */
  readonly offline: boolean;
  /** `HF_TOKEN` (or `HUGGING_FACE_HUB_TOKEN`), else the file at `HF_TOKEN_PATH`, else `HF_HOME/token`; unset with `HF_HUB_DISABLE_IMPLICIT_TOKEN`. */
  readonly tokenPath: string;
  readonly envToken: string | undefined;
  readonly implicitTokenDisabled: boolean;
  readonly timeoutMs: number;
}

type Env = Readonly<Record<string, string | undefined>>;

/** constants.py `_is_true`. */
function isTrue(value: string | undefined): boolean {
  return value !== undefined && ['1', 'ON', 'YES', 'TRUE'].includes(value.toUpperCase());
}

/** `os.path.expandvars(os.path.expanduser(...))`, as constants.py applies to every path. */
function expand(value: string, env: Env, home: string): string {
  const user = value === '~' || value.startsWith('~/') ? home + value.slice(1) : value;
  return user.replace(/\$(\w+)|\$\{(\w+)\}/g, (whole, a: string | undefined, b: string | undefined) => env[(a ?? b)!] ?? whole);
}

/** `_auth.py` `_clean_token`: no line breaks, no surrounding spaces, empty is none. */
export function cleanToken(token: string | undefined | null): string | undefined {
  if (token === undefined || token === null) return undefined;
  return token.replace(/[\r\n]/g, '').trim() || undefined;
}

export function hubSettings(env: Env = process.env, home: string = os.homedir()): HubSettings {
  // `os.getenv(NAME, default)` keeps a variable set to the empty string, as Python does.
  const get = (name: string) => env[name];
  const hfHome = expand(get('HF_HOME') ?? path.join(get('XDG_CACHE_HOME') ?? path.join(home, '.cache'), 'huggingface'), env, home);
  const cache = expand(get('HF_HUB_CACHE') ?? get('HUGGINGFACE_HUB_CACHE') ?? path.join(hfHome, 'hub'), env, home);
  const tokenPath = expand(get('HF_TOKEN_PATH') ?? path.join(hfHome, 'token'), env, home);
  const timeout = Number(get('HF_HUB_DOWNLOAD_TIMEOUT'));
  return {
    cache,
    endpoint: (get('HF_ENDPOINT') ?? 'https://huggingface.co').replace(/\/+$/, ''),
    offline: isTrue(get('HF_HUB_OFFLINE') || get('TRANSFORMERS_OFFLINE')),
    tokenPath,
    envToken: cleanToken(get('HF_TOKEN') || get('HUGGING_FACE_HUB_TOKEN')),
    implicitTokenDisabled: isTrue(get('HF_HUB_DISABLE_IMPLICIT_TOKEN')),
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout * 1000 : DEFAULT_TIMEOUT_MS,
  };
}

/** `get_token()` outside Colab: the environment first, then the token file. */
export async function hubToken(settings: HubSettings): Promise<string | undefined> {
  if (settings.implicitTokenDisabled) return undefined;
  if (settings.envToken) return settings.envToken;
  const file = await readBounded(settings.tokenPath, 64 * 1024);
  return 'text' in file ? cleanToken(file.text) : undefined;
}

/** A Hub model id we are willing to turn into a path or URL: `org/name`, no `..`. */
export function isModelId(id: string): boolean {
  return /^[A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,95}$/.test(id) && !id.includes('..') && !id.includes('--');
}

/** A text that parses as a JSON object, as every `config.json` is. */
function configText(text: string): string | null {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? text : null;
  } catch {
    return null;
  }
}

/**
 * The cached `config.json`: `models--org--name/refs/main` names the snapshot; without it
 * (a cache filled at a pinned revision) the newest snapshot that has a config.json.
 */
export async function cachedConfig(cache: string, id: string): Promise<string | null> {
  if (!isModelId(id)) return null;
  const folder = path.join(cache, `models--${id.replace('/', '--')}`);
  const main = await readBounded(path.join(folder, 'refs', 'main'), 1024);
  const hash = 'text' in main ? main.text.trim() : '';
  if (/^[0-9a-f]{5,64}$/i.test(hash)) {
    const file = await readBounded(path.join(folder, 'snapshots', hash, 'config.json'), MAX_CONFIG_BYTES);
    const text = 'text' in file ? configText(file.text) : null;
    if (text !== null) return text;
  }
  let snapshots: string[];
  try {
    snapshots = await fs.readdir(path.join(folder, 'snapshots'));
  } catch {
    return null;
  }
  const dated: { file: string; time: number }[] = [];
  for (const snapshot of snapshots.slice(0, 1000)) {
    const file = path.join(folder, 'snapshots', snapshot, 'config.json');
    const stat = await fs.stat(file).catch(() => undefined);
    if (stat?.isFile()) dated.push({ file, time: stat.mtimeMs });
  }
  for (const { file } of dated.sort((a, b) => b.time - a.time)) {
    const read = await readBounded(file, MAX_CONFIG_BYTES);
    const text = 'text' in read ? configText(read.text) : null;
    if (text !== null) return text;
  }
  return null;
}

export type HubAnswer = { readonly text: string } | { readonly status: 'not-found' | 'unauthorized' | 'failed'; readonly reason: string };

/** `GET {endpoint}/{id}/resolve/main/config.json`, with the user's token, a timeout and a size cap. */
export async function hubConfig(id: string, settings: HubSettings, fetchImpl: typeof fetch = fetch): Promise<HubAnswer> {
  if (!isModelId(id)) return { status: 'not-found', reason: 'not a model id' };
  const headers: Record<string, string> = { 'user-agent': 'compute-budget', accept: 'application/json' };
  const token = await hubToken(settings);
  if (token) headers.authorization = `Bearer ${token}`;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), settings.timeoutMs);
  try {
    const response = await fetchImpl(`${settings.endpoint}/${id}/resolve/main/config.json`, { headers, signal: controller.signal, redirect: 'follow' });
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel().catch(() => undefined);
      return { status: 'unauthorized', reason: `HTTP ${response.status}` };
    }
    if (response.status === 404) {
      await response.body?.cancel().catch(() => undefined);
      return { status: 'not-found', reason: 'HTTP 404' };
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return { status: 'failed', reason: `HTTP ${response.status}` };
    }
    const body = await boundedBody(response, MAX_CONFIG_BYTES);
    if (body === null) {
      controller.abort();
      return { status: 'failed', reason: `larger than ${MAX_CONFIG_BYTES} bytes` };
    }
    const text = configText(body);
    return text === null ? { status: 'failed', reason: 'not a JSON object' } : { text };
  } catch (error) {
    return { status: 'failed', reason: controller.signal.aborted ? `no answer within ${settings.timeoutMs} ms` : String((error as Error).message ?? error) };
  } finally {
    clearTimeout(timer);
  }
}

/** The body as text, or null past `limit` bytes (by Content-Length or by what arrives). */
async function boundedBody(response: Response, limit: number): Promise<string | null> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel().catch(() => undefined);
    return null;
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export interface HuggingFaceOptions {
  /** Ask the Hub when the cache does not have the model. `HF_HUB_OFFLINE` overrides it. */
  readonly allowNetwork: boolean;
  readonly env?: Env;
  readonly home?: string;
  readonly fetch?: typeof fetch;
}

/**
 * Model configs by id: the cache first, then the Hub when allowed. Answers, "not found"
 * included, are kept for the life of this object; a failure that may pass (a timeout, a
 * server error) is not kept.
 */
export class HuggingFaceModels {
  private readonly answers = new Map<string, Promise<ResolvedModelConfig | null>>();

  constructor(private readonly options: HuggingFaceOptions) {}

  /** The environment as it is now: read at each lookup, so a long-lived host follows changes. */
  get settings(): HubSettings {
    return hubSettings(this.options.env ?? process.env, this.options.home ?? os.homedir());
  }

  /** Whether a lookup may use the network: allowed by the caller and not forbidden by `HF_HUB_OFFLINE`. */
  get networkAllowed(): boolean {
    return this.options.allowNetwork && !this.settings.offline;
  }

  modelConfig(id: string): Promise<ResolvedModelConfig | null> {
    let answer = this.answers.get(id);
    if (!answer) {
      answer = this.lookUp(id);
      this.answers.set(id, answer);
    }
    return answer;
  }

  private async lookUp(id: string): Promise<ResolvedModelConfig | null> {
    if (!isModelId(id)) return null;
    const settings = this.settings;
    const cached = await cachedConfig(settings.cache, id).catch(() => null);
    if (cached !== null) return { text: cached, source: HF_CACHE_SOURCE };
    if (!this.options.allowNetwork || settings.offline) return null;
    const answer = await hubConfig(id, settings, this.options.fetch ?? fetch);
    if ('text' in answer) return { text: answer.text, source: HF_HUB_SOURCE };
    if (answer.status === 'failed') this.answers.delete(id);
    return null;
  }
}
