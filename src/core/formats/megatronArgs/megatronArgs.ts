import { readMegatron } from '../shared/megatronModel';
import { fact } from '../../source/fact';
import type { MapNode } from '../../source/tree';
import { COMMON_MODEL_NAME_KEYS, has, tally, type FrameworkModule, type TrainingKeys } from '../format';
import { architectureConflicts, MEGATRON_KEYS, MEGATRON_ONLY, MEGATRON_TRAINING, readMegatronTokens } from '../shared/megatronArguments';

/**
 * Megatron-LM's command-line arguments written as keys of a YAML or JSON file instead of flags of
 * a launch line: Megatron-LM's own test configs (`MODEL_ARGS: {--num-layers: 12, …}`), FlagScale's
 * `model:`/`system:` sections (`num_layers: 32`, `swiglu: true`), a Python-style dict turned into
 * JSON. The meaning is the launch script's: the same reader, defaults and checks, one shared layer.
 */

/** GPT-NeoX spells some of the same arguments; these say the file is NeoX's (gptNeox.ts reads it). */
const NEOX_SIGNS = ['pipe_parallel_size', 'model_parallel_size', 'pos_emb', 'no_weight_tying', 'train_micro_batch_size_per_gpu', 'gpt_j_residual'];

/**
 * The root or one of its sections holding Megatron's `num_layers` (Hugging Face writes
 * `num_hidden_layers`) with at least two more of its argument names.
 */
function detect(root: MapNode): number {
  if (tally(root, NEOX_SIGNS) > 0 || has(root, 'model_type', 'num_hidden_layers')) return 0;
  const sections = [root, ...root.entries.map((entry) => entry.value).filter((node): node is MapNode => node.kind === 'map')];
  // `num_layers`, `hidden_size` and `num_attention_heads` alone are every decoder's names (InternLM's
  // Python `model = dict(…)`): one name only Megatron's arguments use must be there too.
  return sections.some((node) => has(node, 'num_layers') && tally(node, MEGATRON_KEYS) >= 3 && tally(node, MEGATRON_ONLY) >= 1) ? 6 : 0;
}

const TRAINING: TrainingKeys = {
  ...MEGATRON_TRAINING,
  accelerators: (view) => {
    const perNode = view.count(view.find(['nproc_per_node', 'gpus_per_node']), 'processes per node', { integer: true, positive: true });
    const nodes = view.count(view.find(['nnodes', 'num_nodes']), 'a number of nodes', { integer: true, positive: true });
    return perNode
      ? fact(perNode.value * (nodes?.value ?? 1), 'derived', { note: `${perNode.value} processes per node × ${nodes?.value ?? 1} node(s)` })
      : undefined;
  },
};

export const megatronArgs: FrameworkModule = {
  id: 'megatron-args',
  name: 'Megatron-LM arguments (YAML/JSON)',
  syntaxes: ['yaml', 'json', 'python'],
  detect,
  readArchitecture: (view, context) => {
    context.findings.push(...architectureConflicts(view));
    return readMegatron(view, { under: [], dialect: 'cli' });
  },
  training: TRAINING,
  readTokens: (view, context) => readMegatronTokens(view, context),
  modelNameKeys: COMMON_MODEL_NAME_KEYS,
};
