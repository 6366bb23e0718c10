import type { MapNode } from '../../source/tree';
import { spanOfEntry } from '../../source/view';
import { COMMON_TRAINING, has, tally, type FrameworkModule } from '../format';

/**
 * A DeepSpeed config (`ds_config.json`, the file `--deepspeed_config` names): the batch
 * (`train_batch_size` = micro-batch × accumulation × data-parallel), ZeRO and precision, but never
 * the model nor the number of steps, which the launch line or the training script holds
 * (deepspeed/runtime/config.py reads no such key). It is recognised as DeepSpeed's, and one note
 * says what it holds and where the rest is, instead of silence or a false "unknown config".
 */

/** Top-level keys only DeepSpeed's config schema uses (deepspeed/runtime/constants.py). */
const DEEPSPEED_KEYS = [
  'zero_optimization',
  'train_micro_batch_size_per_gpu',
  'steps_per_print',
  'wall_clock_breakdown',
  'gradient_clipping',
  'zero_allow_untested_optimizer',
  'fp16',
  'bf16',
  'activation_checkpointing',
  'flops_profiler',
  'prescale_gradients',
];

function detect(root: MapNode): number {
  if (has(root, 'model_type', 'architectures')) return 0;
  return has(root, 'zero_optimization', 'train_micro_batch_size_per_gpu') && tally(root, DEEPSPEED_KEYS) >= 2 ? 6 : 0;
}

export const deepspeed: FrameworkModule = {
  id: 'deepspeed',
  name: 'DeepSpeed config',
  syntaxes: ['json', 'yaml'],
  detect,
  training: { ...COMMON_TRAINING, steps: [], direct: [], epochs: [] },
  readTokens: (view, context) => {
    const batch = view.find(['train_batch_size', 'train_micro_batch_size_per_gpu']);
    const anchor = batch?.entry.keySpan ?? view.root?.span ?? { start: 0, end: 0 };
    const holds = batch ? `its batch (${batch.entry.key} ${String(view.text(batch) ?? view.value(batch) ?? '')})` : 'ZeRO and precision settings';
    context.findings.push({
      severity: 'information',
      code: 'missing-architecture',
      span: batch ? spanOfEntry(batch.entry) : { start: anchor.start, end: Math.min(anchor.end, anchor.start + 1) },
      message: `A DeepSpeed config: it holds ${holds}, but a DeepSpeed config never names the model or the number of steps; the launch script or training script that passes it as --deepspeed_config does. Open that file, or give \`parameters=\` and \`tokens=\` facts for this one.`,
    });
    return { factors: [], anchor };
  },
};
