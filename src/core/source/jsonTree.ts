import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { jsonNestingBound, MAX_NESTING } from './nesting';
import { MAX_SYNTAX_PROBLEMS, type ParsedSource } from './yamlTree';
import type { SourceProblem } from './problem';
import type { ConfigNode, MapEntry } from './tree';

const MAX_DEPTH = 64;

/** Reads JSON and JSONC (comments and trailing commas, as `tsconfig`-style files allow). */
export function readJson(text: string): ParsedSource {
  // jsonc-parser recurses per level and overflows the stack on `[[[[…` thousands deep.
  if (jsonNestingBound(text) > MAX_NESTING) {
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
  const errors: ParseError[] = [];
  // Python's json.dump writes NaN and ±Infinity: stand-ins of the same length keep every offset.
  const { text: parsable, specials } = standInForNonFinite(text);
  const tree = parseTree(parsable, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  const problems: SourceProblem[] = errors.slice(0, MAX_SYNTAX_PROBLEMS).map((error) => ({
    code: 'parse-error',
    message: `JSON: ${describe(printParseErrorCode(error.error))}`,
    span: errorSpan(error, text.length),
  }));
  if (errors.length > MAX_SYNTAX_PROBLEMS) {
    const next = errors[MAX_SYNTAX_PROBLEMS];
    problems.push({
      code: 'parse-error',
      message: `${errors.length - MAX_SYNTAX_PROBLEMS} more JSON syntax errors from here on are not listed.`,
      span: errorSpan(next, text.length),
    });
  }
  let tooDeep = false;
  const convert = (node: JsonNode, depth: number): ConfigNode | undefined => {
    const span = { start: node.offset, end: node.offset + node.length };
    if (depth > MAX_DEPTH) {
      if (!tooDeep) problems.push({ code: 'too-deep', message: `Nesting deeper than ${MAX_DEPTH} levels is not read.`, span });
      tooDeep = true;
      return undefined;
    }
    switch (node.type) {
      case 'object': {
        const entries: MapEntry[] = [];
        for (const property of node.children ?? []) {
          const [keyNode, valueNode] = property.children ?? [];
          if (!keyNode) continue;
          const value = valueNode ? convert(valueNode, depth + 1) : undefined;
          if (value) entries.push({ key: String(keyNode.value), keySpan: { start: keyNode.offset, end: keyNode.offset + keyNode.length }, value });
        }
        return { kind: 'map', entries, span };
      }
      case 'array':
        return { kind: 'seq', items: (node.children ?? []).map((child) => convert(child, depth + 1)).filter((child): child is ConfigNode => !!child), span };
      case 'number':
        // Keep the literal so `1e400` is reported as out of range, not read as Infinity silently.
        return { kind: 'scalar', value: specials.get(node.offset) ?? (node.value as number), source: text.slice(node.offset, node.offset + node.length), span };
      case 'string':
      case 'boolean':
      case 'null':
        return { kind: 'scalar', value: (node.value ?? null) as string | boolean | null, span };
      default:
        return undefined;
    }
  };
  return { root: tree ? convert(tree, 0) : undefined, problems };
}

const NON_FINITE: Readonly<Record<string, { readonly value: number; readonly standIn: string }>> = {
  NaN: { value: NaN, standIn: '1.0' },
  Infinity: { value: Infinity, standIn: '1.000000' },
  '-Infinity': { value: -Infinity, standIn: '-1.000000' },
};

/**
 * Replaces the bare words `NaN`, `Infinity` and `-Infinity` (outside strings and comments) by
 * numbers of the same length, and remembers what each stood for by its offset. One pass.
 */
function standInForNonFinite(text: string): { text: string; specials: Map<number, number> } {
  const specials = new Map<number, number>();
  if (!/NaN|Infinity/.test(text)) return { text, specials };
  const out: string[] = [];
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === 'N' || c === 'I' || c === '-') {
      const word = /^-?Infinity|^NaN/.exec(text.slice(i, i + 9))?.[0];
      const before = i === 0 ? ' ' : text[i - 1];
      const after = word ? (text[i + word.length] ?? ' ') : '';
      if (word && !/[\w.$]/.test(before) && !/[\w.$]/.test(after)) {
        out.push(text.slice(copied, i), NON_FINITE[word].standIn);
        specials.set(i, NON_FINITE[word].value);
        copied = i + word.length;
        i = copied - 1;
      }
    }
  }
  out.push(text.slice(copied));
  return { text: out.join(''), specials };
}

/** At least one character, never past the end (an error at the end of a truncated file). */
function errorSpan(error: ParseError, length: number): { start: number; end: number } {
  const start = Math.min(error.offset, length);
  return { start, end: Math.min(length, Math.max(start + 1, error.offset + error.length)) };
}

function describe(code: string): string {
  // printParseErrorCode gives e.g. "CloseBraceExpected"; make it a sentence.
  const words = code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1) + '.';
}
