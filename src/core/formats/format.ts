import type { Draft } from '../architecture/assemble';
import type { Finding } from '../analysis/findings';
import type { ResourceLookups } from '../resources/resources';
import type { UserFact } from '../source/directives';
import type { Fact } from '../source/fact';
import type { Syntax } from '../source/syntax';
import { getEntry, type ConfigNode, type MapNode } from '../source/tree';
import type { ConfigView } from '../source/view';
import type { TokenResult } from '../training/tokens';

/** What a framework module may use while it reads: facts, findings, files the config points at. */
export interface ReadContext {
  readonly facts: readonly UserFact[];
  readonly findings: Finding[];
  readonly lookups: ResourceLookups;
  /** The config's own path or URI: references in it are relative to its folder. */
  readonly fileName: string;
  /** While reading an included file: the paths from the config down to it, for depth and cycles. */
  readonly includeChain?: readonly string[];
}

/** Where a framework keeps the numbers that fix the training length, for `readTokens`. */
export interface TrainingKeys {
  /** Keys holding a token count. */
  readonly direct: readonly string[];
  /** Keys holding a number of optimizer steps. */
  readonly steps: readonly string[];
  readonly globalBatch: readonly string[];
  /** Per-accelerator batch, multiplied by accumulation and data-parallel size. */
  readonly microBatch: readonly string[];
  readonly accumulation: readonly string[];
  readonly sequence: readonly string[];
  readonly epochs: readonly string[];
  /** Keys holding the size of the dataset in tokens, for epochs × dataset (a `dataset.tokens` under epochs counts too). */
  readonly datasetTokens?: readonly string[];
  readonly tensorParallel: readonly string[];
  readonly pipelineParallel: readonly string[];
  /** Sections searched first for steps and for the sequence length (NeMo: `trainer`, `model`). */
  readonly stepsUnder?: readonly string[];
  readonly sequenceUnder?: readonly string[];
  /** Keys written as a duration with a unit, as Composer and OLMo do (`2e12T`, `63900ba`, `1ep`). */
  readonly durationKeys: readonly string[];
  /** Accelerators the file itself states (NeMo: nodes × devices), when no fact gives them. */
  readonly accelerators?: (view: ConfigView) => Fact | undefined;
}

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
