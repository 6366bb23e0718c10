import type { Span } from '../tree';
import { evaluateArithmetic } from './arithmetic';
import type { ParamPart, Part } from './lexer';

/**
 * Expansion of words with the script's own variables, keeping for every piece of text where it
 * was written. Nothing is executed: command substitution, positional arguments and variables the
 * script never sets become unresolved pieces that say why.
 */

/** A variable reference a piece of text came through; `ref` is where `$NAME` is written. */
export interface Via {
  readonly name: string;
  readonly ref: Span;
}

export interface Piece {
  readonly text: string;
  /** Where the text is written (for text that came through variables, at their definition). */
  readonly span: Span;
  /** `text[i]` was written at `span.start + i`. */
  readonly linear: boolean;
  /** Subject to word splitting (an unquoted expansion). */
  readonly split: boolean;
  /** The variables the text came through, innermost first. */
  readonly via: readonly Via[];
  /** Why the value cannot be known here. */
  readonly unresolved?: string;
}

/** One word after expansion. */
export type Field = readonly Piece[];

export type Value = { readonly kind: 'scalar'; readonly pieces: Field } | { readonly kind: 'array'; readonly items: readonly Field[] };

/** Every expansion draws from one budget, so `A=$A$A` repeated cannot grow without bound. */
export const MAX_PIECES = 1_000_000;
/** A stored value made of more pieces than this (text and references) is kept as unresolved. */
const MAX_VALUE_PIECES = 2_000;
/** A value longer than this is no flag value; it is kept as unresolved. */
export const MAX_VALUE_LENGTH = 100_000;
/** Variable references nested inside one another (through values) at most this deep. */
const MAX_VIA = 16;

const BREAK = Symbol('word break');
type Item = Piece | typeof BREAK;

export class Env {
  readonly vars = new Map<string, Value>();
  budget = MAX_PIECES;

  /** The words a word expands to, after word splitting. */
  fields(parts: readonly Part[]): Field[] {
    return splitFields(this.items(parts));
  }

  /** A word expanded without word splitting, as an assignment's value is. */
  joined(parts: readonly Part[]): Field {
    const out: Piece[] = [];
    for (const item of this.items(parts)) {
      if (item === BREAK) out.push(space(out));
      else out.push({ ...item, split: false });
    }
    return out;
  }

  private charge(count: number): boolean {
    this.budget -= count;
    return this.budget >= 0;
  }

  private items(parts: readonly Part[]): Item[] {
    const out: Item[] = [];
    for (const part of parts) {
      if (part.t === 'lit') out.push({ text: part.text, span: part.span, linear: part.linear, split: false, via: [] });
      else if (part.t === 'cmdsub') out.push(unresolved(part.span, 'it runs a command (`$(...)` or backquotes), whose output is not known here'));
      else if (part.t === 'arith') out.push(this.arithmetic(part.expr, part.span, part.quoted));
      else for (const item of this.param(part)) out.push(item);
      if (!this.charge(1)) return [unresolved(part.span, 'the script expands to more text than is read here')];
    }
    return out;
  }

  private arithmetic(expr: string, span: Span, quoted: boolean): Piece {
    const result = evaluateArithmetic(expr, (name) => this.scalarText(name));
    if (!result.ok) return unresolved(span, result.reason);
    return { text: result.value, span, linear: false, split: !quoted, via: [] };
  }

  /** The text of a variable for arithmetic: its value, or why it is not known. */
  scalarText(name: string): { ok: true; text: string } | { ok: false; reason: string } {
    const value = this.vars.get(name);
    if (!value) return { ok: false, reason: notSet(name) };
    const pieces = value.kind === 'scalar' ? value.pieces : (value.items[0] ?? []);
    const bad = pieces.find((piece) => piece.unresolved);
    if (bad) return { ok: false, reason: bad.unresolved! };
    return { ok: true, text: pieces.map((piece) => piece.text).join('') };
  }

