import { readJson } from './jsonTree';
import { readShell } from './shellTree';
import { readToml } from './tomlTree';
import { readYaml, type ParsedSource } from './yamlTree';

/** The syntaxes configs are written in; each has one reader into the shared tree. */
export type Syntax = 'yaml' | 'json' | 'shell' | 'toml';

interface SyntaxReader {
  readonly syntax: Syntax;
  /** File names written in this syntax. */
  readonly fileName: RegExp;
  /** For files whose name says nothing (untitled documents): does the text look like this syntax? */
  readonly looksLike?: (text: string) => boolean;
  readonly read: (text: string) => ParsedSource;
}

/** Checked in order; YAML, a superset of most config text, is the last resort. */
const READERS: readonly SyntaxReader[] = [
  { syntax: 'json', fileName: /\.jsonc?$/i, looksLike: (text) => /^\s*[[{]/.test(text) && !/^\s*#/.test(text), read: readJson },
  { syntax: 'shell', fileName: /\.(sh|bash)$/i, looksLike: (text) => /^#![^\n]*\b(sh|bash|zsh|ksh|dash)\b/.test(text), read: (text) => readShell(text) },
  { syntax: 'toml', fileName: /\.toml$/i, read: readToml },
  { syntax: 'yaml', fileName: /\.ya?ml$/i, read: readYaml },
];

export function syntaxOf(fileName: string, text: string): Syntax {
  const byName = READERS.find((reader) => reader.fileName.test(fileName));
  if (byName) return byName.syntax;
  return READERS.find((reader) => reader.looksLike?.(text))?.syntax ?? 'yaml';
}

export function parseSource(text: string, syntax: Syntax): ParsedSource {
  return (READERS.find((reader) => reader.syntax === syntax) ?? READERS[READERS.length - 1]).read(text);
}
