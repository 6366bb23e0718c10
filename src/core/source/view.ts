import type { Finding } from '../analysis/findings';
import { fact, type Fact } from './fact';
import { hasInterpolation, MANDATORY_MISSING, resolveInterpolation } from './interpolation';
import { parseCount } from './quantity';
import { getPath, normalizeKey, type ConfigNode, type MapEntry, type Scalar, type Span } from './tree';
import { printable } from '../text/sanitise';

// The readers' messages show config text through the one output sanitiser (src/core/text/sanitise.ts).
export { printable };

/** A key found in the file, with the path (as written) that leads to it. */
export interface Located {
  readonly path: readonly string[];
  readonly entry: MapEntry;
}

export interface FindOptions {
  /** Only keys under this section (normalized path prefix), e.g. `['model']`. */
  readonly under?: readonly string[];
}

/**
 * Sections that hold numbers with the same names as the ones we need but other meanings
 * (an optimizer's `steps`, a scheduler's `t_warmup`, an eval loop's `max_steps`).
 */
const SECTIONS_TO_SKIP = new Set([
  'optimizer',
  'optim',
  'scheduler',
  'sched',
  'lr_scheduler',
  'evaluation',
  'eval',
  'evaluators',
  'callbacks',
  'loggers',
  'logger',
  'hydra',
  'fsdp',
  'fsdp_config',
  'deepspeed',
  'zero_optimization',
  'wandb',
  'task_specific_params',
  'generation_config',
  'quantization_config',
  'text_config_dict',
  'vision_config',
  'audio_config',
]);

/** Past this many keys the index stops growing; a config this large is not a config. */
const MAX_INDEXED = 400_000;

/**
 * Everything the readers ask of a parsed config: keys by name anywhere (shallowest first),
 * keys by path, and numbers read with interpolation resolved and problems reported at the key.
 */
/**
 * Values written as a blank to fill in: `xxx`, `XXXX`, `TODO`, `TBD`, `FIXME`, `CHANGEME`,
 * `<vocab_size>`, `your_vocab_size`, `REPLACE_ME`. Not a mistyped number: a template.
 */
const PLACEHOLDER = /^(x{2,}|todo|tbd|fixme|changeme|change_me|replace_?me|fill_?me(_in)?|<[^<>]{1,60}>|your[_-]\w{1,60})$/i;

export class ConfigView {
  private readonly byKey = new Map<string, Located[]>();
  readonly findings: Finding[] = [];
  private readonly reported = new Set<string>();

  private readonly extraKeys = new Map<string, string[]>();

  /** `extraKeys` maps a key name the readers know to a team's own names for it. */
  constructor(
    readonly root: ConfigNode | undefined,
    extraKeys: Readonly<Record<string, readonly string[]>> = {},
  ) {
    for (const [known, extras] of Object.entries(extraKeys)) {
      if (Array.isArray(extras)) this.extraKeys.set(normalizeKey(known), extras.filter((extra) => typeof extra === 'string').map(normalizeKey));
    }
    this.index();
  }

  /** Breadth-first, so `model.hidden_size` is found before `model.vision.hidden_size`. */
  private index(): void {
    if (!this.root) return;
    const queue: { node: ConfigNode; path: string[] }[] = [{ node: this.root, path: [] }];
    const seen = new Set<ConfigNode>();
    let count = 0;
    for (let head = 0; head < queue.length && count < MAX_INDEXED; head++) {
      const { node, path } = queue[head];
      if (seen.has(node)) continue; // aliases share nodes; index each once
      seen.add(node);
      if (node.kind === 'map') {
        const keys = node.entries.map((entry) => normalizeKey(entry.key));
        // Of duplicate keys the later wins, as in every YAML and JSON loader (and `getEntry`).
        const last = keys.length > 1 ? new Map(keys.map((key, i) => [key, i])) : undefined;
        for (let i = 0; i < node.entries.length; i++) {
          const entry = node.entries[i];
          const key = keys[i];
          if (last && last.get(key) !== i) continue;
          const childPath = [...path, entry.key];
          let list = this.byKey.get(key);
          if (!list) this.byKey.set(key, (list = []));
          list.push({ path: childPath, entry });
          count++;
          if (entry.value.kind !== 'scalar' && !SECTIONS_TO_SKIP.has(key)) queue.push({ node: entry.value, path: childPath });
        }
      } else if (node.kind === 'seq' && path.length < 3) {
        // Only shallow lists can hold model settings (e.g. a NeMo `defaults:` list is not one).
        node.items.forEach((item, i) => item.kind === 'map' && queue.push({ node: item, path: [...path, String(i)] }));
      }
    }
  }

