import type { AnalyzeOptions } from '../analysis/types';
import { LOSS_FITS, type LossFit } from '../budget/scaling';
import { THRESHOLD_RULES } from '../budget/thresholds';
import { FINDING_CODES, type FindingCode, type Severity } from '../analysis/findings';
import type { AcceleratorOverride } from '../hardware/accelerators';
import type { Syntax } from '../source/syntax';
import { printable } from '../source/view';

/**
 * Settings arrive as whatever JSON a user (or a workspace they opened) wrote. Every value is
 * checked here, once, against its type and range; what does not fit is dropped and named, so
 * the extension can say so in one warning and the engine never sees a shape it does not expect.
 */

export type SeveritySetting = Severity | 'off';

export interface ValidSettings {
  readonly decorations: boolean;
  readonly thresholdIds: readonly string[] | undefined;
  readonly tokensPerParameter: number;
  readonly lossFit: LossFit['id'];
  readonly severities: Readonly<Partial<Record<FindingCode, SeveritySetting>>>;
  readonly extraKeys: Readonly<Record<string, readonly string[]>>;
  readonly facts: Readonly<Record<string, string | number>>;
  readonly debounceMs: number;
  readonly accelerators: Readonly<Record<string, AcceleratorOverride>>;
  readonly mfu: number;
  readonly pricePerAcceleratorHour: number | undefined;
  readonly allowNetwork: boolean;
}

export const DEFAULT_SETTINGS: ValidSettings = {
  decorations: true,
  thresholdIds: undefined,
  tokensPerParameter: 20,
  lossFit: 'epoch2024',
  severities: {},
  extraKeys: {},
  facts: {},
  debounceMs: 300,
  accelerators: {},
  mfu: 0.4,
  pricePerAcceleratorHour: undefined,
  allowNetwork: false,
};

/** Names an object's own keys can have that would reach `Object.prototype` when used as an index. */
const PROTOTYPE_NAMES = new Set([
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  'valueOf',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);
const SEVERITY_SETTINGS = new Set<string>(['error', 'warning', 'information', 'hint', 'off']);
const CODES = new Set<string>(FINDING_CODES);
const MAX_KEYS = 200;
const SYNTAXES: readonly Syntax[] = ['yaml', 'json', 'toml', 'shell'];

const show = (value: unknown) => printable(typeof value === 'string' ? JSON.stringify(value) : safeJson(value), 60);

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** A plain object's own entries, at most `MAX_KEYS`, prototype names refused. */
function entriesOf(value: unknown, setting: string, ignored: string[]): [string, unknown][] {
  if (value === undefined || value === null) return [];
  if (!isRecord(value)) {
    ignored.push(`${setting}: ${show(value)} is not an object`);
    return [];
  }
  const entries: [string, unknown][] = [];
  for (const key of Object.keys(value)) {
    if (PROTOTYPE_NAMES.has(key)) ignored.push(`${setting}: the key ${show(key)} is not allowed`);
    else if (entries.length < MAX_KEYS) entries.push([key, value[key]]);
  }
  if (Object.keys(value).length > MAX_KEYS) ignored.push(`${setting}: only the first ${MAX_KEYS} keys are read`);
  return entries;
}

function finiteIn(value: unknown, low: number, high: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= low && value <= high;
}

function numberSetting(raw: unknown, setting: string, low: number, high: number, fallback: number, ignored: string[]): number {
  if (raw === undefined || raw === null) return fallback;
  if (finiteIn(raw, low, high)) return raw;
  ignored.push(`${setting}: ${show(raw)} is not a number from ${low} to ${high}`);
  return fallback;
}

/** The options the engine reads, checked; the same rules as the extension's settings. */
export function validateOptions(raw: AnalyzeOptions | undefined, ignored: string[] = []): AnalyzeOptions {
  const options: Record<string, unknown> = isRecord(raw) ? raw : {};
  const thresholdIds = thresholdList(options.thresholdIds, 'thresholds', ignored);
  return {
    facts: factRecord(options.facts, 'facts', ignored),
    tokensPerParameter: numberSetting(options.tokensPerParameter, 'tokensPerParameter', 1, 1e6, DEFAULT_SETTINGS.tokensPerParameter, ignored),
    thresholdIds,
    maxLength: finiteIn(options.maxLength, 0, Number.MAX_SAFE_INTEGER) ? options.maxLength : undefined,
    accelerators: acceleratorRecord(options.accelerators, 'planner.accelerators', ignored),
    extraKeys: extraKeyRecord(options.extraKeys, 'extraKeys', ignored),
    alwaysReport: options.alwaysReport === true,
    layouts: options.layouts === true,
    syntax: SYNTAXES.find((syntax) => syntax === options.syntax),
    numberStyle: options.numberStyle === 'unicode' ? 'unicode' : 'ascii',
    resources: isRecord(options.resources) ? (options.resources as unknown as AnalyzeOptions['resources']) : undefined,
  };
}

/** Every `computeBudget.*` setting, by its name under the section (`decorations.enabled`, `planner.mfu`, …). */
export function validateSettings(raw: Readonly<Record<string, unknown>>): { settings: ValidSettings; ignored: string[] } {
  const ignored: string[] = [];
  const options = validateOptions(
    {
      facts: raw.facts,
      tokensPerParameter: raw.tokensPerParameter,
      thresholdIds: raw.thresholds,
      extraKeys: raw.extraKeys,
      accelerators: raw['planner.accelerators'],
    } as AnalyzeOptions,
    ignored,
  );
  const decorations = raw['decorations.enabled'];
  const fit = raw.lossFit;
  const price = raw['planner.pricePerAcceleratorHour'];
  const network = raw['hub.allowNetwork'];
  if (decorations !== undefined && typeof decorations !== 'boolean') ignored.push(`decorations.enabled: ${show(decorations)} is not true or false`);
  if (fit !== undefined && !LOSS_FITS.some((candidate) => candidate.id === fit))
    ignored.push(`lossFit: ${show(fit)} is not one of ${LOSS_FITS.map((candidate) => candidate.id).join(', ')}`);
  if (price !== undefined && price !== null && !finiteIn(price, 0, 1e9))
    ignored.push(`planner.pricePerAcceleratorHour: ${show(price)} is not a price of zero or more`);
  if (network !== undefined && typeof network !== 'boolean') ignored.push(`hub.allowNetwork: ${show(network)} is not true or false`);
  const settings: ValidSettings = {
    decorations: typeof decorations === 'boolean' ? decorations : DEFAULT_SETTINGS.decorations,
    thresholdIds: options.thresholdIds,
    tokensPerParameter: options.tokensPerParameter ?? DEFAULT_SETTINGS.tokensPerParameter,
    lossFit: LOSS_FITS.find((candidate) => candidate.id === fit)?.id ?? DEFAULT_SETTINGS.lossFit,
    severities: severityRecord(raw['diagnostics.severity'], 'diagnostics.severity', ignored),
    extraKeys: options.extraKeys ?? {},
    facts: options.facts ?? {},
    debounceMs: numberSetting(raw.debounceMs, 'debounceMs', 0, 60_000, DEFAULT_SETTINGS.debounceMs, ignored),
    accelerators: options.accelerators ?? {},
    mfu: numberSetting(raw['planner.mfu'], 'planner.mfu', 0.01, 1, DEFAULT_SETTINGS.mfu, ignored),
    pricePerAcceleratorHour: finiteIn(price, 0, 1e9) ? price : undefined,
    allowNetwork: network === true,
  };
  return { settings, ignored };
}

function thresholdList(raw: unknown, setting: string, ignored: string[]): readonly string[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw)) {
    ignored.push(`${setting}: ${show(raw)} is not a list of threshold ids`);
    return undefined;
  }
  const known = raw.filter((id): id is string => typeof id === 'string' && THRESHOLD_RULES.some((rule) => rule.id === id));
  for (const id of raw)
    if (!known.includes(id as string)) ignored.push(`${setting}: ${show(id)} is not a threshold id (${THRESHOLD_RULES.map((rule) => rule.id).join(', ')})`);
  return known.length > 0 ? known : undefined;
}

