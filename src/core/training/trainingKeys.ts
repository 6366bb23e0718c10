import type { Fact } from '../source/fact';
import type { ConfigView } from '../source/view';

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
