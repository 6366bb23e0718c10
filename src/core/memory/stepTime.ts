import type { Architecture } from '../architecture/architecture';

/**
 * An estimate of one optimizer step's wall-clock time, and the run's days:
 * step = tokens per step × model FLOP per token ÷ (accelerators × peak × MFU).
 * Model FLOPs are counted as MFU is defined where it is published (Chowdhery et al. 2022, PaLM,
 * appendix B; Korthikanti et al. 2022; torchtitan's and llm-foundry's logged MFU): the weights'
 * 6·N plus attention's score and value matmuls, 12 · layers · heads · head dim · sequence per
 * token, so an MFU taken from those runs applies to the same count.
 * With a measured MFU (`mfu=` fact or a config key) nothing is added: a measured MFU already
 * holds the pipeline bubble. With a default MFU the estimate adds the 1F1B bubble (p−1)/(v·m)
 * (Narayanan et al. 2021, §2.2). Recomputation adds nothing: the published MFUs the defaults come
 * from were reached with it (mosaicml/llm-foundry's H100 runs with full activation checkpointing
 * sit at 41–44% MFU, like those without), since the memory it frees buys a larger micro-batch.
 */
export interface StepTime {
  readonly stepSeconds: number;
  readonly mfu: number;
  /** Where the MFU came from: a key, the `mfu=` fact, a published row for the chip, or the default. */
  readonly mfuSource: string;
  readonly bubble: number;
  readonly days: number | null;
  readonly assumptions: readonly string[];
}

export interface StepInput {
  /** Model FLOPs per token: the weights' (6·N, or 4·N + 2·N_trainable with adapters) plus attention's. */
  readonly flopsPerToken: number;
  readonly tokensPerStep: number;
  readonly accelerators: number;
  readonly peak: number;
  readonly mfu: number;
  readonly mfuMeasured: boolean;
  readonly mfuSource: string;
  readonly pipeline: number;
  readonly virtualStages: number;
  readonly microBatches: number | null;
  /** The run's training tokens, for its days. */
  readonly trainingTokens: number | null;
}

/**
 * Attention's FLOPs per token over forward and backward, as PaLM's MFU counts them:
 * 12 · attention layers · query heads · head dim · sequence (no discount for the causal mask,
 * which the published MFUs do not take either). It grows with the sequence: at 8,192 tokens it is
 * about a quarter of Llama 3 8B's 6·N.
 */
export function attentionFlopsPerToken(arch: Architecture, sequence: number): number {
  const layers = arch.stack ? arch.stack.attentionLayers : arch.layers.value;
  return 12 * layers * arch.heads.value * arch.headDim.value * sequence;
}

export function stepTime(input: StepInput): StepTime {
  const assumptions: string[] = [];
  let bubble = 0;
  if (!input.mfuMeasured) {
    if (input.pipeline > 1 && input.microBatches) {
      bubble = (input.pipeline - 1) / (input.virtualStages * input.microBatches);
      assumptions.push(`pipeline bubble (p−1)/(v·m) = ${(bubble * 100).toFixed(1)}%`);
    }
  } else assumptions.push('a measured MFU already includes the bubble');
  const stepSeconds = ((input.tokensPerStep * input.flopsPerToken) / (input.accelerators * input.peak * input.mfu)) * (1 + bubble);
  const days = input.trainingTokens !== null ? ((input.trainingTokens / input.tokensPerStep) * stepSeconds) / 86_400 : null;
  return { stepSeconds, mfu: input.mfu, mfuSource: input.mfuSource, bubble, days, assumptions };
}
