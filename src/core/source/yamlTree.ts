import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { SourceProblem } from './problem';
import type { ConfigNode, MapEntry, ScalarNode, Span } from './tree';

/** Past this depth a config is hostile or broken; no framework nests this deep. */
const MAX_DEPTH = 64;
/** Merge-key (`<<`) and alias chains are followed this many levels at most. */
const MAX_ALIAS_HOPS = 32;

const TAGS_WE_KNOW = new Set(['tag:yaml.org,2002:str', 'tag:yaml.org,2002:int', 'tag:yaml.org,2002:float', 'tag:yaml.org,2002:bool', 'tag:yaml.org,2002:null', 'tag:yaml.org,2002:map', 'tag:yaml.org,2002:seq']);

export interface ParsedSource {
  readonly root: ConfigNode | undefined;
  readonly problems: SourceProblem[];
}

/**
 * Reads YAML into the shared tree. Aliases become shared references to one converted node,
 * never copies, so an alias bomb costs no more than its text.
 */
export function readYaml(text: string): ParsedSource {
  const problems: SourceProblem[] = [];
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { strict: false, uniqueKeys: false, prettyErrors: false, lineCounter: new LineCounter(), merge: false });
  } catch (error) {
    return { root: undefined, problems: [{ code: 'parse-error', message: `The YAML could not be read: ${String(error)}`, span: { start: 0, end: Math.min(text.length, 1) } }] };
  }
  for (const error of doc.errors) {
    problems.push(describeError(text, firstLine(error.message), spanOf(error.pos, text.length)));
  }
  for (const warning of doc.warnings) {
    if (warning.code === 'TAG_RESOLVE_FAILED') {
      problems.push({ code: 'unsupported-tag', message: `${firstLine(warning.message)}; its value is read as plain text.`, span: spanOf(warning.pos, text.length) });
    }
  }
  const converter = new Converter(doc, problems);
  const root = doc.contents ? converter.convert(doc.contents as YamlNode, 0) : undefined;
  return { root, problems };
}

class Converter {
  private readonly done = new Map<YamlNode, ConfigNode>();
  private tooDeepReported = false;

  constructor(private readonly doc: Document.Parsed, private readonly problems: SourceProblem[]) {}

  convert(node: YamlNode, depth: number, hops = 0): ConfigNode | undefined {
    if (isAlias(node)) {
      if (hops > MAX_ALIAS_HOPS) return undefined;
      const target = node.resolve(this.doc);
      return target ? this.convert(target as YamlNode, depth, hops + 1) : undefined;
    }
    const known = this.done.get(node);
    if (known) return known;
    if (depth > MAX_DEPTH) {
      if (!this.tooDeepReported) {
        this.tooDeepReported = true;
        this.problems.push({ code: 'too-deep', message: `Nesting deeper than ${MAX_DEPTH} levels is not read.`, span: rangeSpan(node.range) });
      }
      return undefined;
    }
    const converted = this.convertFresh(node, depth);
    if (converted) this.done.set(node, converted);
    return converted;
  }

  private convertFresh(node: YamlNode, depth: number): ConfigNode | undefined {
    const span = rangeSpan(node.range);
    if (isScalar(node)) {
      const tag = node.tag && !TAGS_WE_KNOW.has(node.tag) ? node.tag : undefined;
      const raw = node.value;
      const value = typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' || raw === null ? raw : raw === undefined ? null : String(raw);
      const plain = node.type === 'PLAIN';
      const scalar: ScalarNode = { kind: 'scalar', value, span, ...(plain && node.source !== undefined ? { source: String(node.source) } : {}), ...(tag ? { tag } : {}) };
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
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as YamlNode | null;
        const key = keyNode && isScalar(keyNode) ? String(keyNode.value) : keyNode ? String(keyNode) : '';
        const keySpan = keyNode ? rangeSpan(keyNode.range) : span;
        const valueNode = pair.value as YamlNode | null;
        const value: ConfigNode | undefined = valueNode
          ? this.convert(valueNode, depth + 1)
          : { kind: 'scalar', value: null, span: { start: keySpan.end, end: keySpan.end } };
        if (!value) continue;
        if (key === '<<') {
          // YAML 1.1 merge keys: explicit keys in this map win over merged ones, so merged go first.
          entries.unshift(...mergedEntries(value));
          continue;
        }
        entries.push({ key, keySpan, value });
      }
      return { kind: 'map', entries, span };
    }
    return undefined;
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
      return { code: 'parse-error', message: `This "${char}" is never closed with "${char === '[' ? ']' : '}'}": ${message.charAt(0).toLowerCase()}${message.slice(1)}.`, span: { start: opener, end: lineEnd < 0 ? text.length : lineEnd } };
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

function mergedEntries(value: ConfigNode): MapEntry[] {
  if (value.kind === 'map') return [...value.entries];
  if (value.kind === 'seq') return value.items.flatMap((item) => (item.kind === 'map' ? item.entries : []));
  return [];
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
  return message.split('\n')[0].trim();
}
