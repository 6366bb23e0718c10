import { parse, TomlError } from 'smol-toml';
import { MAX_NESTING } from './nesting';
import type { SourceProblem } from './problem';
import { Scanner } from './tomlScanner';
import type { ParsedSource } from './yamlTree';
import { printable } from './view';

const MAX_MESSAGE = 200;

/**
 * Reads TOML (torchtitan's train configs) into the shared tree. smol-toml validates the text and
 * gives the values; it keeps no positions, so a small scanner walks the same, now known valid,
 * text for the spans of keys, tables and values and pairs each node with smol-toml's value. The
 * scanner never throws: on text it does not expect it gives a wider span or skips a value.
 * A syntax error is one parse-error at smol-toml's line and column; the lines before it are still read.
 */
export function readToml(text: string): ParsedSource {
  const problems: SourceProblem[] = [];
  const first = tryParse(text);
  if (first.ok) return { root: new Scanner(text, first.value, problems).read(), problems };
  const at = offsetOf(text, first.line, first.column);
  const lineEnd = text.indexOf('\n', at);
  problems.push({
    code: 'parse-error',
    message: printable(`TOML: ${first.message}`, MAX_MESSAGE),
    span: { start: at, end: Math.max(at, lineEnd < 0 ? text.length : lineEnd) },
  });
  // What comes before the broken line is what the user meant: read it, if it is valid alone.
  const lineStart = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
  const before = text.slice(0, at === lineStart ? at : lineStart);
  const prefix = tryParse(before);
  return { root: prefix.ok ? new Scanner(before, prefix.value, problems).read() : undefined, problems };
}

type Attempt = { ok: true; value: Record<string, unknown> } | { ok: false; message: string; line: number; column: number };

function tryParse(text: string): Attempt {
  try {
    return { ok: true, value: parse(text, { maxDepth: MAX_NESTING }) as Record<string, unknown> };
  } catch (error) {
    if (error instanceof TomlError) {
      const message = /^Invalid TOML document: ([^\n]*)/.exec(error.message)?.[1] ?? 'the text is not valid TOML';
      return { ok: false, message: sentence(message), line: error.line, column: error.column };
    }
    return { ok: false, message: `the TOML could not be read (${String(error).slice(0, 80)}).`, line: 1, column: 1 };
  }
}

function sentence(message: string): string {
  const trimmed = message.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** smol-toml counts lines split at `\r?\n` and columns from 1 in UTF-16 units. */
function offsetOf(text: string, line: number, column: number): number {
  let start = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return text.length;
    start = next + 1;
  }
  return Math.min(text.length, start + Math.max(0, column - 1));
}
