import type { ConfigView } from '../../source/view';
import { flagKnob, numberKnob, textKnob, retag } from './read';
import { optimizerKind, type KnobReading } from './reading';

/**
 * torchtune recipes' YAML: `batch_size`, `enable_activation_checkpointing` (False unless set),
 * `dtype: bf16` (weights, gradients and optimizer states all in bf16, no fp32 master copy),
 * `optimizer._component_`, `tokenizer.max_seq_len`, `loss._component_` (chunked losses),
 * `enable_activation_offloading`. Distributed recipes shard with FSDP2.
 */
export function readTorchtuneKnobs(view: ConfigView, distributed: boolean): KnobReading {
  const reading: KnobReading = { regime: 'pure' };
  reading.microBatch = numberKnob(view, ['batch_size']);
  reading.gradientAccumulation = numberKnob(view, ['gradient_accumulation_steps']);
  reading.sequenceLength = numberKnob(view, ['max_seq_len'], ['tokenizer']) ?? numberKnob(view, ['max_seq_len']);
  const checkpointing = flagKnob(view, ['enable_activation_checkpointing']);
  if (checkpointing) reading.recompute = retag(checkpointing, checkpointing.value ? 'full' : 'none');
  const optimizer = textKnob(view, ['_component_'], ['optimizer']);
  const kind = optimizer ? optimizerKind(optimizer.value) : undefined;
  if (optimizer && kind) reading.optimizer = retag(optimizer, kind);
  const loss = textKnob(view, ['_component_'], ['loss']);
  // torchtune's chunked losses (`torchtune/modules/loss`): 8 output chunks unless `num_output_chunks` says otherwise.
  if (loss && /Chunked|LinearCrossEntropy/.test(loss.value)) reading.lossChunks = numberKnob(view, ['num_output_chunks'], ['loss']) ?? retag(loss, 8);
  const offloadActivations = flagKnob(view, ['enable_activation_offloading']);
  if (offloadActivations) reading.offloadActivations = offloadActivations;
  const offload = flagKnob(view, ['fsdp_cpu_offload']);
  if (offload) reading.offloadParameters = reading.offloadOptimizer = offload;
  if (distributed) reading.shardStage = { value: 3, origin: 'assumed', note: 'torchtune distributed recipes shard with FSDP2' };
  return reading;
}
