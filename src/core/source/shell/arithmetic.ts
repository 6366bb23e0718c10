/**
 * `$(( ... ))` as bash evaluates it: 64-bit signed integers, C operators and precedence,
 * variables by name (`X` or `$X`). No assignment and no side effects: an expression that would
 * change a variable is reported as not evaluated. Never uses eval; bounded in length and depth.
 */

export type ArithmeticResult = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly reason: string };

type Lookup = (name: string) => { ok: true; text: string } | { ok: false; reason: string };

const MAX_EXPRESSION = 2_000;
/** Parenthesis nesting and variables holding expressions, together. */
const MAX_DEPTH = 32;

class Unknown extends Error {}

/** Variable lookups one expression may make, nested values included (`A=B+B`, `B=C+C`, …). */
const MAX_LOOKUPS = 10_000;

export function evaluateArithmetic(expression: string, lookup: Lookup, depth = 0, budget = { lookups: MAX_LOOKUPS }): ArithmeticResult {
  if (expression.length > MAX_EXPRESSION) return { ok: false, reason: `an arithmetic expression longer than ${MAX_EXPRESSION} characters is not evaluated` };
  if (depth > MAX_DEPTH) return { ok: false, reason: 'arithmetic nested too deep' };
  try {
    const parser = new Parser(tokenize(expression), lookup, depth, budget);
    const value = parser.expression();
    if (parser.more()) throw new Unknown(`$((${clip(expression)})) is not arithmetic read here`);
    return { ok: true, value: value.toString() };
  } catch (error) {
    if (error instanceof Unknown) return { ok: false, reason: error.message };
    return { ok: false, reason: `$((${clip(expression)})) could not be evaluated` };
  }
}

function clip(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > 40 ? `${trimmed.slice(0, 39)}…` : trimmed;
}

type Token = { t: 'num'; value: bigint } | { t: 'name'; name: string } | { t: 'op'; op: string };

const OPS = ['**', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '+', '-', '*', '/', '%', '<', '>', '&', '|', '^', '!', '~', '(', ')', '?', ':'];

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    const number = /^(0[xX][0-9a-fA-F]+|\d+)/.exec(text.slice(i, i + 40));
    if (number) {
      const literal = number[1];
      if (/^0\d/.test(literal) && /[89]/.test(literal)) throw new Unknown(`${literal} is not a valid octal number (bash reads a leading 0 as octal)`);
      tokens.push({ t: 'num', value: BigInt.asIntN(64, /^0\d/.test(literal) ? BigInt(`0o${literal.slice(1)}`) : BigInt(literal)) });
      i += literal.length;
      continue;
    }
    const reference = /^\$\{([A-Za-z_][A-Za-z0-9_]*|\d+)\}|^\$([A-Za-z_][A-Za-z0-9_]*|\d)|^([A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(i, i + 300));
    if (reference) {
      tokens.push({ t: 'name', name: reference[1] ?? reference[2] ?? reference[3] });
      i += reference[0].length;
      continue;
    }
    const op = OPS.find((candidate) => text.startsWith(candidate, i));
    if (!op || (text.startsWith('=', i + op.length) && !['==', '!=', '<=', '>='].includes(op) && op !== '<' && op !== '>')) {
      throw new Unknown(`$((${clip(text)})) uses ${op ? 'an assignment' : JSON.stringify(char)}, which is not evaluated here`);
    }
    tokens.push({ t: 'op', op });
    i += op.length;
  }
  return tokens;
}

const BINARY: readonly (readonly string[])[] = [
  ['||'],
  ['&&'],
  ['|'],
  ['^'],
  ['&'],
  ['==', '!='],
  ['<', '<=', '>', '>='],
  ['<<', '>>'],
  ['+', '-'],
  ['*', '/', '%'],
];

