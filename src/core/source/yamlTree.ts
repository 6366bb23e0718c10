import { isAlias, isMap, isPair, isScalar, isSeq, visit, type Alias, type Document, type Node as YamlNode } from 'yaml';
import { joinFlowLines } from './flowLines';
import { MAX_NESTING, parseYamlBounded } from './nesting';
import type { SourceProblem } from './problem';
import type { ConfigNode, MapEntry, ScalarNode, Span } from './tree';
import { printable } from './view';

/** Past this depth a config is hostile or broken; no framework nests this deep. */
const MAX_DEPTH = 64;
/** Merge-key (`<<`) and alias chains are followed this many levels at most. */
const MAX_ALIAS_HOPS = 32;
/**
 * Entries that `<<` merges may bring in, over the whole document. Merges chained through
 * aliases would otherwise copy entries at every level (quadratic, or exponential with
 * `<<: [*a, *a]`); a config merges a few dozen.
 */
const MAX_MERGED_ENTRIES = 50_000;
/** A collection used as a key is shown by its first characters, never re-serialised. */
const MAX_COMPLEX_KEY = 60;

/** Syntax errors past this many are summed up in one: the first ones are the ones to fix. */
export const MAX_SYNTAX_PROBLEMS = 20;
/** Parser messages may quote the text (a tag, an alias); a diagnostic stays one readable line. */
const MAX_MESSAGE = 200;

const TAGS_WE_KNOW = new Set([
  'tag:yaml.org,2002:str',
  'tag:yaml.org,2002:int',
  'tag:yaml.org,2002:float',
  'tag:yaml.org,2002:bool',
  'tag:yaml.org,2002:null',
  'tag:yaml.org,2002:map',
  'tag:yaml.org,2002:seq',
]);

export interface ParsedSource {
  readonly root: ConfigNode | undefined;
  readonly problems: SourceProblem[];
}

/**
 * Reads YAML into the shared tree. Aliases become shared references to one converted node,
 * never copies, so an alias bomb costs no more than its text.
 */
export function readYaml(original: string): ParsedSource {
  let text = original;
  const problems: SourceProblem[] = [];
  let doc: Document.Parsed | undefined;
  try {
    // No LineCounter: spans stay offsets, and the editor or the CLI turns them into positions.
    doc = parseYamlBounded(text, { strict: false, uniqueKeys: false, prettyErrors: false, merge: false });
  } catch (error) {
    return {
      root: undefined,
      problems: [{ code: 'parse-error', message: short(`The YAML could not be read: ${String(error)}`), span: { start: 0, end: Math.min(text.length, 1) } }],
    };
  }
  if (!doc) {
    return {
      root: undefined,
      problems: [
        {
          code: 'too-deep',
          message: `This text nests more than ${MAX_NESTING} levels deep; it is not read.`,
          span: { start: 0, end: Math.min(text.length, 1) },
        },
      ],
    };
  }
  if (doc.errors.some((error) => error.code === 'BAD_INDENT' && /^Flow (sequence|mapping)/.test(error.message))) {
    // PyYAML reads a flow collection whatever its lines' indentation; so do we (see flowLines.ts).
    const joined = joinFlowLines(text);
    const retry = joined === undefined ? undefined : parseYamlBounded(joined, { strict: false, uniqueKeys: false, prettyErrors: false, merge: false });
    if (retry && retry.errors.length === 0) {
      doc = retry;
      text = joined as string;
    }
  }
  const errors = doc.errors;
  for (const error of errors.slice(0, MAX_SYNTAX_PROBLEMS)) {
    problems.push(describeError(text, short(firstLine(error.message)), spanOf(error.pos, text.length)));
  }
  if (errors.length > MAX_SYNTAX_PROBLEMS) {
    const next = errors[MAX_SYNTAX_PROBLEMS];
    problems.push({
      code: 'parse-error',
      message: `${errors.length - MAX_SYNTAX_PROBLEMS} more YAML syntax errors from here on are not listed.`,
      span: spanOf(next.pos, text.length),
    });
  }
  for (const warning of doc.warnings) {
    if (warning.code === 'TAG_RESOLVE_FAILED') {
      problems.push({
        code: 'unsupported-tag',
        message: `${short(firstLine(warning.message))}; its value is read as plain text.`,
        span: spanOf(warning.pos, text.length),
      });
    }
  }
  const converter = new Converter(doc, problems, text);
  const root = doc.contents ? converter.convert(doc.contents as YamlNode, 0) : undefined;
  return { root, problems };
}