  private param(part: ParamPart): Item[] {
    if (part.unsupported) return [unresolved(part.span, `${part.unsupported} is not evaluated here`)];
    const value = this.vars.get(part.name);
    const through = (pieces: Field): Piece[] => {
      if (!this.charge(pieces.length)) return [unresolved(part.span, 'the script expands to more text than is read here')];
      return pieces.map((piece) => ({
        ...piece,
        split: !part.quoted && !piece.unresolved,
        via: [...piece.via, { name: part.name, ref: part.span }].slice(-MAX_VIA),
      }));
    };
    if (part.length) {
      if (!value) return [unresolved(part.span, notSet(part.name))];
      const count =
        value.kind === 'array' && (part.index === '@' || part.index === '*')
          ? value.items.length
          : textOf(value.kind === 'scalar' ? value.pieces : (value.items[0] ?? []));
      if (typeof count === 'object') return [unresolved(part.span, count.reason)];
      return [{ text: String(typeof count === 'number' ? count : count.length), span: part.span, linear: false, split: !part.quoted, via: [] }];
    }
    if (part.op) {
      const colon = part.op.startsWith(':');
      const kind = part.op.slice(colon ? 1 : 0);
      const state = value ? isEmpty(value, part.index) : 'unset';
      if (state === 'unknown') return [unresolved(part.span, `whether ${part.name} is empty is not known here (${reasonOf(value!)})`)];
      const missing = state === 'unset' || (colon && state === 'empty');
      if (kind === '+') return missing ? [] : this.items(part.arg ?? []);
      if (!missing) return this.select(value!, part, through);
      if (kind === '?') return [unresolved(part.span, `${part.name} must be set by whoever runs the script`)];
      const fallback = this.items(part.arg ?? []).map((item) => (item === BREAK || part.quoted ? item : { ...item, split: !item.unresolved }));
      if (kind === '=' && !/^\d+$/.test(part.name))
        this.vars.set(part.name, { kind: 'scalar', pieces: fallback.map((item) => (item === BREAK ? space([]) : { ...item, split: false })) });
      return fallback;
    }
    if (!value) return [unresolved(part.span, notSet(part.name))];
    return this.select(value, part, through);
  }

  private select(value: Value, part: ParamPart, through: (pieces: Field) => Piece[]): Item[] {
    if (value.kind === 'scalar') return through(value.pieces);
    if (part.index === '@' || (part.index === '*' && !part.quoted)) {
      const out: Item[] = [];
      value.items.forEach((item, i) => {
        if (i > 0) out.push(BREAK);
        for (const piece of through(item)) out.push(piece);
      });
      return out;
    }
    if (part.index === '*') return through(value.items.flatMap((item, i) => (i > 0 ? [space(item), ...item] : item)));
    const index = part.index === undefined ? 0 : /^\d+$/.test(part.index) ? Number(part.index) : NaN;
    if (Number.isNaN(index)) return [unresolved(part.span, `the index [${part.index}] is not evaluated here`)];
    return through(value.items[index] ?? []);
  }
}

/** Splits unquoted expansions at blanks; quoted text and literals stay in one word. */
function splitFields(items: readonly Item[]): Field[] {
  const fields: Field[] = [];
  let current: Piece[] = [];
  let started = false;
  const end = () => {
    if (started) fields.push(current);
    current = [];
    started = false;
  };
  for (const item of items) {
    if (item === BREAK) {
      end();
      continue;
    }
    if (!item.split) {
      current.push(item);
      started = true;
      continue;
    }
    const pattern = /[^ \t\n]+|[ \t\n]+/g;
    for (let match = pattern.exec(item.text); match; match = pattern.exec(item.text)) {
      if (/^[ \t\n]/.test(match[0])) {
        end();
        continue;
      }
      const span = item.linear ? { start: item.span.start + match.index, end: item.span.start + match.index + match[0].length } : item.span;
      current.push({ ...item, text: match[0], span, linear: item.linear });
      started = true;
    }
  }
  end();
  return fields;
}

