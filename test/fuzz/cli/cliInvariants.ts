import * as path from 'path';
import { SECRET } from './cliCase';
import type { CliOutcome } from './worker';

/** What a run of the command line must never do, whatever its input. */
export type CliViolationKind = 'crash' | 'hang' | 'memory' | 'outside-read' | 'secret' | 'control' | 'command-line';

export interface CliViolation {
  readonly kind: CliViolationKind;
  readonly detail: string;
}

/** Escape sequences, C0/C1 controls (but tab and newline) and bidi overrides: what a terminal or a log would act on. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** A line of a stack trace, as Node prints one. */
const STACK_LINE = /^\s+at .+\(.+:\d+:\d+\)$|^\s+at .+:\d+:\d+$/m;
/** The workflow commands the CLI writes itself, in `--format github` only; their properties hold no raw `:` or `,`. */
const OWN_ANNOTATION = /^::(error|warning|notice) file=[^:,]*,line=\d+(,col=\d+,endColumn=\d+)?,endLine=\d+,title=compute-budget [a-z0-9-]+::/;

export interface CliRunContext {
  /** The folder no file named by a file may be read outside of (absolute, links resolved). */
  readonly boundary: string;
  /** Other folders a run may read: the Hugging Face cache. */
  readonly allowed: readonly string[];
  /** `--format github` was asked for (its annotation lines start with `::`). */
  readonly github: boolean;
}

/**
 * The invariants of one run: no crash (exit 70, a throw, a stack trace in any output), no file
 * read outside the boundary (not even one typed on the command line: it may be a link out), no byte of the outside secret in any output, no raw
 * control character, and no line that starts with `::` but the CLI's own well-formed annotations.
 */
export function cliViolations(outcome: CliOutcome, context: CliRunContext): CliViolation[] {
  const out: CliViolation[] = [];
  if (outcome.code === 70 || outcome.thrown !== undefined)
    out.push({ kind: 'crash', detail: (outcome.thrown ?? 'exit 70').split('\n').slice(0, 4).join(' | ') });
  for (const [name, text] of [
    ['stdout', outcome.out],
    ['stderr', outcome.err],
  ] as const) {
    if (STACK_LINE.test(text)) out.push({ kind: 'crash', detail: `stack trace in ${name}: ${text.match(STACK_LINE)![0].trim().slice(0, 120)}` });
    if (text.includes(SECRET)) out.push({ kind: 'secret', detail: `${name} shows the secret from outside the boundary` });
    const control = text.match(RAW_CONTROL);
    if (control) {
      const at = control.index!;
      out.push({
        kind: 'control',
        detail: `${name} has raw U+${control[0].codePointAt(0)!.toString(16).padStart(4, '0')} in ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 20))}`,
      });
    }
    for (const line of text.split(/\r\n|\n|\r/)) {
      if (!line.trimStart().startsWith('::')) continue;
      if (name === 'stdout' && context.github && OWN_ANNOTATION.test(line)) continue;
      out.push({ kind: 'command-line', detail: `${name} line starts with "::": ${JSON.stringify(line.slice(0, 120))}` });
      break;
    }
  }
  for (const read of outcome.reads) {
    const file = path.resolve(read);
    if (within(context.boundary, file) || context.allowed.some((folder) => within(folder, file))) continue;
    out.push({ kind: 'outside-read', detail: `read ${file} (boundary ${context.boundary})` });
  }
  return out;
}

function within(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
