import { fact } from '../../source/fact';
import type { ConfigView } from '../../source/view';
import { flagKnob, numberKnob, textKnob, retag } from './read';
import { optimizerKind, recomputeKind, type KnobReading } from './reading';

/**
 * Megatron-LM's arguments (`megatron/training/arguments.py`), as a launch script or a YAML of
 * them writes them (`--tensor-model-parallel-size 8` reads as `tensor_model_parallel_size`).
 * NeMo 1 configs use the same names under `model:` with `activations_checkpoint_*` for recompute
 * and `optim.name: distributed_fused_adam` for the distributed optimizer.
 * Defaults (arguments.py): TP, PP, CP, EP 1; `--recompute-granularity` None; `--sequence-parallel`
 * off; `--use-distributed-optimizer` off; `--hidden-dropout` and `--attention-dropout` 0.1;
 * `--optimizer adam`. Attention runs fused (Transformer Engine or flash) unless `--attention-backend unfused`.
 */
export function readMegatronKnobs(view: ConfigView): KnobReading {
  const reading: KnobReading = { regime: 'megatron' };
  reading.tensorParallel = numberKnob(view, ['tensor_model_parallel_size', 'tensor_parallel_size']);
  reading.pipelineParallel = numberKnob(view, ['pipeline_model_parallel_size', 'pipeline_parallel_size']);
  reading.virtualStages = numberKnob(view, ['virtual_pipeline_model_parallel_size']);
  const perVirtual = numberKnob(view, ['num_layers_per_virtual_pipeline_stage']);
  const layers = numberKnob(view, ['num_layers']);
  const pp = reading.pipelineParallel?.value ?? 1;
  if (!reading.virtualStages && perVirtual && layers && perVirtual.value > 0)
    reading.virtualStages = fact(Math.max(1, Math.round(layers.value / pp / perVirtual.value)), 'derived', {
      key: perVirtual.key,
      span: perVirtual.span,
      note: `num_layers ÷ PP ÷ ${perVirtual.value}`,
    });
  reading.contextParallel = numberKnob(view, ['context_parallel_size']);
  reading.expertParallel = numberKnob(view, ['expert_model_parallel_size']);
  reading.expertTensorParallel = numberKnob(view, ['expert_tensor_parallel_size']);
  reading.microBatch = numberKnob(view, ['micro_batch_size']);
  reading.globalBatch = numberKnob(view, ['global_batch_size']);
  reading.sequenceLength = numberKnob(view, ['seq_length', 'encoder_seq_length', 'max_position_embeddings']);
  const granularity = textKnob(view, ['recompute_granularity', 'activations_checkpoint_granularity']);
  const kind = granularity ? recomputeKind(granularity.value) : undefined;
  if (granularity && kind) reading.recompute = retag(granularity, kind);
  // `--recompute-activations` is shorthand for selective recompute (arguments.py `validate_args`).
  const shorthand = flagKnob(view, ['recompute_activations']);
  if (!reading.recompute && shorthand?.value) reading.recompute = retag(shorthand, 'selective');
  const method = textKnob(view, ['recompute_method', 'activations_checkpoint_method']);
  if (!reading.recompute && method && recomputeKind(method.value) === 'full') reading.recompute = retag(method, 'full');
  reading.recomputeLayers = numberKnob(view, ['recompute_num_layers', 'activations_checkpoint_num_layers']);
  reading.sequenceParallel = flagKnob(view, ['sequence_parallel']);
  const distributed = flagKnob(view, ['use_distributed_optimizer']);
  const optimizerName = textKnob(view, ['optimizer']) ?? textKnob(view, ['name'], ['model', 'optim']);
  if (distributed?.value) reading.shardStage = retag(distributed, 1);
  else if (optimizerName && /distributed/.test(optimizerName.value)) reading.shardStage = retag(optimizerName, 1);
  const optimizer = optimizerName ? optimizerKind(optimizerName.value) : undefined;
  if (optimizerName && optimizer) reading.optimizer = retag(optimizerName, optimizer);
  const dropout = numberKnob(view, ['hidden_dropout']);
  if (dropout) reading.dropout = retag(dropout, dropout.value > 0);
  const backend = textKnob(view, ['attention_backend']);
  if (backend) reading.flashAttention = retag(backend, !/unfused|local/.test(backend.value));
  const offload = flagKnob(view, ['optimizer_cpu_offload']);
  if (offload) reading.offloadOptimizer = offload;
  return reading;
}