class Parser {
  private pos = 0;
  private nesting = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly lookup: Lookup,
    private readonly depth: number,
    private readonly budget: { lookups: number },
  ) {}

  more(): boolean {
    return this.pos < this.tokens.length;
  }

  private isOp(op: string): boolean {
    const token = this.tokens[this.pos];
    return token?.t === 'op' && token.op === op;
  }

  expression(): bigint {
    if (++this.nesting > MAX_DEPTH) throw new Unknown('arithmetic nested too deep');
    const condition = this.binary(0);
    let result = condition;
    if (this.isOp('?')) {
      this.pos++;
      const yes = this.expression();
      if (!this.isOp(':')) throw new Unknown('an unfinished ?: in arithmetic');
      this.pos++;
      const no = this.expression();
      result = condition !== 0n ? yes : no;
    }
    this.nesting--;
    return result;
  }

  private binary(level: number): bigint {
    if (level >= BINARY.length) return this.power();
    let left = this.binary(level + 1);
    for (;;) {
      const token = this.tokens[this.pos];
      if (token?.t !== 'op' || !BINARY[level].includes(token.op)) return left;
      this.pos++;
      const right = this.binary(level + 1);
      left = apply(token.op, left, right);
    }
  }

  private power(): bigint {
    const base = this.unary();
    if (!this.isOp('**')) return base;
    this.pos++;
    const exponent = this.power(); // right-associative
    if (exponent < 0n) throw new Unknown('a negative exponent in arithmetic');
    let result = 1n;
    let factor = base;
    for (let e = exponent; e > 0n; e >>= 1n) {
      if (e & 1n) result = BigInt.asIntN(64, result * factor);
      factor = BigInt.asIntN(64, factor * factor);
    }
    return result;
  }

  private unary(): bigint {
    const token = this.tokens[this.pos];
    if (token?.t === 'op' && ['-', '+', '!', '~'].includes(token.op)) {
      this.pos++;
      if (++this.nesting > MAX_DEPTH * 8) throw new Unknown('arithmetic nested too deep');
      const value = this.unary();
      this.nesting--;
      return token.op === '-' ? BigInt.asIntN(64, -value) : token.op === '+' ? value : token.op === '!' ? (value === 0n ? 1n : 0n) : BigInt.asIntN(64, ~value);
    }
    return this.primary();
  }

  private primary(): bigint {
    const token = this.tokens[this.pos++];
    if (!token) throw new Unknown('an unfinished arithmetic expression');
    if (token.t === 'num') return token.value;
    if (token.t === 'name') {
      if (--this.budget.lookups < 0) throw new Unknown('arithmetic refers to variables too many times to evaluate');
      const found = this.lookup(token.name);
      if (!found.ok) throw new Unknown(found.reason);
      const text = found.text.trim();
      if (text === '') return 0n;
      if (/^-?\d+$/.test(text) && !/^-?0\d/.test(text)) return BigInt.asIntN(64, BigInt(text));
      // bash evaluates a variable's text as an expression in turn.
      const nested = evaluateArithmetic(text, this.lookup, this.depth + 1, this.budget);
      if (!nested.ok) throw new Unknown(`${token.name}=${clip(text)}: ${nested.reason}`);
      return BigInt(nested.value);
    }
    if (token.op === '(') {
      const value = this.expression();
      if (!this.isOp(')')) throw new Unknown('an unclosed ( in arithmetic');
      this.pos++;
      return value;
    }
    throw new Unknown(`an unexpected ${token.op} in arithmetic`);
  }
}

function apply(op: string, a: bigint, b: bigint): bigint {
  const bool = (value: boolean) => (value ? 1n : 0n);
  switch (op) {
    case '+':
      return BigInt.asIntN(64, a + b);
    case '-':
      return BigInt.asIntN(64, a - b);
    case '*':
      return BigInt.asIntN(64, a * b);
    case '/':
    case '%':
      if (b === 0n) throw new Unknown('division by zero in arithmetic');
      return BigInt.asIntN(64, op === '/' ? a / b : a % b);
    case '<<':
      return BigInt.asIntN(64, a << (b & 63n));
    case '>>':
      return a >> (b & 63n);
    case '&':
      return a & b;
    case '|':
      return a | b;
    case '^':
      return a ^ b;
    case '<':
      return bool(a < b);
    case '<=':
      return bool(a <= b);
    case '>':
      return bool(a > b);
    case '>=':
      return bool(a >= b);
    case '==':
      return bool(a === b);
    case '!=':
      return bool(a !== b);
    case '&&':
      return bool(a !== 0n && b !== 0n);
    case '||':
      return bool(a !== 0n || b !== 0n);
    default:
      throw new Unknown(`the operator ${op} is not evaluated here`);
  }
}
