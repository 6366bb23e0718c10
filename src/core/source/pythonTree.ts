import { parser } from '@lezer/python';
import type { SyntaxNode } from '@lezer/common';
import type { ConfigNode, MapEntry, MapNode, ScalarNode, Span } from './tree';
import { maxOf, minOf } from '../numbers/extent';
import type { ParsedSource } from './yamlTree';

/**
 * Reads a Python config (InternLM's `model = dict(hidden_size=HIDDEN_SIZE, …)`, nanoGPT's
 * `config/train_gpt2.py`, mmengine's `dict(type=…)` files) into the shared tree without running
 * it: Lezer's Python grammar parses the text, and only literals are evaluated. The tree holds
 * every top-level assignment `NAME = value` (and `a, b = …`), where a value is a number, string, `True`/`False`/
 * `None`, a list, tuple or `{…}` dict, a `dict(k=v)` call (any other call of a name, such as
 * `GPTConfig(n_layer=12)` or `FastLanguageModel.get_peft_model(model, r=16)`, is read as the map of
 * its keyword arguments, with the callee and positional arguments in `MapNode.call`), arithmetic on
 * numbers, `int()`/`float()`/`round()`/`min()`/`max()`/`abs()` of numbers, an earlier name, or
 * `name["key"]`/`name[0]` of one. Anything else (imports, functions, conditionals, f-strings,
 * attribute access) is unknown: a null value, never a guess, and never a problem reported, since
 * the reader is not Python. Statements inside `if`/`def`/`class`/`with` blocks are not read.
 */

/** Nesting deeper than this is not evaluated (a hostile file must not exhaust the stack). */
const MAX_DEPTH = 64;
/** Values built by `[x] * n` and list concatenation stop growing past this many items in all. */
const MAX_ITEMS = 100_000;

const NUMERIC_CALLS = new Set(['int', 'float', 'round', 'abs', 'min', 'max']);

export function readPython(text: string): ParsedSource {
  const tree = parser.parse(text);
  const reader = new LiteralReader(text);
  const entries: MapEntry[] = [];
  const top = tree.topNode;
  for (let statement = top.firstChild; statement; statement = statement.nextSibling) {
    if (statement.name === 'AssignStatement') reader.assign(statement, entries);
    else if (statement.name === 'UpdateStatement') reader.update(statement, entries);
  }
  const root: MapNode = { kind: 'map', entries, span: { start: 0, end: text.length } };
  return { root, problems: [] };
}

class LiteralReader {
  private readonly names = new Map<string, ConfigNode>();
  private items = 0;

  constructor(private readonly text: string) {}

  /**
   * `A = B = value` (every target a plain name), and tuple targets `a, b = 1, 2` bound item by item.
   * `model, tokenizer = FastLanguageModel.from_pretrained(…)` unpacks a value only running the call
   * would tell: the call is kept under the key `model, tokenizer` as written, and the names stay unknown.
   * `x.y = …` is not read.
   */
  assign(statement: SyntaxNode, entries: MapEntry[]): void {
    const children = childrenOf(statement);
    const lastOp = children.map((child) => child.name).lastIndexOf('AssignOp');
    if (lastOp < 0 || lastOp === children.length - 1) return;
    const values = children.slice(lastOp + 1).filter((child) => child.name !== ',');
    const valueSpan = { start: values[0].from, end: values[values.length - 1].to };
    const value =
      values.length === 1
        ? (this.evaluate(values[0], 0) ?? unknown(valueSpan))
        : { kind: 'seq' as const, items: values.map((item) => this.evaluate(item, 0) ?? unknown(spanOf(item))), span: valueSpan };
    const groups = splitTargets(children.slice(0, lastOp));
    for (const group of groups) {
      const names = group.length === 1 && group[0].name === 'TupleExpression' ? childrenOf(group[0]).filter((child) => !isPunctuation(child.name)) : group;
      if (names.length === 0 || names.some((target) => target.name !== 'VariableName')) return;
      if (names.length === 1) {
        this.bind(this.source(names[0]), spanOf(names[0]), value, entries);
        continue;
      }
      const keySpan = { start: names[0].from, end: names[names.length - 1].to };
      if (value.kind === 'seq' && value.items.length === names.length)
        names.forEach((name, i) => this.bind(this.source(name), spanOf(name), value.items[i], entries));
      else {
        for (const name of names) this.names.set(this.source(name), unknown(spanOf(name)));
        entries.push({ key: names.map((name) => this.source(name)).join(', '), keySpan, value });
      }
    }
  }

