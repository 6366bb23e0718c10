import { getPath, type ConfigNode, type Scalar } from './tree';

/**
 * OmegaConf / Hydra interpolation as NeMo, Megatron and llm-foundry configs use it:
 * `${model.hidden_size}`, relative `${.hidden_size}` and `${..x}`, resolvers such as
 * `${multiply:4, ${.hidden_size}}`, and `${oc.env:VAR,default}`. `???` is OmegaConf's
 * "mandatory, no value yet".
 */

export type Resolution = { readonly ok: true; readonly value: Scalar } | { readonly ok: false; readonly reason: string };

/** Interpolations that refer to each other this deep are treated as a loop. */
const MAX_HOPS = 24;
/**
 * One value may look up at most this many references, nested ones included: `a: ${b}${b}`,
 * `b: ${c}${c}`, … doubles the work at every level, and 24 levels would be 16 million lookups.
 */
const MAX_LOOKUPS = 1_000;
/** A resolved value longer than this is no number and no name of anything. */
const MAX_RESOLVED_LENGTH = 10_000;

interface Budget {
  lookups: number;
}

export const MANDATORY_MISSING = '???';

export function hasInterpolation(value: string): boolean {
  return value.includes('${');
}

/**
 * Resolves every `${...}` in `text`. `basePath` is the path of the map holding the value,
 * which relative references start from.
 */
export function resolveInterpolation(
  text: string,
  root: ConfigNode | undefined,
  basePath: readonly string[],
  hops = 0,
  budget: Budget = { lookups: MAX_LOOKUPS },
): Resolution {
  if (hops > MAX_HOPS) return { ok: false, reason: `interpolations refer to each other in a loop (or more than ${MAX_HOPS} deep)` };
  const parser = new Parser(text, root, basePath, hops, budget);
  try {
    return { ok: true, value: parser.parseWhole() };
  } catch (error) {
    return { ok: false, reason: error instanceof Unresolved ? error.message : clip(`unreadable interpolation ${JSON.stringify(text)}`) };
  }
}

/** Reasons quote the text, which may be any length; a diagnostic stays one readable line. */
const MAX_REASON = 160;

function clip(reason: string): string {
  return reason.length > MAX_REASON ? `${reason.slice(0, MAX_REASON - 1)}…` : reason;
}

class Unresolved extends Error {
  constructor(reason: string) {
    super(clip(reason));
  }
}

class Parser {
  private pos = 0;
  constructor(
    private readonly text: string,
    private readonly root: ConfigNode | undefined,
    private readonly basePath: readonly string[],
    private readonly hops: number,
    private readonly budget: Budget,
  ) {}

  /** A value that is exactly one interpolation keeps its type; anything else becomes a string. */
  parseWhole(): Scalar {
    const pieces: Scalar[] = [];
    let length = 0;
    while (this.pos < this.text.length) {
      if (this.text.startsWith('${', this.pos)) pieces.push(this.interpolation());
      else {
        const next = this.text.indexOf('${', this.pos);
        const end = next < 0 ? this.text.length : next;
        pieces.push(this.text.slice(this.pos, end));
        this.pos = end;
      }
      length += String(pieces[pieces.length - 1]).length;
      if (length > MAX_RESOLVED_LENGTH) throw new Unresolved(`the interpolated value grows past ${MAX_RESOLVED_LENGTH.toLocaleString('en-US')} characters`);
    }
    return pieces.length === 1 ? pieces[0] : pieces.map((piece) => String(piece)).join('');
  }

  private interpolation(): Scalar {
    this.pos += 2; // `${`
    this.skipSpaces();
    const head = this.readWhile(/[A-Za-z0-9_.\-[\]]/);
    this.skipSpaces();
    let value: Scalar;
    if (this.peek() === ':') {
      this.pos++;
      const args = this.arguments();
      value = applyResolver(head, args);
    } else {
      value = this.lookup(head);
    }
    this.skipSpaces();
    if (this.peek() !== '}') throw new Unresolved(`unreadable interpolation ${JSON.stringify(this.text)}`);
    this.pos++;
    return value;
  }