  /** The first key (shallowest) with any of these names that has a value. */
  find(names: readonly string[], options: FindOptions = {}): Located | undefined {
    const under = options.under?.map(normalizeKey);
    let best: Located | undefined;
    const consider = (name: string) => {
      const list = this.byKey.get(normalizeKey(name));
      if (!list) return;
      for (const located of list) {
        if (under && !startsWith(located.path, under)) continue;
        if (isEmpty(located.entry.value)) continue;
        if (!best || located.path.length < best.path.length) best = located;
        break;
      }
    };
    for (const known of names) {
      consider(known);
      if (this.extraKeys.size > 0) for (const extra of this.extraKeys.get(normalizeKey(known)) ?? []) consider(extra);
    }
    return best;
  }

  at(path: readonly string[]): Located | undefined {
    const found = getPath(this.root, path);
    return found?.entry ? { path, entry: found.entry } : undefined;
  }

  /** The scalar value of a key, with interpolation resolved; reports what cannot be resolved. */
  value(located: Located | undefined): Scalar | undefined {
    if (!located) return undefined;
    const node = located.entry.value;
    if (node.kind !== 'scalar') return undefined;
    let value = node.source !== undefined && typeof node.value !== 'boolean' && node.value !== null ? node.source : node.value;
    if (typeof value === 'string' && hasInterpolation(value)) {
      const resolved = resolveInterpolation(value, this.root, located.path.slice(0, -1));
      if (!resolved.ok) {
        this.report(located, 'warning', 'unresolved-interpolation', `${dotted(located)}: ${resolved.reason}, so it does not count.`);
        return undefined;
      }
      value = resolved.value;
    }
    if (value === MANDATORY_MISSING) {
      this.report(
        located,
        'information',
        'mandatory-missing',
        `${dotted(located)} is "???": the value must be given when the run starts, so it does not count here.`,
      );
      return undefined;
    }
    return value;
  }

