import type { Span } from '../tree';

/**
 * A tokenizer for the part of POSIX sh / bash that launch scripts use: words with their quoting
 * and expansions kept as parts (each with its span in the text), operators, newlines. Heredoc
 * bodies and comments are skipped. It never throws: text it does not understand becomes literal
 * text or an unresolvable part, and every loop moves forward, so any input ends in linear time.
 */

export type Part =
  | {
      readonly t: 'lit';
      readonly text: string;
      readonly span: Span;
      readonly quoted: boolean;
      /** text[i] was written at span.start + i */ readonly linear: boolean;
    }
  | ParamPart
  | { readonly t: 'arith'; readonly expr: string; readonly span: Span; readonly quoted: boolean }
  | { readonly t: 'cmdsub'; readonly span: Span; readonly quoted: boolean };

export interface ParamPart {
  readonly t: 'param';
  readonly name: string;
  readonly span: Span;
  readonly quoted: boolean;
  /** `${X:-w}` and friends; `op` is `:-`, `-`, `:=`, `=`, `:+`, `+`, `:?` or `?`. */
  readonly op?: string;
  readonly arg?: readonly Part[];
  /** `${A[@]}`, `${A[*]}`, `${A[2]}`. */
  readonly index?: string;
  /** `${#X}`. */
  readonly length?: boolean;
  /** Set for forms this reader does not evaluate (`${X%.*}`, `${X/a/b}`, `${!X}`). */
  readonly unsupported?: string;
}

export type Token =
  | { readonly t: 'word'; readonly parts: readonly Part[]; readonly span: Span; readonly raw: string }
  | { readonly t: 'op'; readonly op: string; readonly span: Span }
  | { readonly t: 'nl'; readonly span: Span };

/** `${...}` nested deeper than this is not read (its text becomes unresolvable). */
const MAX_PART_DEPTH = 32;

const OPERATORS = [';;&', ';;', ';&', '&&', '||', '|&', '&>>', '&>', '<<<', '<<-', '<<', '>>', '>&', '<&', '<>', '>|', ';', '&', '|', '(', ')', '<', '>'];
const META = new Set([' ', '\t', '\n', '\r', ';', '&', '|', '(', ')', '<', '>']);
const NAME = /[A-Za-z0-9_]/;
const NAME_START = /[A-Za-z_]/;

export function lexShell(text: string): Token[] {
  return new Lexer(text).run();
}

class Lexer {
  private pos = 0;
  private readonly tokens: Token[] = [];
  private heredocs: { delimiter: string; strip: boolean }[] = [];
  private inTest = false;

  constructor(private readonly text: string) {}

  run(): Token[] {
    const text = this.text;
    while (this.pos < text.length) {
      const char = text[this.pos];
      if (char === ' ' || char === '\t' || char === '\r') {
        this.pos++;
      } else if (char === '\\' && text[this.pos + 1] === '\n') {
        this.pos += 2;
      } else if (char === '\n') {
        this.tokens.push({ t: 'nl', span: { start: this.pos, end: this.pos + 1 } });
        this.pos++;
        if (this.heredocs.length > 0) this.skipHeredocs();
      } else if (char === '#') {
        const end = text.indexOf('\n', this.pos);
        this.pos = end < 0 ? text.length : end;
      } else if (!this.inTest && char === '(' && text[this.pos + 1] === '(' && this.atCommandStart()) {
        this.arithmeticCommand();
      } else {
        const op = this.inTest ? undefined : OPERATORS.find((candidate) => text.startsWith(candidate, this.pos));
        if (op) this.operator(op);
        else this.word();
      }
    }
    return this.tokens;
  }

