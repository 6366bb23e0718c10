import type { Finding } from '../analysis/findings';
import type { UserFact } from '../source/directives';
import type { ResourceLookups } from './resources';

/** What a framework module may use while it reads: facts, findings, files the config points at. */
export interface ReadContext {
  readonly facts: readonly UserFact[];
  readonly findings: Finding[];
  readonly lookups: ResourceLookups;
  /** The config's own path or URI: references in it are relative to its folder. */
  readonly fileName: string;
  /** While reading an included file: the paths from the config down to it, for depth and cycles. */
  readonly includeChain?: readonly string[];
}
