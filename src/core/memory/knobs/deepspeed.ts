import type { ConfigView } from '../../source/view';
import { flagKnob, numberKnob, textKnob, retag } from './read';
import { optimizerKind, type KnobReading } from './reading';

/**
 * A DeepSpeed JSON config (`ds_config.json`), or the same keys inside another config (GPT-NeoX).
 * Names and defaults from DeepSpeed's configuration documentation (deepspeed.ai/docs/config-json):
 * `zero_optimization.stage` 0; `offload_optimizer.device`/`offload_param.device` none;
 * `reduce_bucket_size` 5e8; `train_micro_batch_size_per_gpu`, `train_batch_size`,
 * `gradient_accumulation_steps` related by train = micro × accumulation × DP; `bf16.enabled`/`fp16.enabled`.
 * Values `"auto"` (filled in by the Hugging Face Trainer) are not read here.
 */
export function readDeepSpeedKnobs(view: ConfigView, under: readonly string[] = []): KnobReading {
  const reading: KnobReading = {};
  const zero = [...under, 'zero_optimization'];
  const stage = numberKnob(view, ['stage'], zero);
  if (!stage && !view.at([...under, 'train_micro_batch_size_per_gpu']) && !view.at([...under, 'train_batch_size'])) return reading;
  reading.regime = 'deepspeed';
  if (stage) reading.shardStage = stage;
  const offloadOptimizer = textKnob(view, ['device'], [...zero, 'offload_optimizer']);
  if (offloadOptimizer) reading.offloadOptimizer = retag(offloadOptimizer, /cpu|nvme/i.test(offloadOptimizer.value));
  const offloadParam = textKnob(view, ['device'], [...zero, 'offload_param']);
  if (offloadParam) reading.offloadParameters = retag(offloadParam, /cpu|nvme/i.test(offloadParam.value));
  reading.bucketElements = numberKnob(view, ['reduce_bucket_size'], zero);
  reading.microBatch = numberKnob(view, ['train_micro_batch_size_per_gpu'], under);
  reading.globalBatch = numberKnob(view, ['train_batch_size'], under);
  reading.gradientAccumulation = numberKnob(view, ['gradient_accumulation_steps'], under);
  const optimizer = textKnob(view, ['type'], [...under, 'optimizer']);
  const kind = optimizer ? optimizerKind(optimizer.value) : undefined;
  if (optimizer && kind) reading.optimizer = retag(optimizer, kind);
  const checkpointing = flagKnob(view, ['partition_activations'], [...under, 'activation_checkpointing']);
  if (checkpointing?.value) reading.recompute = retag(checkpointing, 'full');
  return reading;
}
