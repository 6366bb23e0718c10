import { addFactEdit, globForPath } from './edit';
import { factsForPath } from './match';
import { readFactsFile } from './read';

/**
 * What reading and editing `.compute-budget.yaml` files takes (a YAML parser and glob matching).
 * The Node host loads it from its own bundle (dist/factsEngine.js) the first time a facts file is
 * met, so the host's entry stays small; the browser entry bundles it.
 */
export interface FactsEngine {
  readonly readFactsFile: typeof readFactsFile;
  readonly factsForPath: typeof factsForPath;
  readonly addFactEdit: typeof addFactEdit;
  readonly globForPath: typeof globForPath;
}

export const factsEngine: FactsEngine = { readFactsFile, factsForPath, addFactEdit, globForPath };
