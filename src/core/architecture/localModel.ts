import type { ReadContext } from '../resources/readContext';
import { resolveReference } from '../resources/resources';
import { readJson } from '../source/jsonTree';
import { ConfigView } from '../source/view';

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

/**
 * A local folder that holds a PEFT adapter and no `config.json` (an SFT adapter a DPO recipe
 * starts from): the model is the adapter's base, `base_model_name_or_path`, with the adapter
 * merged in. alignment-handbook loads it so, then trains the recipe's own adapter or every weight
 * (huggingface/alignment-handbook@1e37e6c77538cf8fd2664f25148640ce9dc61a6e:scripts/run_dpo.py,
 * `is_adapter_model`). `undefined`: not read yet; `null`: no adapter there.
 */
export function localAdapterBase(name: string, context: ReadContext): string | null | undefined {
  if (!LOCAL.test(name)) return null;
  const from = context.includeChain?.[context.includeChain.length - 1] ?? context.fileName;
  const path = resolveReference(from, `${name.replace(/\/+$/, '')}/adapter_config.json`);
  const text = context.lookups.file(path);
  if (typeof text !== 'string') return text;
  const root = readJson(text).root;
  const view = new ConfigView(root);
  const base = view.text(view.find(['base_model_name_or_path']))?.trim();
  return base && view.find(['peft_type']) ? base : null;
}
