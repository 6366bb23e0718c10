import type { ConfigView } from '../../source/view';
import { byDefault, numberKnob, textKnob, retag } from './read';
import { optimizerKind, recomputeKind, type KnobReading } from './reading';

/**
 * torchtitan's own defaults for activation checkpointing (pytorch/torchtitan@e347b1e5,
 * torchtitan/config/job_config.py, `ActivationCheckpoint`, the last TOML-era version; the same
 * since 2024's config_manager.py): `mode = "selective"` with `selective_ac_option = "2"`, a layer
 * count: every second transformer block wrapped in a full checkpoint
 * (torchtitan/distributed/activation_checkpoint.py, `_apply_layer_sac`). `"op"` is per-op SAC.
 */
const TITAN_AC = 'pytorch/torchtitan@e347b1e5 torchtitan/config/job_config.py';

/**
 * torchtitan's TOML (`torchtitan/config/job_config.py`): `[parallelism]` degrees
 * (`data_parallel_shard_degree` -1 = all remaining devices, FSDP2 full shard), `[training]`
 * `local_batch_size` (formerly `batch_size`, default 8) and `seq_len` (2048),
 * `[activation_checkpoint] mode` and `selective_ac_option` (above), `[optimizer] name` ("AdamW").
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
  readCheckpointing(view, reading);
  const optimizer = textKnob(view, ['name'], ['optimizer']);
  const optimizerName = optimizer ? optimizerKind(optimizer.value) : undefined;
  if (optimizer && optimizerName) reading.optimizer = retag(optimizer, optimizerName);
  return reading;
}

/** `[activation_checkpoint]`: `mode` (default "selective") and `selective_ac_option` (default "2"). */
function readCheckpointing(view: ConfigView, reading: KnobReading): void {
  const under = ['activation_checkpoint'];
  const mode = textKnob(view, ['mode'], under);
  const kind = mode ? recomputeKind(mode.value) : 'selective';
  if (!kind) return;
  if (kind !== 'selective') {
    if (mode) reading.recompute = retag(mode, kind);
    return;
  }
  const option = textKnob(view, ['selective_ac_option'], under);
  const text = option?.value.trim() ?? '2';
  if (text === 'op') {
    reading.recompute = mode ? retag(mode, 'op') : byDefault('op', `torchtitan: selective per-op AC (${TITAN_AC})`);
    return;
  }
  const every = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(every >= 1)) return;
  // A layer count: every k-th block fully checkpointed (k = 1: all of them).
  const which = every === 1 ? 'every layer' : `one layer in ${every}`;
  const note = `torchtitan: mode "selective" with selective_ac_option "${every}" fully recomputes ${which} (${TITAN_AC}, defaults "selective" and "2")`;
  reading.recompute = mode ? retag(mode, 'full', note) : byDefault('full', note);
  if (every > 1) reading.recomputeEvery = option ? retag(option, every) : byDefault(every, note);
}
