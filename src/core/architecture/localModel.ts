import type { ReadContext } from '../resources/readContext';
import { resolveReference } from '../resources/resources';

/**
 * A model named by a local folder (`model_name_or_path: ./ckpt`, `base_model: /data/llama`):
 * transformers' `from_pretrained` reads `config.json` in that folder. The folder is taken
 * relative to the config that names it (the run's working folder is not known); the file comes
 * through the host's reader like any other file a config points at, so the host's rules on
 * what may be read apply. An `org/name` without a leading `./` is a Hub id, not a path.
 */
export interface LocalModelConfig {
  readonly path: string;
  /** `undefined`: not read yet (the analysis is repeated when it is); `null`: no such file. */
  readonly text: string | null | undefined;
}

const LOCAL = /^(?:\.{1,2}\/|\/|file:\/\/)/i;

export function localModelConfig(name: string, context: ReadContext): LocalModelConfig | undefined {
  if (!LOCAL.test(name)) return undefined;
  const folder = name.replace(/\/+$/, '');
  const from = context.includeChain?.[context.includeChain.length - 1] ?? context.fileName;
  const path = resolveReference(from, `${folder}/config.json`);
  return { path, text: context.lookups.file(path) };
}
