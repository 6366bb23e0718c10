import type { Finding } from '../analysis/findings';
import { ASCII_NUMBERS, type NumberFormat } from '../report/format';
import { ESTIMATION_MARGIN } from '../budget/thresholds';
import type { Span } from '../source/tree';
import { hardwareCompute, impliedMfu, SECONDS_PER_DAY, SECONDS_PER_HOUR } from './estimate';
import type { StatedHardware } from './readHardware';

/** A second estimate of a run's compute, from the hardware and duration its config states. */
export interface HardwareEstimate {
  readonly stated: StatedHardware;
  /** peak × count × seconds × MFU. */
  readonly flops: number;
  /** (hardware − 6·N·D) / 6·N·D, when 6·N·D is known. */
  readonly difference: number | null;
}

/** The estimate, when the config states accelerator, count and duration (and the chip has the precision). */
export function estimateFromHardware(stated: StatedHardware, flops: number | null): HardwareEstimate | undefined {
  const time = chipTime(stated);
  if (!stated.accelerator || !time) return undefined;
  const compute = hardwareCompute({
    accelerator: stated.accelerator.value,
    precision: stated.precision,
    count: time.count,
    seconds: time.seconds,
    mfu: stated.mfu.value,
  });
  if (compute === null) return undefined;
  return { stated, flops: compute, difference: flops !== null && flops > 0 ? (compute - flops) / flops : null };
}

/**
 * `hardware-mismatch` when the two estimates differ by more than the Commission's ±30% margin
 * for compute estimates: either the config's length or model is not what runs, or the MFU differs.
 */
export function hardwareFinding(estimate: HardwareEstimate | undefined, flops: number | null, n: NumberFormat = ASCII_NUMBERS): Finding | undefined {
  if (!estimate || estimate.difference === null || flops === null) return undefined;
  if (Math.abs(estimate.difference) <= ESTIMATION_MARGIN) return undefined;
  const { stated } = estimate;
  const accelerator = stated.accelerator!.value;
  const mfu = stated.mfu.key ? `${n.percent(stated.mfu.value)} MFU (${stated.mfu.key})` : `${n.percent(stated.mfu.value)} MFU (assumed)`;
  const time = chipTime(stated)!;
  const implied = impliedMfu(flops, accelerator, stated.precision, time.count, time.seconds);
  const direction = estimate.difference > 0 ? 'more' : 'less';
  return {
    severity: 'warning',
    code: 'hardware-mismatch',
    span: time.span,
    message:
      `The stated hardware, ${time.describe(n, accelerator.id)} at ${mfu} in ${stated.precision.toUpperCase()}, delivers ${n.flops(estimate.flops)} FLOP: ` +
      `${n.percent(Math.abs(estimate.difference))} ${direction} than 6·N·D = ${n.flops(flops)} FLOP, beyond the ±30% margin the Commission allows for estimates.` +
      (implied !== null ? ` 6·N·D would mean an MFU of ${n.percent(implied)}.` : ''),
  };
}

/**
 * The chip time a config states: count × wall-clock time, or one total of accelerator-hours
 * (which the guidelines' hardware method multiplies the same way). Undefined when neither is whole.
 */
export function chipTime(stated: StatedHardware): { count: number; seconds: number; span: Span; describe(n: NumberFormat, chip: string): string } | undefined {
  const { count, seconds, acceleratorHours } = stated;
  if (count && seconds) {
    const days = seconds.value / SECONDS_PER_DAY;
    const time = days >= 1 ? `${days.toFixed(1).replace(/\.0$/, '')} day${days === 1 ? '' : 's'}` : `${+(days * 24).toFixed(1)} hours`;
    return { count: count.value, seconds: seconds.value, span: seconds.span, describe: (n, chip) => `${n.grouped(count.value)} × ${chip} for ${time}` };
  }
  if (acceleratorHours) {
    return {
      count: 1,
      seconds: acceleratorHours.value * SECONDS_PER_HOUR,
      span: acceleratorHours.span,
      describe: (n, chip) => `${n.grouped(acceleratorHours.value)} ${chip} accelerator-hours`,
    };
  }
  return undefined;
}
