import type { SourceProblem } from './problem';
import type { ConfigNode, MapEntry, MapNode, Scalar, Span } from './tree';

/** As in the YAML and JSON readers: no config nests this deep; deeper tables are not kept. */
const MAX_DEPTH = 64;

type Place = { start: number; end: number };
type Table = { kind: 'map'; entries: MapEntry[]; span: Place };
type Seq = { kind: 'seq'; items: ConfigNode[]; span: Place };

/** A property of smol-toml's result, never the prototype's (`__proto__` is a valid TOML key). */
function own(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' ? Object.getOwnPropertyDescriptor(value, key)?.value : undefined;
}

const isBare = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 45;

interface Key {
  readonly name: string;
  readonly span: Span;
}

/**
 * Walks TOML text that smol-toml has accepted, for the spans of keys, tables and values, pairing
 * each node with smol-toml's value. Never throws; on text it does not expect it widens a span or
 * skips a value.
 */
export class Scanner {
  private pos = 0;
  /** Each table's entries by key, and the value smol-toml read for it. */
  private readonly index = new WeakMap<object, Map<string, MapEntry>>();
  private readonly values = new WeakMap<object, unknown>();
  private tooDeep = false;

  constructor(
    private readonly text: string,
    private readonly parsed: Record<string, unknown>,
    private readonly problems: SourceProblem[],
  ) {}

  read(): MapNode {
    const root = this.table({ start: 0, end: this.text.length }, this.parsed);
    // The tables whose span the lines being read extend: the current one and its parents.
    let chain: { span: Place }[] = [root];
    let current: Table | undefined = root;
    const length = this.text.length;
    while (this.pos < length) {
      const before = this.pos;
      this.skipBlank(true);
      if (this.pos >= length) break;
      const start = this.pos;
      if (this.text[this.pos] === '[') {
        const array = this.text[this.pos + 1] === '[';
        this.pos += array ? 2 : 1;
        const keys = this.keys();
        this.skipBlank(false);
        if (this.text[this.pos] === ']') this.pos += array ? 2 : 1;
        const header = { start, end: this.pos };
        ({ table: current, chain } = this.open(root, keys, array, header));
      } else {
        const keys = this.keys();
        this.skipBlank(false);
        if (this.text[this.pos] === '=') this.pos++;
        this.skipBlank(false);
        if (current) this.assign(current, keys, start, 0);
        else this.value(undefined, 0);
        for (const table of chain) table.span.end = Math.max(table.span.end, this.pos);
      }
      this.skipLine();
      if (this.pos === before) this.pos++;
    }
    root.span.end = length;
    return root;
  }

  private table(span: Span, value: unknown): Table {
    const table: Table = { kind: 'map', entries: [], span: { ...span } };
    this.values.set(table, value);
    this.index.set(table, new Map());
    return table;
  }

  private child(parent: Table, key: Key, make: () => ConfigNode): ConfigNode {
    const entries = this.index.get(parent)!;
    const known = entries.get(key.name);
    if (known) return known.value;
    const entry: MapEntry = { key: key.name, keySpan: key.span, value: make() };
    entries.set(key.name, entry);
    parent.entries.push(entry);
    return entry.value;
  }

