import type { Span } from './tree';

/** Something wrong with the text itself, found while reading it (before any arithmetic). */
export interface SourceProblem {
  readonly code: 'parse-error' | 'unsupported-tag' | 'too-large' | 'too-deep';
  readonly message: string;
  readonly span: Span;
}
