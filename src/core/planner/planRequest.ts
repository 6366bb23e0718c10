import type { AcceleratorOverride } from '../hardware/accelerators';
import { LOSS_FITS } from '../budget/scaling';
import { parseCount } from '../source/quantity';
import { PlanError, type PlanInput, type PlanTarget } from './plan';
import { parseTarget } from './parseTarget';

/**
 * A plan as people ask for it, in words and numbers as typed: the CLI's flags and the "Plan
 * compute budget" command's arguments (keybindings, tasks, tests) are both this, read by one function.
 */
export interface PlanRequest {
  /** A compute budget: `5.76e23`, `1e24`. */
  readonly flops?: number | string;
  /** An accelerator by name: with `count` and `days` the budget, with `flops` the hardware to time it on. */
  readonly gpu?: string;
  readonly count?: number | string;
  readonly days?: number | string;
  readonly mfu?: number | string;
  readonly precision?: string;
  readonly pricePerAcceleratorHour?: number | string;
  /** `chinchilla`, `multiple:4`, `parameters:7B`, `inference:2T`, or a target object. */
  readonly target?: string | PlanTarget;
  readonly fit?: string;
}

/** What fills what the request leaves out: settings, and the open config's compute. */
export interface PlanDefaults {
  readonly accelerators?: Readonly<Record<string, AcceleratorOverride>>;
  readonly mfu?: number;
  readonly pricePerAcceleratorHour?: number;
  readonly fit?: PlanInput['fit'];
  /** The compute of the config the plan starts from, used when neither flops nor hardware is asked for. */
  readonly flops?: number | null;
}

/** How a field is named in messages: `--price-per-hour` on the command line, `pricePerAcceleratorHour` in arguments. */
export type FieldName = (field: keyof PlanRequest) => string;

const AS_ARGUMENT: FieldName = (field) => field;

/** The plan input a request means; a PlanError names the field that is wrong. */
export function planInputFrom(request: PlanRequest, defaults: PlanDefaults = {}, name: FieldName = AS_ARGUMENT): PlanInput {
  const count = (field: 'flops' | 'count', example: string): number | undefined => {
    const value = request[field];
    if (value === undefined) return undefined;
    const parsed = parseCount(value);
    if (!parsed.ok) throw new PlanError(`${name(field)} must be a number (e.g. ${example}), not ${JSON.stringify(String(value).slice(0, 40))}`);
    return parsed.value;
  };
  const plain = (field: 'days' | 'mfu' | 'pricePerAcceleratorHour'): number | undefined => {
    const value = request[field];
    if (value === undefined) return undefined;
    const number = typeof value === 'number' ? value : String(value).trim() === '' ? NaN : Number(value);
    if (!Number.isFinite(number)) throw new PlanError(`${name(field)} must be a number, not ${JSON.stringify(String(value).slice(0, 40))}`);
    return number;
  };
  const precision = request.precision;
  if (precision !== undefined && precision !== 'bf16' && precision !== 'fp8') throw new PlanError(`${name('precision')} must be bf16 or fp8`);
  // A fit asked for by name is one of the published ones; the default may be the user's own law.
  if (request.fit !== undefined && !LOSS_FITS.some((each) => each.id === request.fit))
    throw new PlanError(`${name('fit')} must be one of ${LOSS_FITS.map((each) => each.id).join(', ')}`);
  const fit = (request.fit as PlanInput['fit']) ?? defaults.fit;
  const target = typeof request.target === 'string' ? parseTarget(request.target) : (request.target ?? { kind: 'chinchilla' as const });
  const gpu = request.gpu?.trim() || undefined;
  const chips = count('count', '1024');
  const days = plain('days');
  const mfu = plain('mfu') ?? defaults.mfu;
  const common = {
    target,
    fit,
    mfu,
    precision: precision as PlanInput['precision'],
    accelerators: defaults.accelerators,
    pricePerAcceleratorHour: plain('pricePerAcceleratorHour') ?? defaults.pricePerAcceleratorHour,
  };
  const flops = count('flops', '5.76e23 or 1e24') ?? (gpu ? undefined : (defaults.flops ?? undefined));
  if (flops !== undefined) return { ...common, budget: { kind: 'flops', flops }, accelerator: gpu, count: chips };
  if (gpu !== undefined) {
    if (chips === undefined || days === undefined) throw new PlanError(`${name('gpu')} needs ${name('count')} and ${name('days')} (or give ${name('flops')})`);
    return { ...common, budget: { kind: 'hardware', accelerator: gpu, count: chips, days, mfu, precision: common.precision } };
  }
  throw new PlanError(`give ${name('flops')}, or ${name('gpu')} with ${name('count')} and ${name('days')}`);
}
