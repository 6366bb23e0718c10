import type { Draft } from '../architecture/assemble';
import type { ReadContext } from '../resources/readContext';
import type { Syntax } from '../source/syntax';
import { getEntry, type ConfigNode, type MapNode } from '../source/tree';
import type { ConfigView } from '../source/view';
import type { TokenResult } from '../training/tokens';
import type { TrainingKeys } from '../training/trainingKeys';

// Defined below the formats (they are handed to resources/include and training/ too), re-exported for the formats.
export type { ReadContext, TrainingKeys };

/**
 * One training framework: how to recognise its files, read its model and its training length.
 * Adding a framework is one module and one line in `registry.ts`.
 */
export interface FrameworkModule {
  /** Stable id, part of the CLI's JSON contract (`format`). */
  readonly id: string;
  /** What users call it, for messages and hovers. */
  readonly name: string;
  /** The syntaxes its files are written in. */
  readonly syntaxes: readonly Syntax[];
  /**
   * How strongly a parsed file looks like this framework's: 0 not at all, about 2 for keys
   * many frameworks share, 10 for a signature only this framework writes. The highest wins.
   */
  detect(root: MapNode, view: ConfigView): number;
  /**
   * The tree to read, when the file inherits from or includes others (MaxText's `base_config`,
   * Levanter's `!include`): built with `readReferenced` and `overlay` from `resources/include`.
   */
  expand?(root: MapNode, context: ReadContext): ConfigNode;
  /** The architecture the file describes, if this framework's files describe one. */
  readArchitecture?(view: ConfigView, context: ReadContext): Draft | undefined;
  /** Key names for the generic training-length reader. */
  readonly training: TrainingKeys;
  /** A framework whose length is not a product of keys reads it itself; undefined falls back. */
  readTokens?(view: ConfigView, context: ReadContext): TokenResult | undefined;
  /** Keys whose value names a model (Hub id or framework name), for the catalog and the Hub. */
  readonly modelNameKeys?: readonly string[];
  /** True when the file adapts a named base model rather than training from scratch. */
  readonly fineTunes?: boolean;
  /**
   * For a fine-tuning file whose architecture is read from the file itself (torchtune's model
   * builders): the catalog name of the model it starts from, so its pretraining counts too.
   */
  baseModel?(view: ConfigView, context: ReadContext): string | undefined;
}

export const has = (node: ConfigNode | undefined, ...keys: string[]): boolean => keys.some((key) => getEntry(node, key) !== undefined);

export const section = (node: ConfigNode | undefined, key: string): MapNode | undefined => {
  const value = getEntry(node, key)?.value;
  return value?.kind === 'map' ? value : undefined;
};

/** Points for each of `keys` present in `node`: a tally of weaker signs. */
export const tally = (node: ConfigNode | undefined, keys: readonly string[], points = 1): number =>
  keys.reduce((sum, key) => sum + (getEntry(node, key) !== undefined ? points : 0), 0);

/** The key names most frameworks share; modules spread this and change what differs. */
export const COMMON_TRAINING: TrainingKeys = {
  direct: ['tokens', 'train_tokens', 'training_tokens', 'max_tokens', 'total_tokens', 'num_tokens', 'token_budget'],
  steps: ['train_iters', 'max_steps', 'num_train_steps', 'train_steps', 'total_steps', 'steps', 'max_iters', 'iterations'],
  globalBatch: ['global_batch_size', 'global_train_batch_size', 'train_batch_size', 'batch_size', 'global_batch'],
  microBatch: ['train_micro_batch_size_per_gpu', 'micro_batch_size', 'per_device_train_batch_size'],
  accumulation: ['gradient_accumulation_steps', 'accumulate_grad_batches', 'gradient_accumulation_iters'],
  sequence: [
    'seq_length',
    'seq_len',
    'max_seq_len',
    'max_seq_length',
    'encoder_seq_length',
    'sequence_len',
    'sequence_length',
    'max_sequence_length',
    'context_length',
    'block_size',
  ],
  epochs: ['num_epochs', 'max_epochs', 'epochs', 'num_train_epochs'],
  datasetTokens: ['dataset_tokens', 'dataset_size_tokens', 'tokens_per_epoch'],
  tensorParallel: ['model_parallel_size', 'tensor_model_parallel_size', 'tensor_parallel_size'],
  pipelineParallel: ['pipe_parallel_size', 'pipeline_model_parallel_size', 'pipeline_parallel_size'],
  durationKeys: ['max_duration'],
};

/** Names of models in the keys the common frameworks use. */
export const COMMON_MODEL_NAME_KEYS = [
  'base_model',
  'model_name',
  'architecture',
  'model_name_or_path',
  'pretrained_model_name_or_path',
  'initialize_from_hf',
  'hf_checkpoint',
  'pretrained_model_name',
];
