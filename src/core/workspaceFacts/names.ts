import { readFactPairs, type FactName } from '../source/directives';

/** The facts file's name: `.compute-budget.yaml`, in any folder of the workspace (see read.ts). */
export const FACTS_FILE_NAME = '.compute-budget.yaml';

/** The canonical name of a fact as a directive, a setting or `--fact` may spell it (`gpu`, `dp`, `vocab_size`). */
export function factName(raw: string): FactName | undefined {
  return readFactPairs({ [raw]: 1 }, [])[0]?.name;
}
