import { peakFlops, type Accelerator, type Precision } from './accelerators';

/**
 * Model FLOPs utilisation assumed when none is given: about 40%. Published large runs sit near
 * it: PaLM 540B 46.2% (Chowdhery et al. 2022, table 3), Llama 3 405B 38–43% on H100 in BF16
 * (Llama Team 2024, "The Llama 3 Herd of Models", table 4), MegaScale 55.2% (Jiang et al. 2024).
 */
export const DEFAULT_MFU = 0.4;

export const SECONDS_PER_HOUR = 3600;
export const SECONDS_PER_DAY = 86_400;

export interface HardwareRun {
  readonly accelerator: Accelerator;
  readonly precision: Precision;
  readonly count: number;
  /** Wall-clock training time. */
  readonly seconds: number;
  /** Model FLOPs utilisation, 0 < mfu ≤ 1. */
  readonly mfu: number;
}

/** Delivered FLOP/s of one accelerator: peak × MFU; null when the chip lacks that precision. */
export function deliveredFlopsPerSecond(accelerator: Accelerator, precision: Precision, mfu: number): number | null {
  const peak = peakFlops(accelerator, precision);
  return peak === null ? null : peak * mfu;
}

/** Training compute a run delivers: peak × count × seconds × MFU (null when the precision is unsupported). */
export function hardwareCompute(run: HardwareRun): number | null {
  const perChip = deliveredFlopsPerSecond(run.accelerator, run.precision, run.mfu);
  return perChip === null ? null : perChip * run.count * run.seconds;
}

/** Accelerator-hours and wall-clock days to deliver `compute` FLOP on `count` chips. */
export function timeToTrain(
  compute: number,
  accelerator: Accelerator,
  precision: Precision,
  mfu: number,
  count: number,
): { acceleratorHours: number; wallClockDays: number } | null {
  const perChip = deliveredFlopsPerSecond(accelerator, precision, mfu);
  if (perChip === null || !(perChip > 0) || !(count > 0)) return null;
  const acceleratorSeconds = compute / perChip;
  return { acceleratorHours: acceleratorSeconds / SECONDS_PER_HOUR, wallClockDays: acceleratorSeconds / count / SECONDS_PER_DAY };
}

/** The MFU at which this hardware would deliver exactly `compute`: how hard a config's 6·N·D works the chips. */
export function impliedMfu(compute: number, accelerator: Accelerator, precision: Precision, count: number, seconds: number): number | null {
  const peak = peakFlops(accelerator, precision);
  return peak === null || !(count > 0) || !(seconds > 0) ? null : compute / (peak * count * seconds);
}
