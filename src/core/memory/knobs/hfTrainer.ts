import type { ConfigView } from '../../source/view';
import { flagKnob, numberKnob, textKnob, retag } from './read';
import { optimizerKind, type KnobReading } from './reading';

/**
 * Hugging Face `TrainingArguments` (transformers `training_args.py`) and Axolotl's YAML, which
 * passes most of them through. Defaults there: `per_device_train_batch_size` 8,
 * `gradient_accumulation_steps` 1, `gradient_checkpointing` False, `optim` "adamw_torch",
 * `bf16`/`fp16` False (then weights train in fp32). Axolotl writes `micro_batch_size`,
 * `sequence_len`, `load_in_4bit`/`load_in_8bit` (QLoRA/LoRA over a quantised base) and
 * `flash_attention`. `deepspeed:` names a DeepSpeed JSON; `fsdp:`/`fsdp_config` turn on FSDP.
 */
export function readTrainerKnobs(view: ConfigView): KnobReading {
  const reading: KnobReading = { regime: 'amp' };
  reading.microBatch = numberKnob(view, ['per_device_train_batch_size', 'micro_batch_size', 'train_batch_size', 'batch_size']);
  reading.gradientAccumulation = numberKnob(view, ['gradient_accumulation_steps']);
  reading.sequenceLength = numberKnob(view, ['sequence_len', 'max_seq_length', 'max_length', 'max_seq_len', 'block_size', 'cutoff_len']);
  const checkpointing = flagKnob(view, ['gradient_checkpointing', 'activation_checkpointing']);
  if (checkpointing) reading.recompute = retag(checkpointing, checkpointing.value ? 'full' : 'none');
  const optim = textKnob(view, ['optim', 'optimizer']);
  const kind = optim ? optimizerKind(optim.value) : undefined;
  if (optim && kind) reading.optimizer = retag(optim, kind);
  const four = flagKnob(view, ['load_in_4bit']);
  const eight = flagKnob(view, ['load_in_8bit']);
  if (four?.value) reading.baseBits = retag(four, 4);
  else if (eight?.value) reading.baseBits = retag(eight, 8);
  const flash = flagKnob(view, ['flash_attention', 'sdp_attention', 'use_flash_attention_2']);
  const implementation = textKnob(view, ['attn_implementation']);
  if (flash) reading.flashAttention = flash;
  else if (implementation) reading.flashAttention = retag(implementation, !/eager/.test(implementation.value));
  const deepspeed = textKnob(view, ['deepspeed']);
  if (deepspeed && /\.json$/i.test(deepspeed.value.trim())) reading.deepspeedConfig = deepspeed;
  const fsdp = textKnob(view, ['fsdp']);
  if (fsdp && /full_shard|shard_grad_op|hybrid_shard/.test(fsdp.value)) {
    reading.regime = 'fsdp';
    reading.shardStage = retag(fsdp, /shard_grad_op/.test(fsdp.value) ? 2 : 3);
  }
  return reading;
}
