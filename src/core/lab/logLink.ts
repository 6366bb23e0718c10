/**
 * A config names its training loss log in a comment beside its other facts:
 * `# compute-budget: log=logs/loss.csv` (or `// compute-budget: log=…` in JSONC), a path relative
 * to the config's folder. The stop-training signal is then shown on the config's training-length
 * key. `log` is a link, not a fact: the fact reader (`source/directives.ts`) leaves it to this one.
 */
import type { Span } from '../source/tree';

export const LINK_DIRECTIVES = ['log'] as const;

const DIRECTIVE = /(?:#|\/\/)[ \t]*compute-budget:[ \t]*([^\r\n]*)/g;
const LOG = /(?:^|[\s,;])log\s*=\s*(?:"([^"\r\n]+)"|'([^'\r\n]+)'|([^\s,;"']+))/g;

export interface LogLink {
  /** As written (relative to the config's folder, or absolute). */
  readonly path: string;
  /** Where `log=…` stands in the config, for a diagnostic when the log cannot be read. */
  readonly span: Span;
}

/** The first `log=` directive in the text (a config has one training run). */
export function readLogLink(text: string): LogLink | undefined {
  if (!text.includes('compute-budget:')) return undefined;
  for (const match of text.matchAll(DIRECTIVE)) {
    const body = match[1]!;
    const bodyStart = match.index! + match[0].length - body.length;
    for (const pair of body.matchAll(LOG)) {
      const path = pair[1] ?? pair[2] ?? pair[3];
      if (!path) continue;
      const lead = pair[0].length - pair[0].trimStart().length;
      const start = bodyStart + pair.index! + lead;
      return { path, span: { start, end: bodyStart + pair.index! + pair[0].length } };
    }
  }
  return undefined;
}