  /** `STEPS += 1000`, `SCALE *= 2` on a known number. */
  update(statement: SyntaxNode, entries: MapEntry[]): void {
    const children = childrenOf(statement);
    const [target, op, valueNode] = children;
    if (children.length !== 3 || target.name !== 'VariableName' || op.name !== 'UpdateOp') return;
    const name = this.source(target);
    const before = this.names.get(name);
    const operand = this.evaluate(valueNode, 0);
    const result = before && operand ? arithmetic(this.source(op).slice(0, -1), before, operand, spanOf(valueNode)) : undefined;
    this.bind(name, spanOf(target), result ?? unknown(spanOf(valueNode)), entries);
  }

  private bind(name: string, keySpan: Span, value: ConfigNode, entries: MapEntry[]): void {
    this.names.set(name, value);
    entries.push({ key: name, keySpan, value });
  }

  private source(node: SyntaxNode): string {
    return this.text.slice(node.from, node.to);
  }

  private evaluate(node: SyntaxNode, depth: number): ConfigNode | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const span = spanOf(node);
    switch (node.name) {
      case 'Number':
        return numberNode(this.source(node), span);
      case 'String':
      case 'ContinuedString': {
        const value = this.string(node);
        return value === undefined ? undefined : { kind: 'scalar', value, span };
      }
      case 'Boolean':
        return { kind: 'scalar', value: this.source(node) === 'True', span };
      case 'None':
        return { kind: 'scalar', value: null, span };
      case 'VariableName': {
        const bound = this.names.get(this.source(node));
        // A scalar keeps the span where it is used, so a diagnostic underlines `hidden_size=HIDDEN`.
        return bound?.kind === 'scalar' ? { ...bound, span } : bound;
      }
      case 'ParenthesizedExpression': {
        const inner = childrenOf(node).filter((child) => !isPunctuation(child.name));
        return inner.length === 1 ? this.evaluate(inner[0], depth + 1) : undefined;
      }
      case 'UnaryExpression':
        return this.unary(node, depth);
      case 'BinaryExpression':
        return this.binary(node, depth);
      case 'ArrayExpression':
      case 'TupleExpression':
        return this.sequence(node, depth);
      case 'DictionaryExpression':
        return this.dictionary(node, depth);
      case 'CallExpression':
        return this.call(node, depth);
      case 'MemberExpression':
        return this.member(node, depth);
      default:
        return undefined;
    }
  }

  /** A string literal; an f-string (its value depends on code) or a bytes literal is unknown. */
  private string(node: SyntaxNode): string | undefined {
    if (node.name === 'ContinuedString') {
      const parts = childrenOf(node).map((child) => this.string(child));
      return parts.some((part) => part === undefined) ? undefined : parts.join('');
    }
    const written = this.source(node);
    const match = /^([rRuUbBfF]*)('''|"""|'|")([\s\S]*)\2$/.exec(written);
    if (!match || /[fFbB]/.test(match[1])) return undefined;
    const body = match[3];
    if (/[rR]/.test(match[1])) return body;
    return body.replace(/\\(\n|[\\'"nt])/g, (_, escaped: string) => (escaped === 'n' ? '\n' : escaped === 't' ? '\t' : escaped === '\n' ? '' : escaped));
  }

  private unary(node: SyntaxNode, depth: number): ConfigNode | undefined {
    const [op, operand] = childrenOf(node);
    const value = operand && this.evaluate(operand, depth + 1);
    if (value?.kind !== 'scalar') return undefined;
    const written = this.source(op);
    if (written === 'not' && typeof value.value === 'boolean') return { kind: 'scalar', value: !value.value, span: spanOf(node) };
    if (typeof value.value !== 'number') return undefined;
    if (written === '-') return { kind: 'scalar', value: -value.value, span: spanOf(node) };
    return written === '+' ? { kind: 'scalar', value: value.value, span: spanOf(node) } : undefined;
  }

  private binary(node: SyntaxNode, depth: number): ConfigNode | undefined {
    const children = childrenOf(node);
    if (children.length !== 3) return undefined;
    const [leftNode, opNode, rightNode] = children;
    const left = this.evaluate(leftNode, depth + 1);
    const right = left && this.evaluate(rightNode, depth + 1);
    if (!left || !right) return undefined;
    const op = this.source(opNode);
    const span = spanOf(node);
    if (left.kind === 'seq' && right.kind === 'seq' && op === '+') return this.grown([...left.items, ...right.items], span);
    if (left.kind === 'seq' && right.kind === 'scalar' && op === '*' && Number.isInteger(right.value) && (right.value as number) >= 0) {
      const times = right.value as number;
      if (left.items.length * times > MAX_ITEMS) return undefined;
      return this.grown(Array.from({ length: times }, () => left.items).flat(), span);
    }
    return arithmetic(op, left, right, span);
  }

  private grown(items: ConfigNode[], span: Span): ConfigNode | undefined {
    this.items += items.length;
    return this.items > MAX_ITEMS ? undefined : { kind: 'seq', items, span };
  }

  private sequence(node: SyntaxNode, depth: number): ConfigNode {
    const items = childrenOf(node)
      .filter((child) => !isPunctuation(child.name))
      .map((child) => this.evaluate(child, depth + 1) ?? unknown(spanOf(child)));
    return { kind: 'seq', items, span: spanOf(node) };
  }

  /** `{"key": value, **base}`: string or number keys; `**` of a known dict merges it. */
  private dictionary(node: SyntaxNode, depth: number): ConfigNode | undefined {
    const children = childrenOf(node).filter((child) => child.name !== '{' && child.name !== '}' && child.name !== ',');
    const entries: MapEntry[] = [];
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (this.source(child) === '**') {
        const spread = children[i + 1] && this.evaluate(children[i + 1], depth + 1);
        if (spread?.kind === 'map') entries.push(...spread.entries);
        i++;
        continue;
      }
      if (children[i + 1]?.name !== ':' || !children[i + 2]) return undefined;
      const key = this.evaluate(child, depth + 1);
      if (key?.kind !== 'scalar' || (typeof key.value !== 'string' && typeof key.value !== 'number')) return undefined;
      const valueNode = children[i + 2];
      entries.push({ key: String(key.value), keySpan: spanOf(child), value: this.evaluate(valueNode, depth + 1) ?? unknown(spanOf(valueNode)) });
      i += 2;
    }
    return { kind: 'map', entries, span: spanOf(node) };
  }

  /**
   * `dict(k=v, …)`, a numeric builtin, or any other call of a dotted name read as the map of its
   * keyword arguments with the callee and positional arguments kept beside it (`CallSite`):
   * `GPTConfig(n_layer=12)`, `FastLanguageModel.get_peft_model(model, r=16)`. A call with neither
   * keywords nor positional arguments, or of something other than a name, is unknown.
   */
  private call(node: SyntaxNode, depth: number): ConfigNode | undefined {
    const callee = node.firstChild;
    const args = node.getChild('ArgList');
    if (!callee || !args) return undefined;
    const name = callee.name === 'VariableName' ? this.source(callee) : undefined;
    const parts = childrenOf(args).filter((child) => child.name !== '(' && child.name !== ')');
    const keywords: MapEntry[] = [];
    const positional: SyntaxNode[] = [];
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      if (part.name === ',') continue;
      if (part.name === 'VariableName' && parts[i + 1]?.name === 'AssignOp' && parts[i + 2]) {
        const valueNode = parts[i + 2];
        keywords.push({ key: this.source(part), keySpan: spanOf(part), value: this.evaluate(valueNode, depth + 1) ?? unknown(spanOf(valueNode)) });
        i += 2;
      } else if (part.name === '*' || part.name === '**')
        i++; // `**kwargs`: what it spreads is unknown, and is skipped
      else positional.push(part);
    }
    if (name && NUMERIC_CALLS.has(name) && keywords.length === 0) return this.numeric(name, positional, spanOf(node), depth);
    if (name === 'dict') {
      // dict(base, k=v): the positional mapping first, the keywords over it.
      const base = positional.length === 1 ? this.evaluate(positional[0], depth + 1) : undefined;
      if (positional.length > 1 || (positional.length === 1 && base?.kind !== 'map')) return undefined;
      return { kind: 'map', entries: [...(base?.kind === 'map' ? base.entries : []), ...keywords], span: spanOf(node) };
    }
    const calleeName = dottedName(callee, (part) => this.source(part));
    if (!calleeName || keywords.length + positional.length === 0) return undefined;
    const call = {
      callee: calleeName,
      calleeSpan: spanOf(callee),
      positional: positional.map((part) => this.evaluate(part, depth + 1) ?? unknown(spanOf(part))),
    };
    return { kind: 'map', entries: keywords, span: spanOf(node), call };
  }

  private numeric(name: string, positional: readonly SyntaxNode[], span: Span, depth: number): ConfigNode | undefined {
    const values = positional.map((part) => this.evaluate(part, depth + 1));
    const numbers = values.map((value) => (value?.kind === 'scalar' && typeof value.value === 'number' ? value.value : undefined));
    if (numbers.length === 0 || numbers.some((value) => value === undefined)) return undefined;
    const [first] = numbers as number[];
    const result =
      name === 'int'
        ? Math.trunc(first)
        : name === 'float'
          ? first
          : name === 'abs'
            ? Math.abs(first)
            : name === 'round' && numbers.length === 1
              ? roundHalfEven(first)
              : name === 'min'
                ? minOf(numbers as number[])
                : name === 'max'
                  ? maxOf(numbers as number[])
                  : undefined;
    return result === undefined || (name === 'int' && positional.length > 1) ? undefined : { kind: 'scalar', value: result, span };
  }

  /** `name["key"]`, `name[0]`; attribute access (`torch.bfloat16`, `cfg.x`) is not followed. */
  private member(node: SyntaxNode, depth: number): ConfigNode | undefined {
    const children = childrenOf(node);
    if (children.length !== 4 || children[1].name !== '[' || children[3].name !== ']') return undefined;
    const target = this.evaluate(children[0], depth + 1);
    const index = this.evaluate(children[2], depth + 1);
    if (!target || index?.kind !== 'scalar') return undefined;
    let found: ConfigNode | undefined;
    if (target.kind === 'map' && (typeof index.value === 'string' || typeof index.value === 'number'))
      found = [...target.entries].reverse().find((entry) => entry.key === String(index.value))?.value;
    else if (target.kind === 'seq' && typeof index.value === 'number' && Number.isInteger(index.value))
      found = target.items[index.value < 0 ? target.items.length + index.value : index.value];
    return found?.kind === 'scalar' ? { ...found, span: spanOf(node) } : found;
  }
}

function arithmetic(op: string, left: ConfigNode, right: ConfigNode, span: Span): ScalarNode | undefined {
  if (left.kind !== 'scalar' || right.kind !== 'scalar') return undefined;
  if (typeof left.value === 'string' && typeof right.value === 'string' && op === '+') return { kind: 'scalar', value: left.value + right.value, span };
  if (typeof left.value !== 'number' || typeof right.value !== 'number') return undefined;
  const a = left.value;
  const b = right.value;
  let value: number | undefined;
  if (op === '+') value = a + b;
  else if (op === '-') value = a - b;
  else if (op === '*') value = a * b;
  else if (op === '/') value = b === 0 ? undefined : a / b;
  else if (op === '//') value = b === 0 ? undefined : Math.floor(a / b);
  else if (op === '%') value = b === 0 ? undefined : a - b * Math.floor(a / b);
  else if (op === '**') value = a ** b;
  return value === undefined || !Number.isFinite(value) ? undefined : { kind: 'scalar', value, span };
}

/** Python's `round(x)`: halves go to the even neighbour. */
function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const fraction = value - floor;
  if (fraction !== 0.5) return Math.round(value);
  return floor % 2 === 0 ? floor : floor + 1;
}

/** A Python number literal: `1_000`, `1e-4`, `0x10`; complex numbers are unknown. */
function numberNode(written: string, span: Span): ScalarNode | undefined {
  const plain = written.replaceAll('_', '');
  if (/[jJ]$/.test(plain)) return undefined;
  const value = /^0[xob]/i.test(plain) ? Number(plain.toLowerCase()) : /^0\d+$/.test(plain) ? undefined : Number(plain.replace(/[lL]$/, ''));
  return value === undefined || !Number.isFinite(value) ? undefined : { kind: 'scalar', value, span, source: written };
}

function unknown(span: Span): ScalarNode {
  return { kind: 'scalar', value: null, span };
}

function spanOf(node: SyntaxNode): Span {
  return { start: node.from, end: node.to };
}

function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const children: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) if (child.name !== 'Comment') children.push(child);
  return children;
}

/** `a = b = c` or `a, b = c`: the targets between `=` signs, each a list of names (or one tuple). */
function splitTargets(children: readonly SyntaxNode[]): SyntaxNode[][] {
  const groups: SyntaxNode[][] = [[]];
  for (const child of children) {
    if (child.name === 'AssignOp') groups.push([]);
    else if (child.name !== ',' && child.name !== 'TypeDef') groups[groups.length - 1].push(child);
  }
  return groups.filter((group) => group.length > 0);
}

/** `SFTTrainer`, `FastLanguageModel.from_pretrained`, `trl.SFTConfig`; anything else (a call's result, a subscript) is no name. */
function dottedName(node: SyntaxNode, source: (node: SyntaxNode) => string): string | undefined {
  if (node.name === 'VariableName') return source(node);
  if (node.name !== 'MemberExpression') return undefined;
  const [object, dot, property] = childrenOf(node);
  if (dot?.name !== '.' || property?.name !== 'PropertyName') return undefined;
  const head = dottedName(object, source);
  return head && `${head}.${source(property)}`;
}

function isPunctuation(name: string): boolean {
  return name === '(' || name === ')' || name === '[' || name === ']' || name === ',';
}
