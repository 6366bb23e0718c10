import type { Span } from '../source/tree';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/**
 * Stable codes: users filter on them, docs/diagnostics.md documents each under `### <code>`, and the
 * extension links there. Never rename one; add new ones.
 */
export const FINDING_CODES = [
  'parse-error',
  'unsupported-tag',
  'too-large',
  'too-deep',
  'invalid-number',
  'negative-value',
  'out-of-range',
  'unresolved-interpolation',
  'mandatory-missing',
  'missing-architecture',
  'unknown-model',
  'missing-file',
  'missing-tokens',
  'missing-data-parallel',
  'missing-dataset-size',
  'assumed-value',
  'catalog-value',
  'parameter-mismatch',
  'token-mismatch',
  'threshold-crossed',
  'threshold-margin',
  'under-trained',
  'overtrained-diminishing',
  'overtrained-negligible',
  'fine-tuning-cumulative',
  'modifier-provider',
  'modifier-test',
  'base-threshold',
  'staged-run',
  'several-trainers',
  'invalid-directive',
  'hardware-mismatch',
  'unreadable-file',
  'unsupported-format',
  'conflicting-flags',
  'low-returns',
  'out-of-memory',
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];

/** What a quick fix needs to offer an edit; kept as data so the core stays editor-free. */
export type FixHint =
  | { readonly kind: 'set-value'; readonly span: Span; readonly newText: string; readonly title: string }
  | { readonly kind: 'add-fact'; readonly fact: string; readonly title: string; readonly suggested?: number };

/** The quick fix for every "the GPU count is not in the file" finding. */
export const ADD_GPUS_FIX: FixHint = { kind: 'add-fact', fact: 'gpus', title: 'Add the number of GPUs (compute-budget comment)' };

export interface Finding {
  readonly severity: Severity;
  readonly code: FindingCode;
  readonly message: string;
  readonly span: Span;
  readonly fixes?: readonly FixHint[];
}
