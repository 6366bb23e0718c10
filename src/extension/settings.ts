import * as vscode from 'vscode';
import type { AnalyzeOptions } from '../core/analyze';
import type { LossFit } from '../core/budget/scaling';
import type { FindingCode, Severity } from '../core/findings';
import type { AcceleratorOverride } from '../core/hardware/accelerators';
import { SETTINGS_SECTION } from './commandIds';

export type SeveritySetting = Severity | 'off';

/** A snapshot of the `computeBudget.*` settings; read once per change, never mutated. */
export interface Settings {
  readonly decorations: boolean;
  readonly thresholdIds: readonly string[] | undefined;
  readonly tokensPerParameter: number;
  readonly lossFit: LossFit['id'];
  readonly severities: Readonly<Partial<Record<FindingCode, SeveritySetting>>>;
  readonly extraKeys: Readonly<Record<string, readonly string[]>>;
  readonly facts: Readonly<Record<string, string | number>>;
  readonly debounceMs: number;
  readonly accelerators: Readonly<Record<string, AcceleratorOverride>>;
  /** Fetch a named model's config.json from the Hugging Face Hub when the local cache lacks it. */
  readonly hubAllowNetwork: boolean;
}

export function readSettings(): Settings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const thresholds = config.get<string[]>('thresholds');
  return {
    decorations: config.get<boolean>('decorations.enabled', true),
    thresholdIds: thresholds && thresholds.length ? thresholds : undefined,
    tokensPerParameter: positive(config.get<number>('tokensPerParameter', 20), 20),
    lossFit: config.get<LossFit['id']>('lossFit', 'epoch2024'),
    severities: config.get<Record<string, SeveritySetting>>('diagnostics.severity', {}) as Settings['severities'],
    extraKeys: config.get<Record<string, string[]>>('extraKeys', {}),
    facts: config.get<Record<string, string | number>>('facts', {}),
    debounceMs: Math.max(0, config.get<number>('debounceMs', 300)),
    accelerators: config.get<Record<string, AcceleratorOverride>>('planner.accelerators', {}) ?? {},
    hubAllowNetwork: config.get<boolean>('hub.allowNetwork', false) === true,
  };
}

export function analyzeOptions(settings: Settings): AnalyzeOptions {
  return { facts: settings.facts, tokensPerParameter: settings.tokensPerParameter, thresholdIds: settings.thresholdIds, extraKeys: settings.extraKeys, accelerators: settings.accelerators };
}

function positive(value: number, fallback: number): number {
  return Number.isFinite(value) && value > 0 ? value : fallback;
}
