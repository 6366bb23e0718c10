import type { Fact } from '../../source/fact';
import type { OptimizerKind, Recompute, StateRegime } from '../layout';

/** What one format's reader found; the layout fills the rest from the framework's defaults. */
export interface KnobReading {
  regime?: StateRegime;
  tensorParallel?: Fact;
  pipelineParallel?: Fact;
  virtualStages?: Fact;
  contextParallel?: Fact;
  expertParallel?: Fact;
  expertTensorParallel?: Fact;
  dataParallel?: Fact;
  shardStage?: Fact;
  microBatch?: Fact;
  globalBatch?: Fact;
  gradientAccumulation?: Fact;
  sequenceLength?: Fact;
  recompute?: Fact<Recompute>;
  recomputeLayers?: Fact;
  recomputeEvery?: Fact;
  sequenceParallel?: Fact<boolean>;
  flashAttention?: Fact<boolean>;
  dropout?: Fact<boolean>;
  optimizer?: Fact<OptimizerKind>;
  offloadOptimizer?: Fact<boolean>;
  offloadParameters?: Fact<boolean>;
  baseBits?: Fact;
  bucketElements?: Fact;
  lossChunks?: Fact;
  offloadActivations?: Fact<boolean>;
  /** A DeepSpeed JSON the config names (`deepspeed: ds_config.json`), read through the host. */
  deepspeedConfig?: Fact<string>;
}

/** An optimizer name as the formats write it (`adamw_torch`, `paged_adamw_8bit`, `torch.optim.AdamW`, `Adafactor`). */
export function optimizerKind(name: string): OptimizerKind | undefined {
  const lower = name.toLowerCase();
  if (/8bit|8_bit|bnb/.test(lower)) return 'adam-8bit';
  if (/adafactor/.test(lower)) return 'adafactor';
  if (/muon/.test(lower)) return 'muon';
  if (/sgd/.test(lower)) return 'sgd-momentum';
  if (/adam|lamb|lion/.test(lower)) return /lion/.test(lower) ? 'sgd-momentum' : 'adam';
  return undefined;
}

/** A recompute setting as the formats write it (`selective`, `full`, `true`, `op`, `none`). */
export function recomputeKind(value: string | boolean): Recompute | undefined {
  if (typeof value === 'boolean') return value ? 'full' : 'none';
  const lower = value.toLowerCase();
  if (/^(full|true|yes|block|uniform)$/.test(lower)) return 'full';
  if (/^(selective|op|core_attn|partial)$/.test(lower)) return 'selective';
  if (/^(none|false|no|null)$/.test(lower)) return 'none';
  return undefined;
}
