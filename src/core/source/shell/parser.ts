import type { Span } from '../tree';
import type { Token } from './lexer';

/**
 * The command structure of a script, as far as resolving its variables needs: simple commands
 * (with array literals `A=( ... )`), `if`, `case`, loops, groups and `&&`/`||` lists. Function
 * bodies are parsed and dropped (they run only when called). Malformed text never throws: a
 * missing `fi` or `done` ends the construct at the end of the text.
 */

export type WordToken = Extract<Token, { t: 'word' }>;

export interface ArrayLiteral {
  readonly t: 'array';
  readonly name: string;
  readonly append: boolean;
  readonly items: readonly WordToken[];
  readonly span: Span;
}

export type Item = WordToken | ArrayLiteral;

export type Node =
  | { readonly k: 'simple'; readonly items: readonly Item[]; readonly span: Span }
  | { readonly k: 'if'; readonly arms: readonly { readonly cond: readonly Node[]; readonly body: readonly Node[] }[]; readonly otherwise?: readonly Node[] }
  | { readonly k: 'case'; readonly word?: WordToken; readonly arms: readonly { readonly patterns: readonly WordToken[]; readonly body: readonly Node[] }[] }
  | { readonly k: 'loop'; readonly body: readonly Node[] }
  | { readonly k: 'group'; readonly body: readonly Node[] }
  | { readonly k: 'andor'; readonly items: readonly Node[]; readonly ops: readonly string[] };

/** Compound commands nested deeper than this end the parse: no launch script nests like that. */
const MAX_DEPTH = 64;

class TooDeep extends Error {}

export function parseShell(tokens: readonly Token[]): Node[] {
  const parser = new Parser(tokens);
  try {
    return parser.list(new Set(), 0);
  } catch (error) {
    if (error instanceof TooDeep) return parser.done;
    throw error;
  }
}

const SEPARATORS = new Set([';', '&', '\n']);
const LIST_ENDS = new Set([')', ';;', ';&', ';;&']);
const REDIRECTIONS = new Set(['<', '>', '>>', '<<', '<<-', '<<<', '>&', '<&', '<>', '>|', '&>', '&>>']);

class Parser {
  private pos = 0;
  /** Top-level commands parsed so far, kept when a deeper construct aborts the parse. */
  readonly done: Node[] = [];