  private atCommandStart(): boolean {
    const last = this.tokens[this.tokens.length - 1];
    return !last || last.t === 'nl' || (last.t === 'op' && last.op !== ')') || (last.t === 'word' && /^(then|do|else|!|\{)$/.test(last.raw));
  }

  /** `(( i++ ))`: an arithmetic command, read as one opaque word. */
  private arithmeticCommand(): void {
    const start = this.pos;
    const end = this.text.indexOf('))', start + 2);
    this.pos = end < 0 ? this.text.length : end + 2;
    const raw = this.text.slice(start, this.pos);
    this.tokens.push({
      t: 'word',
      parts: [{ t: 'lit', text: raw, span: { start, end: this.pos }, quoted: true, linear: true }],
      span: { start, end: this.pos },
      raw,
    });
  }

  private operator(op: string): void {
    const start = this.pos;
    this.pos += op.length;
    // `2>` and `2>&1`: the file descriptor number belongs to the redirection.
    const last = this.tokens[this.tokens.length - 1];
    if ((op.startsWith('>') || op.startsWith('<')) && last?.t === 'word' && last.span.end === start && /^\d+$/.test(last.raw)) this.tokens.pop();
    this.tokens.push({ t: 'op', op, span: { start, end: this.pos } });
    if (op === '<<' || op === '<<-') {
      // The delimiter is the next word; its body starts on the next line.
      while (this.text[this.pos] === ' ' || this.text[this.pos] === '\t') this.pos++;
      const wordStart = this.tokens.length;
      if (this.pos < this.text.length && !META.has(this.text[this.pos])) this.word();
      const word = this.tokens[wordStart];
      if (word?.t === 'word') this.heredocs.push({ delimiter: word.raw.replace(/['"\\]/g, ''), strip: op === '<<-' });
    }
  }

  private skipHeredocs(): void {
    const text = this.text;
    for (const { delimiter, strip } of this.heredocs) {
      while (this.pos < text.length) {
        const end = text.indexOf('\n', this.pos);
        const lineEnd = end < 0 ? text.length : end;
        let line = text.slice(this.pos, lineEnd);
        if (line.endsWith('\r')) line = line.slice(0, -1);
        this.pos = end < 0 ? text.length : end + 1;
        if ((strip ? line.replace(/^\t+/, '') : line) === delimiter) break;
      }
    }
    this.heredocs = [];
  }

  private word(): void {
    const start = this.pos;
    // Inside `[[ ... ]]`, `&&`, `<` and parentheses are part of the test, not operators.
    const parts = this.parts((char) => (this.inTest ? /[\s;]/.test(char) : META.has(char)), false, 0);
    if (this.pos === start) {
      // A character no rule consumed (cannot happen with the rules above, but never loop).
      this.pos++;
      return;
    }
    const raw = this.text.slice(start, this.pos);
    this.tokens.push({ t: 'word', parts, span: { start, end: this.pos }, raw });
    if (raw === '[[') this.inTest = true;
    else if (raw === ']]') this.inTest = false;
  }

  /** Word parts up to a character for which `stop` is true (outside quotes). */
  private parts(stop: (char: string) => boolean, quoted: boolean, depth: number): Part[] {
    const text = this.text;
    const parts: Part[] = [];
    let litStart = -1;
    const flush = () => {
      if (litStart >= 0 && litStart < this.pos)
        parts.push({ t: 'lit', text: text.slice(litStart, this.pos), span: { start: litStart, end: this.pos }, quoted, linear: true });
      litStart = -1;
    };
    while (this.pos < text.length) {
      const char = text[this.pos];
      if (stop(char)) break;
      if (char === '\\') {
        flush();
        const next = text[this.pos + 1];
        if (next === '\n') this.pos += 2;
        else if (next === undefined) this.pos++;
        else {
          parts.push({ t: 'lit', text: next, span: { start: this.pos, end: this.pos + 2 }, quoted: true, linear: false });
          this.pos += 2;
        }
      } else if (char === "'") {
        flush();
        const end = text.indexOf("'", this.pos + 1);
        const close = end < 0 ? text.length : end;
        parts.push({ t: 'lit', text: text.slice(this.pos + 1, close), span: { start: this.pos + 1, end: close }, quoted: true, linear: true });
        this.pos = Math.min(text.length, close + 1);
      } else if (char === '"') {
        flush();
        this.pos++;
        const before = parts.length;
        for (const part of this.doubleQuoted(depth)) parts.push(part);
        // `""` is an empty word, not nothing.
        if (parts.length === before) parts.push({ t: 'lit', text: '', span: { start: this.pos - 1, end: this.pos - 1 }, quoted: true, linear: true });
      } else if (char === '$' && text[this.pos + 1] === "'") {
        flush();
        parts.push(this.ansiC());
      } else if (char === '$' || char === '`') {
        flush();
        parts.push(this.dollar(quoted, depth));
      } else {
        if (litStart < 0) litStart = this.pos;
        this.pos++;
      }
    }
    flush();
    return parts;
  }

  private doubleQuoted(depth: number): Part[] {
    const text = this.text;
    const parts: Part[] = [];
    let litStart = -1;
    const flush = () => {
      if (litStart >= 0 && litStart < this.pos)
        parts.push({ t: 'lit', text: text.slice(litStart, this.pos), span: { start: litStart, end: this.pos }, quoted: true, linear: true });
      litStart = -1;
    };
    while (this.pos < text.length && text[this.pos] !== '"') {
      const char = text[this.pos];
      const next = text[this.pos + 1];
      if (char === '\\' && next !== undefined && '$`"\\\n'.includes(next)) {
        flush();
        if (next !== '\n') parts.push({ t: 'lit', text: next, span: { start: this.pos, end: this.pos + 2 }, quoted: true, linear: false });
        this.pos += 2;
      } else if (char === '$' || char === '`') {
        flush();
        parts.push(this.dollar(true, depth));
      } else {
        if (litStart < 0) litStart = this.pos;
        this.pos++;
      }
    }
    flush();
    this.pos = Math.min(text.length, this.pos + 1);
    return parts;
  }

  private ansiC(): Part {
    const start = this.pos;
    this.pos += 2;
    let value = '';
    const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\u0007', e: '\u001b' };
    while (this.pos < this.text.length && this.text[this.pos] !== "'") {
      if (this.text[this.pos] === '\\' && this.pos + 1 < this.text.length) {
        const next = this.text[this.pos + 1];
        value += escapes[next] ?? `\\${next}`;
        this.pos += 2;
      } else value += this.text[this.pos++];
    }
    this.pos = Math.min(this.text.length, this.pos + 1);
    return { t: 'lit', text: value, span: { start, end: this.pos }, quoted: true, linear: false };
  }

  /** `$X`, `${...}`, `$((...))`, `$(...)` or a backquoted command. */
  private dollar(quoted: boolean, depth: number): Part {
    const text = this.text;
    const start = this.pos;
    if (text[start] === '`') {
      let i = start + 1;
      while (i < text.length && text[i] !== '`') i += text[i] === '\\' ? 2 : 1;
      this.pos = Math.min(text.length, i + 1);
      return { t: 'cmdsub', span: { start, end: this.pos }, quoted };
    }
    const next = text[start + 1];
    if (next === '(' && text[start + 2] === '(') {
      const close = this.arithmeticEnd(start + 3);
      if (close !== undefined) {
        this.pos = close + 2;
        return { t: 'arith', expr: text.slice(start + 3, close), span: { start, end: this.pos }, quoted };
      }
    }
    if (next === '(') {
      this.pos = this.balancedEnd(start + 2, '(', ')');
      return { t: 'cmdsub', span: { start, end: this.pos }, quoted };
    }
    if (next === '{') return this.braced(quoted, depth);
    if (next !== undefined && NAME_START.test(next)) {
      let end = start + 1;
      while (end < text.length && NAME.test(text[end])) end++;
      this.pos = end;
      return { t: 'param', name: text.slice(start + 1, end), span: { start, end }, quoted };
    }
    if (next !== undefined && /[0-9@*#?$!-]/.test(next)) {
      this.pos = start + 2;
      return { t: 'param', name: next, span: { start, end: this.pos }, quoted };
    }
    this.pos = start + 1;
    return { t: 'lit', text: '$', span: { start, end: this.pos }, quoted, linear: true };
  }

  /** The index of the `))` closing `$((`, or undefined when there is none (then it is `$( (...) )`). */
  private arithmeticEnd(from: number): number | undefined {
    let depth = 0;
    for (let i = from; i < this.text.length; i++) {
      const char = this.text[i];
      if (char === '(') depth++;
      else if (char === ')') {
        if (depth === 0) return this.text[i + 1] === ')' ? i : undefined;
        depth--;
      } else if (char === '\n' && depth === 0 && i - from > 10_000) return undefined;
    }
    return undefined;
  }

  /** The position after the `close` that balances an already-open `open`, skipping quotes. */
  private balancedEnd(from: number, open: string, close: string): number {
    const text = this.text;
    let depth = 1;
    let i = from;
    while (i < text.length) {
      const char = text[i];
      if (char === '\\') i += 2;
      else if (char === "'") {
        const end = text.indexOf("'", i + 1);
        i = end < 0 ? text.length : end + 1;
      } else if (char === '"') {
        i++;
        while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
        i++;
      } else if (char === '#' && (i === from || /\s/.test(text[i - 1]))) {
        const end = text.indexOf('\n', i);
        i = end < 0 ? text.length : end;
      } else {
        if (char === open) depth++;
        else if (char === close && --depth === 0) return i + 1;
        i++;
      }
    }
    return text.length;
  }

  private braced(quoted: boolean, depth: number): Part {
    const text = this.text;
    const start = this.pos;
    const unsupported = (why: string): Part => {
      this.pos = this.balancedEnd(start + 2, '{', '}');
      return { t: 'param', name: '', span: { start, end: this.pos }, quoted, unsupported: why };
    };
    if (depth >= MAX_PART_DEPTH) return unsupported(`\${...} nested more than ${MAX_PART_DEPTH} deep`);
    let i = start + 2;
    let length = false;
    if (text[i] === '#' && i + 1 < text.length && text[i + 1] !== '}') {
      length = true;
      i++;
    }
    if (text[i] === '!') return unsupported('indirect expansion ${!...}');
    let nameEnd = i;
    if (NAME_START.test(text[i] ?? '')) while (nameEnd < text.length && NAME.test(text[nameEnd])) nameEnd++;
    else if (/[0-9]/.test(text[i] ?? '')) while (nameEnd < text.length && /[0-9]/.test(text[nameEnd])) nameEnd++;
    else if (/[@*#?$!-]/.test(text[i] ?? '')) nameEnd = i + 1;
    const name = text.slice(i, nameEnd);
    if (!name) return unsupported('an empty ${}');
    i = nameEnd;
    let index: string | undefined;
    if (text[i] === '[') {
      const close = text.indexOf(']', i);
      if (close < 0) return unsupported('an unclosed [');
      index = text.slice(i + 1, close);
      i = close + 1;
    }
    if (text[i] === '}') {
      this.pos = i + 1;
      return { t: 'param', name, span: { start, end: this.pos }, quoted, index, length };
    }
    const op = /^(:-|:=|:\+|:\?|-|=|\+|\?)/.exec(text.slice(i, i + 2))?.[1];
    if (!op || length) return unsupported(`the expansion ${text.slice(start, Math.min(text.length, i + 2))}…`);
    this.pos = i + op.length;
    let braces = 0;
    const arg = this.parts(
      (char) => {
        if (char === '{') braces++;
        else if (char === '}') return braces-- === 0;
        return false;
      },
      quoted,
      depth + 1,
    );
    this.pos = Math.min(text.length, this.pos + 1);
    return { t: 'param', name, span: { start, end: this.pos }, quoted, op, arg, index };
  }
}