  /** `[a.b]` or `[[a.b]]`: the table the following lines fill, and its parents. */
  private open(root: Table, keys: readonly Key[], array: boolean, header: Span): { table: Table | undefined; chain: { span: Place }[] } {
    if (keys.length === 0 || keys.length > MAX_DEPTH) return { table: this.deep(header), chain: [] };
    const chain: { span: Place }[] = [root];
    let table = root;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const last = i === keys.length - 1;
      const value = own(this.values.get(table), key.name);
      let node = this.child(table, key, () => (last && array ? this.seq(header, value) : this.table(header, value)));
      if (node.kind === 'seq') {
        if (last && array) {
          const items = (node as Seq).items;
          const item = this.table(header, Array.isArray(value) ? value[items.length] : undefined);
          items.push(item);
          (node as Seq).span.end = Math.max(node.span.end, header.end);
        }
        chain.push(node as Seq);
        const lastItem: ConfigNode | undefined = node.items[node.items.length - 1];
        if (!lastItem || lastItem.kind !== 'map') return { table: undefined, chain: [] };
        node = lastItem;
      }
      if (node.kind !== 'map') return { table: undefined, chain: [] };
      table = node as Table;
      table.span.end = Math.max(table.span.end, header.end);
      chain.push(table);
    }
    return { table, chain };
  }

  private deep(at: Span): undefined {
    if (!this.tooDeep) this.problems.push({ code: 'too-deep', message: `Nesting deeper than ${MAX_DEPTH} levels is not read.`, span: at });
    this.tooDeep = true;
    return undefined;
  }

  private seq(span: Span, value: unknown): Seq {
    const seq: Seq = { kind: 'seq', items: [], span: { ...span } };
    this.values.set(seq, value);
    return seq;
  }

  /** `a.b.c = value` inside `table` (a line, or an inline table's entry). */
  private assign(table: Table, keys: readonly Key[], start: number, depth: number): void {
    if (keys.length === 0 || depth + keys.length > MAX_DEPTH) {
      this.deep({ start, end: Math.max(start, this.pos) });
      this.value(undefined, depth);
      return;
    }
    const parents: Table[] = [];
    let target = table;
    for (const key of keys.slice(0, -1)) {
      const node = this.child(target, key, () => this.table({ start: key.span.start, end: key.span.end }, own(this.values.get(target), key.name)));
      if (node.kind !== 'map') {
        this.value(undefined, depth);
        return;
      }
      target = node as Table;
      parents.push(target);
    }
    const last = keys[keys.length - 1];
    const node = this.value(own(this.values.get(target), last.name), depth + keys.length);
    if (node) this.child(target, last, () => node);
    for (const parent of parents) parent.span.end = Math.max(parent.span.end, this.pos);
  }

  /** One value at `pos`, paired with smol-toml's reading of it; undefined past MAX_DEPTH. */
  private value(parsed: unknown, depth: number): ConfigNode | undefined {
    const start = this.pos;
    const text = this.text;
    const char = text[start];
    if (char === '[' || char === '{') {
      this.pos++;
      const keep = depth <= MAX_DEPTH;
      if (!keep) this.deep({ start, end: start + 1 });
      const node = char === '[' ? this.seq({ start, end: start }, parsed) : this.table({ start, end: start }, parsed);
      const close = char === '[' ? ']' : '}';
      while (this.pos < text.length) {
        this.skipBlank(true);
        if (this.pos >= text.length) break;
        if (text[this.pos] === close) {
          this.pos++;
          break;
        }
        if (text[this.pos] === ',') {
          this.pos++;
          continue;
        }
        const before = this.pos;
        if (node.kind === 'seq') {
          const item = this.value(Array.isArray(parsed) ? parsed[node.items.length] : undefined, depth + 1);
          if (item && keep) node.items.push(item);
        } else {
          const keys = this.keys();
          this.skipBlank(false);
          if (text[this.pos] === '=') this.pos++;
          this.skipBlank(false);
          if (keep) this.assign(node, keys, before, depth + 1);
          else this.value(undefined, depth + 1);
        }
        if (this.pos === before) this.pos++;
      }
      node.span.end = this.pos;
      return keep ? node : undefined;
    }
    const end = this.scalarEnd(start);
    this.pos = Math.max(end, start + (start < text.length ? 1 : 0));
    const span = { start, end: this.pos };
    const raw = text.slice(start, this.pos);
    const quoted = char === '"' || char === "'";
    const value: Scalar =
      typeof parsed === 'string' || typeof parsed === 'number' || typeof parsed === 'boolean'
        ? parsed
        : quoted
          ? raw.replace(/^("""|'''|"|')|("""|'''|"|')$/g, '')
          : raw;
    // Numbers keep their spelling (`1_000`, `inf`, `1e400`) for the view's own checks, as YAML does.
    return quoted ? { kind: 'scalar', value, span } : { kind: 'scalar', value, source: raw, span };
  }

  /** Where a string, number, boolean or date written at `start` ends. */
  private scalarEnd(start: number): number {
    const text = this.text;
    const length = text.length;
    for (const quote of ['"""', "'''"]) {
      if (text.startsWith(quote, start)) {
        let i = start + 3;
        while (i < length && !text.startsWith(quote, i)) i += quote === '"""' && text[i] === '\\' ? 2 : 1;
        i = Math.min(length, i + 3);
        // Up to two quotes may close the content just before the delimiter: `""""` ends `"`.
        for (let extra = 0; extra < 2 && text[i] === quote[0]; extra++) i++;
        return i;
      }
    }
    if (text[start] === '"' || text[start] === "'") {
      let i = start + 1;
      while (i < length && text[i] !== text[start] && text[i] !== '\n') i += text[start] === '"' && text[i] === '\\' ? 2 : 1;
      return Math.min(length, i + 1);
    }
    let i = start;
    while (i < length && !',]}#\n\r'.includes(text[i])) i++;
    while (i > start && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
    return i;
  }

  /** A key, dotted or not: `a`, `"a b".c`, `'x'.y`. */
  private keys(): Key[] {
    const keys: Key[] = [];
    const text = this.text;
    while (this.pos < text.length && keys.length <= MAX_DEPTH + 1) {
      this.skipBlank(false);
      const start = this.pos;
      const char = text[start];
      let name: string;
      if (char === '"' || char === "'") {
        const end = this.scalarEnd(start);
        const inner = text.slice(start + 1, Math.max(start + 1, end - 1));
        name = char === '"' ? unescape(inner) : inner;
        this.pos = end;
      } else {
        let i = start;
        while (i < text.length && isBare(text.charCodeAt(i))) i++;
        if (i === start) break;
        name = text.slice(start, i);
        this.pos = i;
      }
      keys.push({ name, span: { start, end: this.pos } });
      this.skipBlank(false);
      if (text[this.pos] !== '.') break;
      this.pos++;
    }
    return keys;
  }

  /** Spaces and tabs; with `lines`, also newlines and comments. */
  private skipBlank(lines: boolean): void {
    const text = this.text;
    while (this.pos < text.length) {
      const char = text[this.pos];
      if (char === ' ' || char === '\t') this.pos++;
      else if (lines && (char === '\n' || char === '\r')) this.pos++;
      else if (lines && char === '#') this.skipLine();
      else break;
    }
  }

  /** To the start of the next line (past a trailing comment). */
  private skipLine(): void {
    const next = this.text.indexOf('\n', this.pos);
    this.pos = next < 0 ? this.text.length : next + 1;
  }
}

const ESCAPES: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', e: '\u001b', '"': '"', '\\': '\\' };

/** A basic string's escapes (only quoted keys need it: values come from smol-toml). */
function unescape(inner: string): string {
  return inner.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{2}|.)/g, (whole, code: string) => {
    if (code.length > 1) {
      const point = parseInt(code.slice(1), 16);
      return point <= 0x10ffff ? String.fromCodePoint(point) : whole;
    }
    return ESCAPES[code] ?? whole;
  });
}
