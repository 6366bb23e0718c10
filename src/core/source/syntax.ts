import { readJson } from './jsonTree';
import { readPython } from './pythonTree';
import { readShell } from './shellTree';
import { readToml } from './tomlTree';
import { readYaml, type ParsedSource } from './yamlTree';

/** The syntaxes configs are written in; each has one reader into the shared tree. */
export type Syntax = 'yaml' | 'json' | 'shell' | 'toml' | 'python';

interface SyntaxSign {
  readonly syntax: Syntax;
  /** File names written in this syntax. */
  readonly fileName: RegExp;
  /** For files whose name says nothing (untitled documents): does the text look like this syntax? */
  readonly looksLike?: (text: string) => boolean;
}

/**
 * Checked in order; YAML, a superset of most config text, is the last resort. Kept apart from the
 * readers: telling a syntax needs no parser (the extension host does it without bundling them).
 */
const SIGNS: readonly SyntaxSign[] = [
  { syntax: 'json', fileName: /\.jsonc?$/i, looksLike: (text) => /^\s*[[{]/.test(text) && !/^\s*#/.test(text) },
  { syntax: 'shell', fileName: /\.(sh|bash)$/i, looksLike: (text) => /^#![^\n]*\b(sh|bash|zsh|ksh|dash)\b/.test(text) },
  { syntax: 'toml', fileName: /\.toml$/i },
  // Python configs are read for their literal assignments only (pythonTree.ts), never run.
  { syntax: 'python', fileName: /\.py$/i },
  { syntax: 'yaml', fileName: /\.ya?ml$/i },
];

const READERS: Readonly<Record<Syntax, (text: string) => ParsedSource>> = {
  json: readJson,
  shell: (text) => readShell(text),
  toml: readToml,
  python: readPython,
  yaml: readYaml,
};

export function syntaxOf(fileName: string, text: string): Syntax {
  const byName = SIGNS.find((sign) => sign.fileName.test(fileName));
  if (byName) return byName.syntax;
  return SIGNS.find((sign) => sign.looksLike?.(text))?.syntax ?? 'yaml';
}

export function parseSource(text: string, syntax: Syntax): ParsedSource {
  return (Object.hasOwn(READERS, syntax) ? READERS[syntax] : READERS.yaml)(text);
}
