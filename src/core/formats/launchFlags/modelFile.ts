import { readReferenced } from '../../resources/include';
import type { ReadContext } from '../../resources/readContext';
import { resolveReference } from '../../resources/resources';
import type { ConfigNode, Span } from '../../source/tree';
import { printable } from '../../source/view';

/** Flags that name the model's own config file (`--model_config configs/llama_60m.json`). */
export const MODEL_FILE_FLAGS = ['model_config', 'model_config_path', 'model_config_file', 'arch_config'];

/** Folders above the script searched for a relative model file: scripts run from the repository root. */
const LEVELS_UP = 4;

/**
 * The model config a launch line names. A relative path is relative to the folder the script runs
 * in, which the file does not say; scripts usually sit in `scripts/…` and run from the repository
 * root, so the file is looked for beside the script, then in each folder above it (at most four),
 * and the first found is read through the host like any file a config points at.
 */
export function readModelFile(reference: string, at: Span, flag: string, context: ReadContext): ConfigNode | undefined {
  const label = `--${flag}`;
  if (reference.startsWith('/') || /^[a-z][a-z0-9+.-]*:\/\//i.test(reference)) {
    const read = readReferenced(reference, at, context, label);
    return read.ok ? read.root : undefined;
  }
  for (let up = 0; up <= LEVELS_UP; up++) {
    const candidate = '../'.repeat(up) + reference;
    const path = resolveReference(context.fileName, candidate);
    if (context.lookups.outside(path)) break;
    const text = context.lookups.file(path);
    // Not read yet: the host reads it and the analysis runs again.
    if (text === undefined) return undefined;
    if (text === null) continue;
    const read = readReferenced(candidate, at, context, label);
    return read.ok ? read.root : undefined;
  }
  context.findings.push({
    severity: 'information',
    code: 'missing-file',
    span: at,
    message: `${label} "${printable(reference, 80)}" was not found beside the script or in the ${LEVELS_UP} folders above it, so the model it describes is not counted.`,
  });
  return undefined;
}