  constructor(private readonly tokens: readonly Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private isWord(raw: string): boolean {
    const token = this.peek();
    return token?.t === 'word' && token.raw === raw;
  }

  private isOp(op: string): boolean {
    const token = this.peek();
    return token?.t === 'op' && token.op === op;
  }

  private skipNewlines(): void {
    while (this.peek()?.t === 'nl') this.pos++;
  }

  /** Commands until one of the reserved `ends` (a word at command start) or a closing operator. */
  list(ends: ReadonlySet<string>, depth: number): Node[] {
    if (depth > MAX_DEPTH) throw new TooDeep();
    const nodes: Node[] = depth === 0 ? this.done : [];
    for (;;) {
      const token = this.peek();
      if (!token) return nodes;
      if (token.t === 'nl' || (token.t === 'op' && SEPARATORS.has(token.op))) {
        this.pos++;
        continue;
      }
      if (token.t === 'word' && ends.has(token.raw)) return nodes;
      if (token.t === 'op' && LIST_ENDS.has(token.op)) {
        if (depth === 0) {
          this.pos++; // a stray `)` or `;;` at the top level
          continue;
        }
        return nodes;
      }
      const before = this.pos;
      const node = this.andOr(depth);
      if (node) nodes.push(node);
      if (this.pos === before) this.pos++;
    }
  }

  private andOr(depth: number): Node | undefined {
    const first = this.command(depth);
    if (!first) return undefined;
    const items = [first];
    const ops: string[] = [];
    for (;;) {
      const token = this.peek();
      if (token?.t !== 'op' || !['&&', '||', '|', '|&'].includes(token.op)) break;
      this.pos++;
      this.skipNewlines();
      const next = this.command(depth);
      if (!next) break;
      ops.push(token.op);
      items.push(next);
    }
    return items.length === 1 ? first : { k: 'andor', items, ops };
  }

  private command(depth: number): Node | undefined {
    const token = this.peek();
    if (!token) return undefined;
    if (token.t === 'op' && token.op === '(') {
      this.pos++;
      const body = this.list(new Set(), depth + 1);
      if (this.isOp(')')) this.pos++;
      this.skipRedirections();
      return { k: 'group', body };
    }
    if (token.t !== 'word') return undefined;
    switch (token.raw) {
      case 'if':
        return this.ifClause(depth);
      case 'case':
        return this.caseClause(depth);
      case 'for':
      case 'select':
      case 'while':
      case 'until':
        return this.loop(depth);
      case '{': {
        this.pos++;
        const body = this.list(new Set(['}']), depth + 1);
        if (this.isWord('}')) this.pos++;
        this.skipRedirections();
        return { k: 'group', body };
      }
      case '!':
      case 'time':
        this.pos++;
        return this.command(depth);
      case 'function': {
        this.pos++;
        if (this.peek()?.t === 'word') this.pos++;
        this.functionBody(depth);
        return undefined;
      }
    }
    const next = this.tokens[this.pos + 1];
    const after = this.tokens[this.pos + 2];
    if (next?.t === 'op' && next.op === '(' && after?.t === 'op' && after.op === ')' && !token.raw.endsWith('=')) {
      this.pos += 3;
      this.functionBody(depth);
      return undefined;
    }
    return this.simple();
  }

  private functionBody(depth: number): void {
    this.skipNewlines();
    this.command(depth + 1);
  }

  private ifClause(depth: number): Node {
    this.pos++; // if
    const arms: { cond: Node[]; body: Node[] }[] = [];
    let otherwise: Node[] | undefined;
    for (;;) {
      const cond = this.list(new Set(['then']), depth + 1);
      if (this.isWord('then')) this.pos++;
      const body = this.list(new Set(['elif', 'else', 'fi']), depth + 1);
      arms.push({ cond, body });
      if (this.isWord('elif')) {
        this.pos++;
        continue;
      }
      if (this.isWord('else')) {
        this.pos++;
        otherwise = this.list(new Set(['fi']), depth + 1);
      }
      if (this.isWord('fi')) this.pos++;
      break;
    }
    this.skipRedirections();
    return { k: 'if', arms, otherwise };
  }

  private loop(depth: number): Node {
    const keyword = (this.peek() as WordToken).raw;
    this.pos++;
    if (keyword === 'while' || keyword === 'until') this.list(new Set(['do']), depth + 1);
    else while (this.peek() && !this.isWord('do')) this.pos++; // `for x in a b c;` up to `do`
    if (this.isWord('do')) this.pos++;
    const body = this.list(new Set(['done']), depth + 1);
    if (this.isWord('done')) this.pos++;
    this.skipRedirections();
    return { k: 'loop', body };
  }

  private caseClause(depth: number): Node {
    this.pos++; // case
    const subject = this.peek();
    const word = subject?.t === 'word' ? subject : undefined;
    if (word) this.pos++;
    this.skipNewlines();
    if (this.isWord('in')) this.pos++;
    const arms: { patterns: WordToken[]; body: Node[] }[] = [];
    for (;;) {
      this.skipNewlines();
      const token = this.peek();
      if (!token || this.isWord('esac')) break;
      if (this.isOp('(')) this.pos++;
      const patterns: WordToken[] = [];
      while (this.peek() && !this.isOp(')')) {
        const pattern = this.peek()!;
        if (pattern.t === 'word') patterns.push(pattern);
        else if (pattern.t === 'nl' || (pattern.t === 'op' && pattern.op !== '|')) break;
        this.pos++;
      }
      if (!this.isOp(')')) break;
      this.pos++;
      const body = this.list(new Set(['esac']), depth + 1);
      arms.push({ patterns, body });
      const end = this.peek();
      if (end?.t === 'op' && (end.op === ';;' || end.op === ';&' || end.op === ';;&')) this.pos++;
      else if (!this.isWord('esac')) break;
    }
    if (this.isWord('esac')) this.pos++;
    return { k: 'case', word, arms };
  }

  private skipRedirections(): void {
    for (;;) {
      const token = this.peek();
      if (token?.t !== 'op' || !REDIRECTIONS.has(token.op)) return;
      this.pos++;
      if (this.peek()?.t === 'word') this.pos++;
    }
  }

  private simple(): Node | undefined {
    const items: Item[] = [];
    const start = this.peek()!.span.start;
    let end = start;
    for (;;) {
      const token = this.peek();
      if (!token || token.t === 'nl') break;
      if (token.t === 'op') {
        if (!REDIRECTIONS.has(token.op)) break;
        this.pos++;
        if (this.peek()?.t === 'word') end = this.tokens[this.pos++].span.end;
        continue;
      }
      this.pos++;
      end = token.span.end;
      const assignment = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=$/.exec(token.raw);
      const open = this.peek();
      if (assignment && open?.t === 'op' && open.op === '(' && open.span.start === token.span.end) {
        this.pos++;
        const words: WordToken[] = [];
        for (;;) {
          const inner = this.peek();
          if (!inner || (inner.t === 'op' && inner.op === ')')) break;
          if (inner.t === 'word') words.push(inner);
          this.pos++;
        }
        const close = this.peek();
        if (close) {
          this.pos++;
          end = close.span.end;
        }
        items.push({ t: 'array', name: assignment[1], append: assignment[2] === '+', items: words, span: { start: token.span.start, end } });
        continue;
      }
      items.push(token);
    }
    return items.length > 0 ? { k: 'simple', items, span: { start, end } } : undefined;
  }
}