class Converter {
  private readonly done = new Map<YamlNode, ConfigNode>();
  /** Nodes whose conversion has begun and not ended: an alias to one of them is a loop. */
  private readonly converting = new Set<YamlNode>();
  /** Each alias's anchor, found in one pass (the `yaml` package's own `resolve` walks the whole document per alias). */
  private targets?: Map<Alias, YamlNode | undefined>;
  private readonly reported = new Set<string>();
  private mergeBudget = MAX_MERGED_ENTRIES;

  constructor(
    private readonly doc: Document.Parsed,
    private readonly problems: SourceProblem[],
    private readonly text: string,
  ) {}

  convert(node: YamlNode, depth: number, hops = 0): ConfigNode | undefined {
    if (isAlias(node)) {
      if (hops > MAX_ALIAS_HOPS) return undefined;
      const target = this.anchorOf(node);
      if (!target) {
        this.reportOnce('alias', {
          code: 'parse-error',
          message: short(`The alias *${node.source} refers to no anchor &${node.source} before it.`),
          span: rangeSpan(node.range),
        });
        return undefined;
      }
      return this.convert(target, depth, hops + 1);
    }
    // Only an anchored node can be reached twice (through an alias), and a loop must pass through
    // one: the bookkeeping that shares converted nodes and stops loops is needed for those alone.
    const anchored = !!node.anchor;
    if (anchored) {
      const known = this.done.get(node);
      if (known) return known;
      if (this.converting.has(node)) {
        this.reportOnce('loop', {
          code: 'too-deep',
          message: 'An alias here refers to a node that contains it (a loop); it is not followed.',
          span: rangeSpan(node.range),
        });
        return undefined;
      }
    }
    if (depth > MAX_DEPTH) {
      this.reportOnce('depth', { code: 'too-deep', message: `Nesting deeper than ${MAX_DEPTH} levels is not read.`, span: rangeSpan(node.range) });
      return undefined;
    }
    if (!anchored) return this.convertFresh(node, depth);
    this.converting.add(node);
    const converted = this.convertFresh(node, depth);
    this.converting.delete(node);
    if (converted) this.done.set(node, converted);
    return converted;
  }

  /** The last node anchored with the alias's name before it, as YAML defines it. */
  private anchorOf(alias: Alias): YamlNode | undefined {
    if (!this.targets) {
      const targets = new Map<Alias, YamlNode | undefined>();
      const anchors = new Map<string, YamlNode>();
      visit(this.doc, {
        Node: (_key, node) => {
          if (isAlias(node)) targets.set(node, anchors.get(node.source));
          else if (node.anchor) anchors.set(node.anchor, node as YamlNode);
        },
      });
      this.targets = targets;
    }
    return this.targets.get(alias);
  }

  private reportOnce(kind: string, problem: SourceProblem): void {
    if (this.reported.has(kind)) return;
    this.reported.add(kind);
    this.problems.push(problem);
  }

