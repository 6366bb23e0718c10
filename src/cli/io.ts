import type { DocPage } from '../core/docs/diagnosticDocs';
import type { Colors } from './color';

// Its own module so that main.ts, which imports every command, is not imported back by them.
/** Where a command writes, and how: text for stdout, lines for stderr, colours for each. */
export interface CliIO {
  /** Writes one block of text (a newline is added) to stdout. */
  readonly write: (text: string) => void;
  /** Writes one line to stderr. */
  readonly warn: (text: string) => void;
  /** Colours for stdout (all no-ops when it is not a terminal, with NO_COLOR, and in --json). */
  readonly color: Colors;
  /** Colours for stderr. */
  readonly errorColor: Colors;
  /** The docs pages' diagnostic sections, for the help of each SARIF rule; none in tests that do not give them. */
  readonly docs?: readonly DocPage[];
}
