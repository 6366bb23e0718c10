import { Composer, Lexer, Parser, YAMLParseError, type Document, type ParseOptions, type DocumentOptions, type SchemaOptions } from 'yaml';

/**
 * Guards the parsers against texts that nest too deeply for them. The `yaml` and
 * `jsonc-parser` packages recurse once per level of nesting: a few hundred levels of `[[[[…`
 * (YAML) or a few thousand (JSON) overflow the stack, and near the stack limit V8 may abort
 * the whole process ("RegExpCompiler Allocation failed") rather than throw. So a text is
 * measured first, in one cheap pass, and never handed to a parser when it might nest deeper
 * than this. No framework's config nests beyond a dozen levels; the tree keeps only 64.
 */
export const MAX_NESTING = 200;

const OPEN_SQUARE = 91;
const OPEN_CURLY = 123;
const CLOSE_SQUARE = 93;
const CLOSE_CURLY = 125;
const QUOTE = 34;
const BACKSLASH = 92;
const SLASH = 47;
const STAR = 42;
const NEWLINE = 10;
const RETURN = 13;
const SPACE = 32;
const HASH = 35;
const DASH = 45;
const QUESTION = 63;
const COLON = 58;
const TAB = 9;

class TooDeep extends Error {}

/** The `yaml` parser's stack of open collections, refusing to grow past MAX_NESTING. */
class BoundedStack<T> extends Array<T> {
  override push(...items: T[]): number {
    if (this.length + items.length > MAX_NESTING) throw new TooDeep();
    return super.push(...items);
  }
}

/**
 * `parseDocument`, except that a text nesting deeper than MAX_NESTING is given up (undefined)
 * before any recursive step runs. Depth is watched where the `yaml` parser builds its syntax
 * tree (iteratively, on its own stack of open collections); composing that tree into nodes is
 * what recurses. This also catches nesting that only the parser's error recovery creates
 * (1,000 lines of `a: b: c` nest each line in the one before), which no scan of the text sees.
 */
export function parseYamlBounded(text: string, options: ParseOptions & DocumentOptions & SchemaOptions): Document.Parsed | undefined {
  const parser = new Parser();
  const internals = parser as unknown as { stack: unknown };
  if (Array.isArray(internals.stack)) internals.stack = new BoundedStack();
  else if (yamlNestingBound(text) > MAX_NESTING) return undefined; // a `yaml` release without that stack: scan the text instead
  const composer = new Composer(options);
  let doc: Document.Parsed | undefined;
  try {
    for (const next of composer.compose(parser.parse(text), true, text.length)) {
      if (!doc) doc = next;
      else {
        doc.errors.push(
          new YAMLParseError(next.range.slice(0, 2) as [number, number], 'MULTIPLE_DOCS', 'Source contains multiple documents; only the first is read'),
        );
        break;
      }
    }
  } catch (error) {
    if (error instanceof TooDeep) return undefined;
    throw error;
  }
  return doc;
}

/**
 * An upper bound on the nesting of a YAML text, or a number above `limit` when it may exceed it.
 * Block nesting is bounded from indentation (every nested block collection starts further right,
 * except a sequence at its parent key's column, hence the factor 2); flow nesting by the count
 * of `[` and `{`, and only when that count is large by the `yaml` lexer's own tokens, which
 * know what is quoted (a hand-rolled quote scanner could be fooled into hiding brackets).
 */
export function yamlNestingBound(text: string, limit = MAX_NESTING): number {
  const block = blockNestingBound(text, limit);
  if (block > limit) return block;
  let openers = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === OPEN_SQUARE || code === OPEN_CURLY) openers++;
  }
  if (block + openers <= limit) return block + openers;
  return block + flowDepthByLexer(text, limit - block);
}

/** Indentation levels open at any line (a stack of increasing indents), plus `- `, `? `, `: ` on the line. */
function blockNestingBound(text: string, limit: number): number {
  const indents: number[] = [];
  let bound = 0;
  let i = 0;
  while (i < text.length) {
    let column = 0;
    while (text.charCodeAt(i + column) === SPACE) column++;
    let j = i + column;
    const first = text.charCodeAt(j);
    const blank = j >= text.length || first === NEWLINE || first === RETURN || first === HASH;
    if (!blank) {
      while (indents.length > 0 && indents[indents.length - 1] >= column) indents.pop();
      indents.push(column);
      // Compact nesting on one line: `- - key: value`, `? - a`.
      let indicators = 0;
      for (;;) {
        const code = text.charCodeAt(j);
        const next = text.charCodeAt(j + 1);
        if (
          (code === DASH || code === QUESTION || code === COLON) &&
          (next === SPACE || next === TAB || next === NEWLINE || next === RETURN || j + 1 >= text.length)
        ) {
          indicators++;
          j += 1;
          while (text.charCodeAt(j) === SPACE || text.charCodeAt(j) === TAB) j++;
        } else break;
      }
      bound = Math.max(bound, 2 * indents.length + indicators + 1);
      if (bound > limit) return bound;
    }
    // To the next line.
    while (j < text.length && text.charCodeAt(j) !== NEWLINE && text.charCodeAt(j) !== RETURN) j++;
    if (text.charCodeAt(j) === RETURN && text.charCodeAt(j + 1) === NEWLINE) j++;
    i = j + 1;
  }
  return bound;
}

function flowDepthByLexer(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === '[' || token === '{') {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if ((token === ']' || token === '}') && depth > 0) depth--;
  }
  return deepest;
}

/**
 * The exact bracket depth of a JSON or JSONC text as `jsonc-parser` reads it: strings end at
 * an unescaped quote or at the end of the line, comments are `//` and `/* … *\/`.
 * Stops counting once past `limit`.
 */
export function jsonNestingBound(text: string, limit = MAX_NESTING): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      for (i++; i < text.length; i++) {
        const inner = text.charCodeAt(i);
        if (inner === BACKSLASH) i++;
        else if (inner === QUOTE || inner === NEWLINE || inner === RETURN) break;
      }
    } else if (code === SLASH && text.charCodeAt(i + 1) === SLASH) {
      while (i < text.length && text.charCodeAt(i) !== NEWLINE && text.charCodeAt(i) !== RETURN) i++;
    } else if (code === SLASH && text.charCodeAt(i + 1) === STAR) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (code === OPEN_SQUARE || code === OPEN_CURLY) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if ((code === CLOSE_SQUARE || code === CLOSE_CURLY) && depth > 0) depth--;
  }
  return deepest;
}