  private convertFresh(node: YamlNode, depth: number): ConfigNode | undefined {
    const span = rangeSpan(node.range);
    if (isScalar(node)) {
      const tag = node.tag && !TAGS_WE_KNOW.has(node.tag) ? node.tag : undefined;
      const raw = node.value;
      // !!binary and !!timestamp resolve to bytes (a Buffer in Node, a Uint8Array in a worker) or a
      // Date: read the text the file holds instead, the same everywhere.
      const value = typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' || raw === null ? raw : (node.source ?? null);
      const plain = node.type === 'PLAIN';
      const scalar: { -readonly [K in keyof ScalarNode]: ScalarNode[K] } = { kind: 'scalar', value, span };
      if (plain && node.source !== undefined) scalar.source = String(node.source);
      if (tag) scalar.tag = tag;
      return scalar;
    }
    if (isSeq(node)) {
      const items: ConfigNode[] = [];
      for (const item of node.items) {
        const converted = item ? this.convert(item as YamlNode, depth + 1) : undefined;
        if (converted) items.push(converted);
      }
      return { kind: 'seq', items, span };
    }
    if (isMap(node)) {
      const entries: MapEntry[] = [];
      const merged: ConfigNode[] = [];
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as YamlNode | null;
        // `String()` of a collection runs the YAML stringifier, exponential in nesting depth.
        const key = keyNode && isScalar(keyNode) ? String(keyNode.value) : keyNode ? this.sourceOf(keyNode) : '';
        const keySpan = keyNode ? rangeSpan(keyNode.range) : span;
        const valueNode = pair.value as YamlNode | null;
        const value: ConfigNode | undefined = valueNode
          ? this.convert(valueNode, depth + 1)
          : { kind: 'scalar', value: null, span: { start: keySpan.end, end: keySpan.end } };
        if (!value) continue;
        if (key === '<<') {
          merged.push(value);
          continue;
        }
        entries.push({ key, keySpan, value });
      }
      // YAML 1.1 merge keys: explicit keys in this map win over merged ones, so merged go first.
      return { kind: 'map', entries: merged.length > 0 ? [...this.mergedEntries(merged, span), ...entries] : entries, span };
    }
    return undefined;
  }

  /**
   * Entries `<<` merges bring in, one per key: in `<<: [*a, *b]` the first map wins (YAML 1.1
   * merge spec) and lookups take the last of duplicate keys, so the maps go in reverse order
   * and a key already taken is skipped. Past the document's budget, merges are not followed.
   */
  private mergedEntries(values: readonly ConfigNode[], span: Span): MapEntry[] {
    const maps = values.flatMap((value) => (value.kind === 'map' ? [value] : value.kind === 'seq' ? value.items.filter((item) => item.kind === 'map') : []));
    const byKey = new Map<string, MapEntry>();
    for (let i = maps.length - 1; i >= 0; i--) {
      const entries = (maps[i] as Extract<ConfigNode, { kind: 'map' }>).entries;
      if (entries.length > this.mergeBudget) {
        this.reportOnce('merges', {
          code: 'too-large',
          message: `The \`<<\` merges in this file bring in more than ${MAX_MERGED_ENTRIES.toLocaleString('en-US')} entries; the rest are not followed.`,
          span,
        });
        break;
      }
      this.mergeBudget -= entries.length;
      for (const entry of entries) {
        byKey.delete(entry.key);
        byKey.set(entry.key, entry);
      }
    }
    return [...byKey.values()];
  }

  private sourceOf(node: YamlNode): string {
    const range = node.range ?? [0, 0];
    const source = this.text.slice(range[0], Math.min(range[1], range[0] + MAX_COMPLEX_KEY + 1)).replace(/\s+/g, ' ');
    return source.length > MAX_COMPLEX_KEY ? `${source.slice(0, MAX_COMPLEX_KEY - 1)}…` : source;
  }
}

/**
 * The parser notices an unclosed `[` or `{` where the next block starts; the mistake is on the
 * line that opened it, so point there.
 */
function describeError(text: string, message: string, span: Span): SourceProblem {
  if (/^Flow (sequence|mapping)/.test(message)) {
    const opener = unclosedOpener(text, span.start);
    if (opener !== undefined) {
      const lineEnd = text.indexOf('\n', opener);
      const char = text[opener];
      return {
        code: 'parse-error',
        message: `This "${char}" is never closed with "${char === '[' ? ']' : '}'}": ${message.charAt(0).toLowerCase()}${message.slice(1)}.`,
        span: { start: opener, end: lineEnd < 0 ? text.length : lineEnd },
      };
    }
  }
  return { code: 'parse-error', message, span };
}

function unclosedOpener(text: string, before: number): number | undefined {
  const stack: number[] = [];
  let quote: string | undefined;
  for (let i = 0; i < before && i < text.length; i++) {
    const char = text[i];
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (char === '[' || char === '{') stack.push(i);
    else if (char === ']' || char === '}') stack.pop();
  }
  return stack.at(-1);
}

function rangeSpan(range: readonly number[] | null | undefined): Span {
  if (!range) return { start: 0, end: 0 };
  // range = [start, valueEnd, nodeEnd]; valueEnd excludes trailing comments and the newline.
  return { start: range[0], end: range[1] };
}

function spanOf(pos: readonly [number, number], length: number): Span {
  const start = Math.min(pos[0], length);
  return { start, end: Math.max(start, Math.min(pos[1], length)) };
}

function firstLine(message: string): string {
  const end = message.indexOf('\n');
  return (end < 0 ? message : message.slice(0, end)).trim();
}

function short(message: string): string {
  return printable(message, MAX_MESSAGE);
}
