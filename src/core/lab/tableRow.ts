/** A row of a lab table, below both table readers (`table.ts`, `plainRows.ts`) so neither imports the other's types. */
import type { Located } from './findings';

export type Cell = string | number | boolean | null;

export interface TableRow extends Located {
  /** Cells by normalised column name (`Train Loss` → `train_loss`, `train/loss` → `train_loss`). */
  readonly cells: Readonly<Record<string, Cell>>;
}