  /** A non-negative finite count (`32`, `70B`, `739_328`), or undefined with a finding at the key. */
  count(located: Located | undefined, what: string, options: { integer?: boolean; positive?: boolean; atLeastOne?: boolean } = {}): Fact | undefined {
    // A list where a number goes is a mistake; a map is more often a section that shares the name.
    if (located && located.entry.value.kind === 'seq') {
      this.report(located, 'error', 'invalid-number', `${dotted(located)} should be ${what}, not a list.`);
      return undefined;
    }
    const value = this.value(located);
    if (located && value === '' && located.entry.value.kind === 'scalar' && located.entry.value.value === '') {
      this.report(located, 'warning', 'invalid-number', `${dotted(located)} is empty; expected ${what}, so it does not count.`);
      return undefined;
    }
    if (located === undefined || value === undefined || value === null || value === '') return undefined;
    if (typeof value === 'boolean') {
      this.report(located, 'error', 'invalid-number', `${dotted(located)} should be ${what}, not ${value}.`);
      return undefined;
    }
    const node = located.entry.value;
    // `0x10` and `0o17` are YAML integers that our suffix reader does not spell; the parser's value stands.
    const parsed =
      node.kind === 'scalar' && typeof node.value === 'number' && Number.isFinite(node.value) && value === node.source && !parseCount(value).ok
        ? { ok: true as const, value: node.value }
        : parseCount(value);
    if (!parsed.ok && typeof value === 'string' && PLACEHOLDER.test(value.trim())) {
      // A blank to fill in (FlagScale's `vocab_size: xxx # Please replace with your actual vocab size`): the
      // file is a template, not a wrong value; like OmegaConf's `???` it is unknown until the run is launched.
      this.report(
        located,
        'warning',
        'mandatory-missing',
        `${dotted(located)} is ${JSON.stringify(short(value))}, a placeholder to replace before the run, so ${what} is unknown here; write the real value.`,
      );
      return undefined;
    }
    if (!parsed.ok) {
      if (parsed.why === 'not-finite') this.report(located, 'error', 'out-of-range', `${dotted(located)}: ${short(value)} is too large to be ${what}.`);
      else
        this.report(
          located,
          'error',
          'invalid-number',
          `${dotted(located)}: ${JSON.stringify(short(value))} is not a number; expected ${what} (for example 4096, 1.4T or 70B).`,
        );
      return undefined;
    }
    if (parsed.value < 0 || (options.positive && parsed.value === 0)) {
      this.report(
        located,
        'error',
        'negative-value',
        `${dotted(located)}: ${short(value)} cannot be ${what}; it must be ${options.positive ? 'positive' : 'zero or more'}.`,
      );
      return undefined;
    }
    if (parsed.value > 1e30) {
      this.report(located, 'error', 'out-of-range', `${dotted(located)}: ${short(value)} is beyond any real training run and is ignored.`);
      return undefined;
    }
    if (options.atLeastOne && parsed.value > 0 && parsed.value < 1) {
      this.report(located, 'error', 'out-of-range', `${dotted(located)}: ${short(value)} is less than one; it cannot be ${what}.`);
      return undefined;
    }
    if (options.integer && !Number.isInteger(parsed.value)) {
      this.report(located, 'error', 'invalid-number', `${dotted(located)}: ${short(value)} should be a whole number (${what}).`);
      return undefined;
    }
    // `-0` is zero; `+ 0` keeps it from printing as "-0" or counting as negative compute.
    return fact(parsed.value + 0, 'config', { key: dotted(located), span: located.entry.keySpan });
  }

  /** A boolean key; `True`, `true`, `yes` as YAML 1.1 configs write them. */
  flag(located: Located | undefined): boolean | undefined {
    const value = this.value(located);
    if (typeof value === 'boolean') return value;
    if (typeof value === 'string') {
      if (/^(true|yes|on)$/i.test(value)) return true;
      if (/^(false|no|off)$/i.test(value)) return false;
    }
    if (typeof value === 'number') return value !== 0;
    return undefined;
  }

  text(located: Located | undefined): string | undefined {
    const value = this.value(located);
    return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
  }

  report(located: Located, severity: Finding['severity'], code: Finding['code'], message: string): void {
    const id = `${code}@${located.entry.keySpan.start}`;
    if (this.reported.has(id)) return;
    this.reported.add(id);
    this.findings.push({ severity, code, message, span: spanOfEntry(located.entry) });
  }
}

function startsWith(path: readonly string[], prefix: readonly string[]): boolean {
  for (let i = 0; i < prefix.length; i++) if (normalizeKey(path[i] ?? '') !== prefix[i]) return false;
  return true;
}

/** `key:` with nothing after it; an explicit `""` is found, and reported where a number goes. */
function isEmpty(node: ConfigNode): boolean {
  return node.kind === 'scalar' && node.value === null;
}

/** The key together with its value: the range a diagnostic underlines. */
export function spanOfEntry(entry: MapEntry): Span {
  return { start: entry.keySpan.start, end: Math.max(entry.keySpan.end, entry.value.span.end) };
}

/** The key's path as messages and hovers show it; absurdly long keys are shortened. */
export function dotted(located: Located): string {
  const path = located.path.map((segment) => printable(segment, 40)).join('.');
  return path.length > 120 ? `…${path.slice(-119)}` : path;
}

function short(value: unknown): string {
  return printable(String(value), 40);
}
