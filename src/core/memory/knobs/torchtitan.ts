import type { ConfigView } from '../../source/view';
import { numberKnob, textKnob, retag } from './read';
import { optimizerKind, recomputeKind, type KnobReading } from './reading';

/**
 * torchtitan's TOML (`torchtitan/config/job_config.py`): `[parallelism]` degrees
 * (`data_parallel_shard_degree` -1 = all remaining devices, FSDP2 full shard), `[training]`
 * `local_batch_size` (formerly `batch_size`, default 8) and `seq_len` (2048),
 * `[activation_checkpoint] mode` ("selective" by default: per-op, `op`), `[optimizer] name` ("AdamW").
 * Weights are fp32, sharded, computed in bf16 (`mixed_precision_param = "bfloat16"`).
 */
export function readTorchtitanKnobs(view: ConfigView): KnobReading {
  const reading: KnobReading = { regime: 'fsdp' };
  const p = ['parallelism'];
  reading.tensorParallel = numberKnob(view, ['tensor_parallel_degree'], p);
  reading.pipelineParallel = numberKnob(view, ['pipeline_parallel_degree'], p);
  reading.contextParallel = numberKnob(view, ['context_parallel_degree'], p);
  reading.expertParallel = numberKnob(view, ['expert_parallel_degree'], p);
  const shard = numberKnob(view, ['data_parallel_shard_degree'], p);
  reading.shardStage =
    shard && shard.value === 1 ? retag(shard, 0) : { value: 3, origin: 'assumed', note: 'FSDP2 full shard (data_parallel_shard_degree = -1 by default)' };
  reading.microBatch = numberKnob(view, ['local_batch_size', 'batch_size'], ['training']);
  reading.globalBatch = numberKnob(view, ['global_batch_size'], ['training']);
  reading.sequenceLength = numberKnob(view, ['seq_len'], ['training']);
  const mode = textKnob(view, ['mode'], ['activation_checkpoint']);
  const kind = mode ? recomputeKind(mode.value) : undefined;
  // torchtitan's "selective" is per-op selective AC (`SelectiveAC`); a layer frequency
  // (`selective_ac_option = "2"`, older versions) checkpoints every k-th layer, read as selective.
  const option = textKnob(view, ['selective_ac_option'], ['activation_checkpoint']);
  const perOp = kind === 'selective' && (!option || option.value === 'op');
  if (mode && kind) reading.recompute = retag(mode, perOp ? 'op' : kind);
  const optimizer = textKnob(view, ['name'], ['optimizer']);
  const optimizerName = optimizer ? optimizerKind(optimizer.value) : undefined;
  if (optimizer && optimizerName) reading.optimizer = retag(optimizer, optimizerName);
  return reading;
}
