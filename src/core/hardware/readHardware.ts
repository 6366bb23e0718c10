import type { Span } from '../source/tree';
import { userFact, type UserFact } from '../source/directives';
import { parseCount } from '../source/quantity';
import { spanOfEntry, type ConfigView, type Located } from '../source/view';
import { findAccelerator, type Accelerator, type Precision } from './accelerators';
import { DEFAULT_MFU } from './estimate';
import { parseWallClock } from './duration';

/** The hardware and duration a config states, each with the key it came from. */
export interface StatedHardware {
  readonly accelerator?: { readonly value: Accelerator; readonly key: string; readonly span: Span };
  readonly count?: { readonly value: number; readonly key: string; readonly span?: Span };
  readonly seconds?: { readonly value: number; readonly key: string; readonly span: Span };
  /** Accelerator-hours stated as one total (`gpu_hours: 200000`), for when count and time are not given apart. */
  readonly acceleratorHours?: { readonly value: number; readonly key: string; readonly span: Span };
  /** A per-chip peak the config states (`peak_tflops: 989`); it replaces the table's figure for the run's precision. */
  readonly peak?: { readonly value: number; readonly key: string; readonly span: Span };
  readonly mfu: { readonly value: number; readonly key?: string };
  readonly precision: Precision;
}

const ACCELERATOR_KEYS = ['accelerator', 'accelerator_type', 'gpu_type', 'gpu', 'device_type', 'tpu_type', 'hardware'];
const COUNT_KEYS = ['count', 'num_accelerators', 'accelerators', 'num_gpus', 'n_gpus', 'gpus', 'world_size', 'num_devices', 'num_chips'];
/** String durations first (`max_time` stops the trainer; `time_limit` is the scheduler's cap). */
const TIME_KEYS = ['max_time', 'time_limit', 'wall_time', 'train_time', 'training_time', 'duration'];
const DAY_KEYS = ['days', 'training_days', 'train_days'];
const HOUR_KEYS = ['hours', 'training_hours', 'train_hours'];
const ACCELERATOR_HOUR_KEYS = ['accelerator_hours', 'gpu_hours', 'tpu_hours', 'chip_hours', 'device_hours'];
/** Per-chip peaks, in the unit each key names: the guidelines' method multiplies by "peak performance". */
const PEAK_KEYS: readonly (readonly [string, number])[] = [
  ['peak_tflops', 1e12],
  ['peak_pflops', 1e15],
  ['peak_flops', 1],
  ['peak_flops_per_second', 1],
];
const MFU_KEYS = ['mfu', 'model_flops_utilization', 'model_flops_utilisation', 'utilization', 'utilisation'];
const PRECISION_KEYS = ['fp8', 'precision', 'mixed_precision', 'dtype'];
/** Lightning's `max_time: {days: 1, hours: 12}`, in seconds. */
const WALL_CLOCK_UNITS: Readonly<Record<string, number>> = { days: 86_400, hours: 3600, minutes: 60, seconds: 1 };

/** Every key name the hardware reader looks up by name (`devices` is read only beside `num_nodes`); the budget schema is checked against it. */
export const HARDWARE_KEYS: readonly string[] = [
  ...ACCELERATOR_KEYS,
  ...COUNT_KEYS,
  ...TIME_KEYS,
  ...DAY_KEYS,
  ...HOUR_KEYS,
  ...ACCELERATOR_HOUR_KEYS,
  ...PEAK_KEYS.map(([key]) => key),
  ...MFU_KEYS,
  ...PRECISION_KEYS,
  ...Object.keys(WALL_CLOCK_UNITS),
  'num_nodes',
];

/**
 * Reads `training.hardware.{accelerator,count,days}`, `gpus`/`num_gpus`/`world_size`,
 * NeMo's `trainer.num_nodes × trainer.devices`, `max_time`/`time_limit` in Slurm or Lightning
 * form, `days`/`hours`, and an optional `mfu`. Reports nothing: a config without hardware is normal.
 */
export function readHardware(view: ConfigView, facts: readonly UserFact[], table?: readonly Accelerator[]): StatedHardware {
  let accelerator: StatedHardware['accelerator'];
  let named: Located | undefined;
  let section: readonly string[] = [];
  for (const name of ACCELERATOR_KEYS) {
    const located = view.find([name]);
    const text = quietText(view, located);
    if (!located || text === undefined) continue;
    named ??= located;
    const found = findAccelerator(text, table);
    if (found) {
      accelerator = { value: found, key: located.path.join('.'), span: spanOfEntry(located.entry) };
      section = located.path.slice(0, -1);
      break;
    }
  }
  const precision = readPrecision(view);
  const peak = readPeak(view, named ? named.path.slice(0, -1) : section);
  if (peak) {
    if (!section.length && named) section = named.path.slice(0, -1);
    accelerator = withStatedPeak(accelerator, peak, precision, named ? quietText(view, named) : undefined, named);
  }
  return {
    accelerator,
    count: readCount(view, facts, section),
    seconds: readSeconds(view, section),
    acceleratorHours: readAcceleratorHours(view, section),
    peak,
    mfu: readMfu(view),
    precision,
  };
}

/** A stated peak replaces the table's figure (or names a chip the table lacks) for the run's precision. */
function withStatedPeak(
  known: StatedHardware['accelerator'],
  peak: NonNullable<StatedHardware['peak']>,
  precision: Precision,
  name: string | undefined,
  named: Located | undefined,
): StatedHardware['accelerator'] {
  const source = `peak stated in the config (${peak.key})`;
  if (known) return { ...known, value: { ...known.value, [precision]: peak.value, source } };
  const id = name?.trim() || 'accelerator';
  const value: Accelerator = { id, name: name?.trim() || 'the stated accelerator', bf16: peak.value, fp8: peak.value, source, aliases: [] };
  return named ? { value, key: named.path.join('.'), span: spanOfEntry(named.entry) } : { value, key: peak.key, span: peak.span };
}