  private arguments(): Scalar[] {
    const args: Scalar[] = [];
    for (;;) {
      this.skipSpaces();
      if (this.peek() === '}') return args;
      if (this.text.startsWith('${', this.pos)) args.push(this.interpolation());
      else if (this.peek() === '"' || this.peek() === "'") args.push(this.quoted());
      else args.push(literal(this.readWhile(/[^,}]/).trim()));
      this.skipSpaces();
      if (this.peek() === ',') this.pos++;
      else if (this.peek() !== '}') throw new Unresolved(`unreadable interpolation ${JSON.stringify(this.text)}`);
    }
  }

  private quoted(): string {
    const quote = this.text[this.pos++];
    const end = this.text.indexOf(quote, this.pos);
    if (end < 0) throw new Unresolved('unterminated string in interpolation');
    const value = this.text.slice(this.pos, end);
    this.pos = end + 1;
    return value;
  }

  private lookup(reference: string): Scalar {
    if (--this.budget.lookups < 0) throw new Unresolved(`interpolations expand to more than ${MAX_LOOKUPS.toLocaleString('en-US')} references`);
    const dots = /^\.*/.exec(reference)![0].length;
    const rest = reference.slice(dots).split('.').filter(Boolean);
    // `${.x}` is a sibling of the value, `${..x}` a sibling of its parent, `${x}` from the root.
    const path = dots === 0 ? rest : [...this.basePath.slice(0, Math.max(0, this.basePath.length - (dots - 1))), ...rest];
    const found = getPath(this.root, path);
    if (!found) throw new Unresolved(`\${${reference}} points at nothing in this file`);
    if (found.node.kind !== 'scalar') throw new Unresolved(`\${${reference}} is a section, not a value`);
    const value = found.node.value;
    if (typeof value === 'string' && hasInterpolation(value)) {
      const nested = resolveInterpolation(value, this.root, path.slice(0, -1), this.hops + 1, this.budget);
      if (!nested.ok) throw new Unresolved(nested.reason);
      return nested.value;
    }
    if (value === MANDATORY_MISSING) throw new Unresolved(`\${${reference}} is "???" (no value given yet)`);
    if (value === null) throw new Unresolved(`\${${reference}} is empty`);
    return found.node.source !== undefined && typeof value === 'string' ? found.node.source : value;
  }

  private readWhile(pattern: RegExp): string {
    const start = this.pos;
    while (this.pos < this.text.length && pattern.test(this.text[this.pos]) && !this.text.startsWith('${', this.pos)) this.pos++;
    return this.text.slice(start, this.pos);
  }

  private skipSpaces(): void {
    while (this.text[this.pos] === ' ') this.pos++;
  }

  private peek(): string | undefined {
    return this.text[this.pos];
  }
}

function literal(text: string): Scalar {
  if (text === '') return null;
  const number = Number(text.replace(/_/g, ''));
  return Number.isFinite(number) && /^[-+]?[\d_.]+(e[-+]?\d+)?$/i.test(text) ? number : text;
}

function numbers(name: string, args: Scalar[]): number[] {
  return args.map((arg) => {
    const value = typeof arg === 'number' ? arg : typeof arg === 'string' ? Number(arg) : NaN;
    if (!Number.isFinite(value)) throw new Unresolved(`\${${name}:...} needs numbers, got ${JSON.stringify(arg)}`);
    return value;
  });
}

/** The arithmetic resolvers NeMo and llm-foundry register, plus OmegaConf's own. */
function applyResolver(name: string, args: Scalar[]): Scalar {
  switch (name) {
    case 'multiply':
    case 'mul':
      return numbers(name, args).reduce((a, b) => a * b, 1);
    case 'add':
    case 'sum':
      return numbers(name, args).reduce((a, b) => a + b, 0);
    case 'subtract':
    case 'sub': {
      const [first, ...rest] = numbers(name, args);
      return rest.reduce((a, b) => a - b, first);
    }
    case 'divide':
    case 'div': {
      const [a, b] = numbers(name, args);
      if (b === 0) throw new Unresolved(`\${${name}:...} divides by zero`);
      return a / b;
    }
    case 'floor_divide':
    case 'int_div': {
      const [a, b] = numbers(name, args);
      if (b === 0) throw new Unresolved(`\${${name}:...} divides by zero`);
      return Math.floor(a / b);
    }
    case 'int':
    case 'floor':
      return Math.floor(numbers(name, args)[0]);
    case 'ceil':
      return Math.ceil(numbers(name, args)[0]);
    case 'oc.env':
    case 'env':
      // The environment of the training machine is not ours to read; only a default helps.
      if (args.length > 1 && args[1] !== null) return args[1];
      throw new Unresolved(`\${${name}:${String(args[0])}} comes from the training machine's environment`);
    case 'oc.select': {
      if (args.length > 1) return args[1];
      throw new Unresolved('${oc.select:...} without a default');
    }
    default:
      throw new Unresolved(`the resolver "${name}" is not one this extension knows`);
  }
}