function factRecord(raw: unknown, setting: string, ignored: string[]): Record<string, string | number> {
  const out = Object.create(null) as Record<string, string | number>;
  for (const [name, value] of entriesOf(raw, setting, ignored)) {
    if ((typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && value.length <= 64)) out[name] = value;
    else ignored.push(`${setting}.${printable(name, 40)}: ${show(value)} is not a number`);
  }
  return out;
}

function extraKeyRecord(raw: unknown, setting: string, ignored: string[]): Record<string, readonly string[]> {
  const out = Object.create(null) as Record<string, readonly string[]>;
  for (const [known, names] of entriesOf(raw, setting, ignored)) {
    if (!Array.isArray(names)) {
      ignored.push(`${setting}.${printable(known, 40)}: ${show(names)} is not a list of key names`);
      continue;
    }
    const strings = names
      .filter((name): name is string => typeof name === 'string' && name.length > 0 && name.length <= 200 && !PROTOTYPE_NAMES.has(name))
      .slice(0, MAX_KEYS);
    if (strings.length < names.length) ignored.push(`${setting}.${printable(known, 40)}: entries that are not key names were ignored`);
    out[known] = strings;
  }
  return out;
}

function acceleratorRecord(raw: unknown, setting: string, ignored: string[]): Record<string, AcceleratorOverride> {
  const out = Object.create(null) as Record<string, AcceleratorOverride>;
  for (const [id, value] of entriesOf(raw, setting, ignored)) {
    if (!isRecord(value)) {
      ignored.push(`${setting}.${printable(id, 40)}: ${show(value)} is not an object like {"bf16": 989.5}`);
      continue;
    }
    const bf16 = finiteIn(value.bf16, 1e-6, 1e7) ? value.bf16 : undefined;
    const fp8 = value.fp8 === null ? null : finiteIn(value.fp8, 1e-6, 1e7) ? value.fp8 : undefined;
    const name = typeof value.name === 'string' ? printable(value.name, 60) : undefined;
    if ((value.bf16 !== undefined && bf16 === undefined) || (value.fp8 !== undefined && fp8 === undefined))
      ignored.push(`${setting}.${printable(id, 40)}: peaks must be TFLOP/s above zero`);
    out[id] = { bf16, fp8, name };
  }
  return out;
}

function severityRecord(raw: unknown, setting: string, ignored: string[]): Partial<Record<FindingCode, SeveritySetting>> {
  const out = Object.create(null) as Partial<Record<FindingCode, SeveritySetting>>;
  for (const [code, severity] of entriesOf(raw, setting, ignored)) {
    if (!CODES.has(code)) ignored.push(`${setting}: ${show(code)} is not a diagnostic code`);
    else if (typeof severity !== 'string' || !SEVERITY_SETTINGS.has(severity))
      ignored.push(`${setting}.${code}: ${show(severity)} is not error, warning, information, hint or off`);
    else out[code as FindingCode] = severity as SeveritySetting;
  }
  return out;
}
