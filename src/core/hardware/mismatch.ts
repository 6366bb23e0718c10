import type { Finding } from '../findings';
import { ASCII_NUMBERS, type NumberFormat } from '../format';
import { ESTIMATION_MARGIN } from '../budget/thresholds';
import { hardwareCompute, impliedMfu, SECONDS_PER_DAY } from './estimate';
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
  if (!stated.accelerator || !stated.count || !stated.seconds) return undefined;
  const compute = hardwareCompute({ accelerator: stated.accelerator.value, precision: stated.precision, count: stated.count.value, seconds: stated.seconds.value, mfu: stated.mfu.value });
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
  const implied = impliedMfu(flops, accelerator, stated.precision, stated.count!.value, stated.seconds!.value);
  const days = stated.seconds!.value / SECONDS_PER_DAY;
  const direction = estimate.difference > 0 ? 'more' : 'less';
  return {
    severity: 'warning',
    code: 'hardware-mismatch',
    span: stated.seconds!.span,
    message:
      `The stated hardware, ${n.grouped(stated.count!.value)} × ${accelerator.id} for ${trimDays(days)} days at ${mfu} in ${stated.precision.toUpperCase()}, delivers ${n.flops(estimate.flops)} FLOP: ` +
      `${n.percent(Math.abs(estimate.difference))} ${direction} than 6·N·D = ${n.flops(flops)} FLOP, beyond the ±30% margin the Commission allows for estimates.` +
      (implied !== null ? ` 6·N·D would mean an MFU of ${n.percent(implied)}.` : ''),
  };
}

function trimDays(days: number): string {
  return Number.isInteger(days) ? String(days) : days.toFixed(1);
}