function readPeak(view: ConfigView, section: readonly string[]): StatedHardware['peak'] {
  for (const [name, unit] of PEAK_KEYS) {
    const located = (section.length ? view.at([...section, name]) : undefined) ?? view.find([name]);
    const value = positiveNumber(view, located);
    if (located && value !== undefined) return { value: value * unit, key: located.path.join('.'), span: spanOfEntry(located.entry) };
  }
  return undefined;
}

function readAcceleratorHours(view: ConfigView, section: readonly string[]): StatedHardware['acceleratorHours'] {
  for (const name of ACCELERATOR_HOUR_KEYS) {
    const located = (section.length ? view.at([...section, name]) : undefined) ?? view.find([name]);
    const value = positiveNumber(view, located);
    if (located && value !== undefined) return { value, key: located.path.join('.'), span: spanOfEntry(located.entry) };
  }
  return undefined;
}

function readCount(view: ConfigView, facts: readonly UserFact[], section: readonly string[]): StatedHardware['count'] {
  const given = userFact(facts, 'gpus');
  if (given) return { value: given.value, key: 'compute-budget: gpus', span: given.span };
  // Beside the accelerator first (`hardware: {accelerator: H100, count: 1024}`), then anywhere.
  for (const name of COUNT_KEYS) {
    const located = section.length ? view.at([...section, name]) : undefined;
    const value = positiveInteger(view, located);
    if (located && value !== undefined) return { value, key: located.path.join('.'), span: spanOfEntry(located.entry) };
  }
  for (const name of COUNT_KEYS.filter((key) => key !== 'count' && key !== 'accelerators')) {
    const located = view.find([name]);
    const value = positiveInteger(view, located);
    if (located && value !== undefined) return { value, key: located.path.join('.'), span: spanOfEntry(located.entry) };
  }
  // NeMo / Lightning: trainer.num_nodes × trainer.devices.
  const nodes = view.find(['num_nodes']);
  const devices = nodes ? view.at([...nodes.path.slice(0, -1), 'devices']) : undefined;
  const n = positiveInteger(view, nodes);
  const d = positiveInteger(view, devices);
  if (nodes && n !== undefined && d !== undefined) return { value: n * d, key: `${nodes.path.join('.')} × devices`, span: spanOfEntry(nodes.entry) };
  return undefined;
}

function readSeconds(view: ConfigView, section: readonly string[]): StatedHardware['seconds'] {
  const near = (name: string) => (section.length ? view.at([...section, name]) : undefined) ?? view.find([name]);
  for (const name of TIME_KEYS) {
    const located = near(name);
    if (!located) continue;
    const seconds = located.entry.value.kind === 'map' ? dictSeconds(view, located) : parseWallClock(quietText(view, located));
    if (seconds !== undefined) return { value: seconds, key: located.path.join('.'), span: spanOfEntry(located.entry) };
  }
  for (const [keys, unit] of [
    [DAY_KEYS, 86_400],
    [HOUR_KEYS, 3600],
  ] as const) {
    for (const name of keys) {
      const located = near(name);
      const value = positiveNumber(view, located);
      if (located && value !== undefined) return { value: value * unit, key: located.path.join('.'), span: spanOfEntry(located.entry) };
    }
  }
  return undefined;
}

/** Lightning's `max_time: {days: 1, hours: 12}`. */
function dictSeconds(view: ConfigView, located: Located): number | undefined {
  let total = 0;
  for (const [unit, factor] of Object.entries(WALL_CLOCK_UNITS)) {
    const value = positiveNumber(view, view.at([...located.path, unit]));
    if (value !== undefined) total += value * factor;
  }
  return total > 0 ? total : undefined;
}

function readMfu(view: ConfigView): StatedHardware['mfu'] {
  const located = view.find(MFU_KEYS);
  const value = positiveNumber(view, located);
  if (located && value !== undefined) {
    // 0.4 or 40 (per cent) both appear in practice.
    const fraction = value > 1 && value <= 100 ? value / 100 : value;
    if (fraction > 0 && fraction <= 1) return { value: fraction, key: located.path.join('.') };
  }
  return { value: DEFAULT_MFU };
}

function readPrecision(view: ConfigView): Precision {
  for (const name of PRECISION_KEYS) {
    const located = view.find([name]);
    const node = located?.entry.value;
    if (name === 'fp8' && node?.kind === 'scalar' && node.value === true) return 'fp8';
    const text = quietText(view, located);
    if (text && /fp8|float8/i.test(text)) return 'fp8';
  }
  return 'bf16';
}

function quietText(view: ConfigView, located: Located | undefined): string | undefined {
  const node = located?.entry.value;
  if (!node || node.kind !== 'scalar') return undefined;
  const value = node.source ?? node.value;
  if (typeof value === 'string' && value.includes('${')) return view.text(located);
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

function positiveNumber(view: ConfigView, located: Located | undefined): number | undefined {
  const text = quietText(view, located);
  if (text === undefined) return undefined;
  const parsed = parseCount(text);
  return parsed.ok && parsed.value > 0 && Number.isFinite(parsed.value) ? parsed.value : undefined;
}

function positiveInteger(view: ConfigView, located: Located | undefined): number | undefined {
  const value = positiveNumber(view, located);
  return value !== undefined && Number.isInteger(value) ? value : undefined;
}
