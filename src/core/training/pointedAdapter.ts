import { readReferenced } from '../resources/include';
import type { ReadContext } from '../resources/readContext';
import { resolveReference } from '../resources/resources';
import { ConfigView, printable, spanOfEntry } from '../source/view';
import { readAdapter, type AdapterSettings } from './adapters';

/**
 * An adapter the run loads and keeps training, named by a key rather than declared in the file:
 * its rank and targets are in that adapter's own `adapter_config.json`, not in the recipe.
 *
 * - LLaMA-Factory `adapter_name_or_path` (a comma-separated list): the last adapter is resumed
 *   and trained unless `create_new_adapter: true`, which merges them all and trains a new one
 *   from `lora_rank`/`lora_target`; a quantised base cannot merge, so it always resumes
 *   (hiyouga/LLaMA-Factory@01d87b8267b92bc0caacc746fa4f875e390b64e2:src/llamafactory/model/adapter.py,
 *   `_setup_lora_tuning`).
 * - Axolotl `lora_model_dir`: `PeftModel.from_pretrained(model, cfg.lora_model_dir, is_trainable=True)`
 *   replaces the `lora_*` keys (axolotl-ai-cloud/axolotl@b78dab1e40f80ff9479e32321cd71869e511d12f:src/axolotl/loaders/adapter.py).
 * - `peft_model_id`, as PEFT's and TRL's scripts name an adapter to load.
 *
 * The folder is read through the host like any file a config points at (inside the workspace
 * boundary only). A name that is no folder there is a Hugging Face id: its config is not read,
 * and the compute says it needs it rather than guessing from the recipe's own `lora_*` keys.
 */
export const POINTED_ADAPTER_KEYS = ['adapter_name_or_path', 'lora_model_dir', 'peft_model_id'];

/** What the adapter needs when its config cannot be read; the compute says so instead of a figure. */
export const ADAPTER_CONFIG_NEEDED = "the adapter's adapter_config.json";

const HUB_ID = /^[A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,95}$/;
const LOCAL = /^(?:\.{1,2}\/|\/|file:\/\/)/i;

/** The adapter the run trains: the one a key points at when the run resumes it, else the file's own. */
export function readPointedAdapter(view: ConfigView, context: ReadContext, own: AdapterSettings | undefined): AdapterSettings | undefined {
  const located = view.find(POINTED_ADAPTER_KEYS);
  const written = view.text(located)?.trim();
  if (!located || !written || /^(none|null|false)$/i.test(written)) return own;
  const names = located.entry.key === 'adapter_name_or_path' ? written.split(',').map((name) => name.trim()) : [written];
  const name = names[names.length - 1];
  if (!name) return own;
  const quantised = own?.kind === 'qlora' || /^(4|8)$/.test(view.text(view.find(['quantization_bit']))?.trim() ?? '');
  // A new adapter over the merged ones: the recipe's own lora_* keys say what trains.
  if (located.entry.key === 'adapter_name_or_path' && view.flag(view.find(['create_new_adapter'])) === true && !quantised) return own;
  const span = spanOfEntry(located.entry);
  const needs = (): AdapterSettings => ({
    kind: own?.kind ?? 'lora',
    rank: own?.rank ?? 8,
    modules: own?.modules ?? [],
    unknown: [],
    span,
    source: `${located.entry.key}: ${printable(name, 80)}`,
    needs: ADAPTER_CONFIG_NEEDED,
  });
  const folder = name.replace(/\/+$/, '');
  const reference = `${folder}/adapter_config.json`;
  if (HUB_ID.test(name) && !LOCAL.test(name)) {
    // `org/name`: a folder of that name in the workspace wins (as `from_pretrained` looks there first), else the Hub.
    const from = context.includeChain?.[context.includeChain.length - 1] ?? context.fileName;
    const path = resolveReference(from, reference);
    const text = context.lookups.outside(path) ? null : context.lookups.file(path);
    if (text === null) {
      context.findings.push({
        severity: 'information',
        code: 'missing-file',
        span,
        message: `The adapter "${printable(name, 80)}" this run trains is no folder in the workspace (a Hugging Face id?), so its rank and targets are unknown: the compute needs ${ADAPTER_CONFIG_NEEDED}. Download the adapter into the workspace and point ${located.entry.key} at its folder.`,
      });
      return needs();
    }
    if (text === undefined) return needs();
  }
  const read = readReferenced(reference, span, context, `The adapter's config`);
  if (!read.ok) return needs();
  const adapter = readAdapter(new ConfigView(read.root));
  if (!adapter) {
    context.findings.push({
      severity: 'information',
      code: 'assumed-value',
      span,
      message: `The adapter at "${printable(name, 80)}" is not a LoRA adapter this count knows, so the trainable parameters are unknown.`,
    });
    return needs();
  }
  return { ...adapter, kind: quantised ? 'qlora' : adapter.kind, span, source: `${located.entry.key} (${printable(folder, 60)}/adapter_config.json)` };
}