function space(near: Field): Piece {
  const span = near[0]?.span ?? { start: 0, end: 0 };
  return { text: ' ', span: { start: span.start, end: span.start }, linear: false, split: false, via: [] };
}

export function unresolved(span: Span, reason: string): Piece {
  return { text: '', span, linear: false, split: false, via: [], unresolved: reason };
}

function notSet(name: string): string {
  if (/^\d+$/.test(name))
    return name === '0' ? "$0 is the script's own path" : `$${name} is the script's ${ordinal(Number(name))} argument, given when it is run`;
  if (/^[@*#]$/.test(name)) return `$${name} stands for the script's arguments, given when it is run`;
  if (/^[?$!-]$/.test(name)) return `$${name} is known only while the script runs`;
  return `${name} is not set in this file (it comes from the environment or the caller)`;
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

function isEmpty(value: Value, index: string | undefined): 'empty' | 'set' | 'unknown' | 'unset' {
  const pieces =
    value.kind === 'scalar'
      ? value.pieces
      : index === '@' || index === '*'
        ? value.items.flat()
        : value.items[index && /^\d+$/.test(index) ? Number(index) : 0];
  if (!pieces) return 'unset';
  if (pieces.some((piece) => piece.text !== '')) return 'set';
  if (pieces.some((piece) => piece.unresolved)) return 'unknown';
  return 'empty';
}

function reasonOf(value: Value): string {
  const pieces = value.kind === 'scalar' ? value.pieces : value.items.flat();
  return pieces.find((piece) => piece.unresolved)?.unresolved ?? 'unknown';
}

function textOf(pieces: Field): string | { reason: string } {
  const bad = pieces.find((piece) => piece.unresolved);
  return bad ? { reason: bad.unresolved! } : pieces.map((piece) => piece.text).join('');
}

/** The text of a field, or undefined when part of it is unresolved. */
export function fieldText(field: Field): string | undefined {
  let text = '';
  for (const piece of field) {
    if (piece.unresolved) return undefined;
    text += piece.text;
  }
  return text;
}

/** The known text of a field, unresolved parts left out (to recognise `$(pwd)/pretrain_gpt.py`). */
export function knownText(field: Field): string {
  return field.map((piece) => piece.text).join('');
}

export function firstUnresolved(field: Field): Piece | undefined {
  return field.find((piece) => piece.unresolved);
}

/**
 * Where a word is written as seen from a command whose words came through `depth` variable
 * references: for text that came through more, the reference written at that level.
 */
export function fieldSpan(field: Field, depth = depthOf(field)): Span {
  let start = Infinity;
  let end = -Infinity;
  for (const piece of field) {
    const span = piece.via.length > depth ? piece.via[piece.via.length - 1 - depth].ref : piece.span;
    start = Math.min(start, span.start);
    end = Math.max(end, span.end);
  }
  return Number.isFinite(start) ? { start, end } : { start: 0, end: 0 };
}

/** How many variable references a word came through (the fewest of its pieces). */
export function depthOf(field: Field): number {
  return field.reduce((least, piece) => Math.min(least, piece.via.length), field.length > 0 ? Infinity : 0);
}

/** The variable a value came through at the level where its flag is written, if any. */
export function variableAt(field: Field, depth: number): string | undefined {
  for (const piece of field) if (piece.via.length > depth) return piece.via[piece.via.length - 1 - depth].name;
  return undefined;
}

/** Limits the text of a long value for storage: past the cap it is unresolved. */
export function capped(pieces: Field, span: Span): Field {
  let length = 0;
  for (const piece of pieces) length += piece.text.length;
  if (length > MAX_VALUE_LENGTH) return [unresolved(span, `the value grows past ${MAX_VALUE_LENGTH.toLocaleString('en-US')} characters`)];
  return pieces.length > MAX_VALUE_PIECES ? [unresolved(span, `the value is built from more than ${MAX_VALUE_PIECES.toLocaleString('en-US')} pieces`)] : pieces;
}
