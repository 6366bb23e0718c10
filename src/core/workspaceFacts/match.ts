import { readDirectives } from '../source/directives';
import type { FactsFile } from './read';
import { factName } from './names';

/** A facts file and the folder it stands in, as a `/`-separated path (a URI's path, or a POSIX path). */
export interface PlacedFactsFile {
  readonly folder: string;
  readonly file: FactsFile;
}

export type FactRecord = Readonly<Record<string, string | number>>;

/**
 * The facts the `.compute-budget.yaml` files give one config, by canonical fact name. Every file
 * in the config's folder or a folder above it applies to it: outer files first, the nearest last,
 * so a subfolder's file refines the one at the root; within a file, later entries win, fact by fact.
 */
export function factsForPath(files: readonly PlacedFactsFile[], path: string): Record<string, string> {
  const facts: Record<string, string> = {};
  const applying = files
    .map((placed) => ({ placed, folder: placed.folder.replace(/\/+$/, '') }))
    .filter(({ folder }) => path.startsWith(`${folder}/`))
    .sort((a, b) => a.folder.length - b.folder.length);
  for (const { placed, folder } of applying) {
    const relative = path.slice(folder.length + 1);
    for (const entry of placed.file.entries) {
      if (!entry.matches(relative)) continue;
      for (const fact of entry.facts) {
        delete facts[fact.name];
        facts[fact.name] = fact.value;
      }
    }
  }
  return facts;
}

/**
 * The facts to hand `analyze` as its `facts` option, from layers given weakest first (for the
 * editor: settings, then the workspace files). The file's own `# compute-budget:` directives
 * are the strongest layer: `analyze` reads them itself, so a name they state is left out here.
 * Names are compared as facts (`gpu` and `gpus` are one fact); a name no fact has is kept as
 * written, so `analyze` still reports it.
 */
export function layeredFacts(text: string, layers: readonly FactRecord[]): Record<string, string | number> {
  const merged = new Map<string, [string, string | number]>();
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer)) {
      const name = factName(key) ?? key;
      merged.delete(name);
      merged.set(name, [key, value]);
    }
  }
  const stated = new Set<string>(readDirectives(text, []).map((fact) => fact.name));
  return Object.fromEntries([...merged].filter(([name]) => !stated.has(name)).map(([, pair]) => pair));
}
