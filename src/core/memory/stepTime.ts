/**
 * An estimate of one optimizer step's wall-clock time, and the run's days:
 * step = tokens per step × FLOP per token ÷ (accelerators × peak × MFU).
 * With a measured MFU (`mfu=` fact or a config key) nothing is added: a measured MFU already
 * holds the pipeline bubble and recomputation. With the default MFU the estimate adds the 1F1B
 * bubble (p−1)/(v·m) (Narayanan et al. 2021, §2.2) and full recomputation's extra forward pass
 * (a third more work: 8·N·D instead of 6·N·D, Korthikanti et al. 2022 §5).
 */
export interface StepTime {
  readonly stepSeconds: number;
  readonly mfu: number;
  /** Where the MFU came from: a key, the `mfu=` fact, or the default. */
  readonly mfuSource: string;
  readonly bubble: number;
  readonly recomputeFactor: number;
  readonly days: number | null;
  readonly assumptions: readonly string[];
}

export interface StepInput {
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
  readonly fullRecompute: boolean;
  /** The run's training tokens, for its days. */
  readonly trainingTokens: number | null;
}

export function stepTime(input: StepInput): StepTime {
  const assumptions: string[] = [];
  let bubble = 0;
  let recomputeFactor = 1;
  if (!input.mfuMeasured) {
    if (input.pipeline > 1 && input.microBatches) {
      bubble = (input.pipeline - 1) / (input.virtualStages * input.microBatches);
      assumptions.push(`pipeline bubble (p−1)/(v·m) = ${(bubble * 100).toFixed(1)}%`);
    }
    if (input.fullRecompute) {
      recomputeFactor = 4 / 3;
      assumptions.push('full recomputation adds a forward pass (×4/3)');
    }
  } else assumptions.push('a measured MFU already includes the bubble and recomputation');
  const stepSeconds = ((input.tokensPerStep * input.flopsPerToken) / (input.accelerators * input.peak * input.mfu)) * recomputeFactor * (1 + bubble);
  const days = input.trainingTokens !== null ? ((input.trainingTokens / input.tokensPerStep) * stepSeconds) / 86_400 : null;
  return { stepSeconds, mfu: input.mfu, mfuSource: input.mfuSource, bubble, recomputeFactor, days, assumptions };
}
