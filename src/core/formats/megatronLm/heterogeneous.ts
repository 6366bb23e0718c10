import type { Finding } from '../../analysis/findings';
import type { ReadContext } from '../../resources/readContext';
import { getEntry, type ConfigNode, type MapNode } from '../../source/tree';
import { printable } from '../../source/view';
import { readModelFile } from '../launchFlags/modelFile';

/**
 * Megatron-LM's heterogeneous models (Llama-Nemotron): `--heterogeneous-layers-config-path` names
 * a Hugging Face config.json whose `block_configs` give each layer its own attention and MLP, and
 * Megatron takes the layers, hidden size, heads and tying from it, checking that the flags agree
 * (NVIDIA/Megatron-LM@d98e8a64 megatron/training/arguments.py:190-230). The model is that file,
 * read through the host and counted per layer as the Hugging Face reader counts `block_configs`.
 */
export const HETEROGENEOUS_MODEL = 'heterogeneous_model';

const FLAG = 'heterogeneous_layers_config_path';

function scalarText(node: ConfigNode | undefined): string | undefined {
  return node?.kind === 'scalar' && node.value !== null ? String(node.value) : undefined;
}

/** The launch's flags with the heterogeneous config file's contents under `heterogeneous_model`. */
export function withHeterogeneousModel(root: MapNode, context: ReadContext): ConfigNode {
  const entry = getEntry(root, FLAG);
  const reference = scalarText(entry?.value);
  if (!entry || !reference) return root;
  const model = readModelFile(reference, entry.keySpan, 'heterogeneous-layers-config-path', context);
  return model ? { ...root, entries: [...root.entries, { key: HETEROGENEOUS_MODEL, keySpan: entry.keySpan, value: model }] } : root;
}

/** Says the per-layer model came from the file, where the uniform flags would have been read. */
export function heterogeneousNote(root: MapNode | undefined): Finding | undefined {
  const entry = root && getEntry(root, FLAG);
  if (!entry || !getEntry(root, HETEROGENEOUS_MODEL)) return undefined;
  return {
    severity: 'information',
    code: 'assumed-value',
    span: entry.keySpan,
    message: `The model is the heterogeneous config ${printable(scalarText(entry.value) ?? '', 80)}: each layer counted with its own attention and MLP from its block_configs, as Megatron-LM builds it; the uniform shape flags only have to agree with it.`,
  };
}
