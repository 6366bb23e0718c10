import type { ConfigNode } from '../source/tree';

/**
 * The work one analysis may spend on the files its config points at (`!include`, `base_config`):
 * how many files it reads and how many nodes their trees add. Included files that include
 * files multiply (eight files of eight `!include` lines each name 8^8 trees); the budget ends
 * that with one finding at the key where it ran out, whatever the shape of the chain.
 */
export const MAX_INCLUDED_FILES = 64;
export const MAX_INCLUDED_NODES = 100_000;

export class WorkBudget {
  private files = 0;
  private nodes = 0;
  /** Set once the budget ran out, so the finding is written once. */
  exhausted = false;

  /** Spends one file and its nodes; false (and nothing spent) when that would pass a limit. */
  spendFile(nodes: number): boolean {
    if (this.exhausted || this.files + 1 > MAX_INCLUDED_FILES || this.nodes + nodes > MAX_INCLUDED_NODES) {
      this.exhausted = true;
      return false;
    }
    this.files++;
    this.nodes += nodes;
    return true;
  }
}

/** An included file as parsed once per analysis. */
export interface ParsedInclude {
  /** Undefined when it could not be parsed. */
  readonly root: ConfigNode | undefined;
  /** Nodes in its tree: what one more inclusion of it adds. */
  readonly nodes: number;
  /** The syntax it was read as, for the message when it could not be. */
  readonly syntax: string;
}
