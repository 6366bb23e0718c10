import * as vscode from 'vscode';
import type { AnalyzeOptions } from '../core/analyze';
import { validateSettings, type ValidSettings } from '../core/settings';
import { SETTINGS_SECTION } from './commandIds';

export type { SeveritySetting } from '../core/settings';

/** A snapshot of the `computeBudget.*` settings, checked by the core; never mutated. */
export type Settings = ValidSettings;

/** Every setting the extension contributes, by its name under the section. */
const SETTING_NAMES = [
  'decorations.enabled', 'thresholds', 'tokensPerParameter', 'lossFit', 'diagnostics.severity', 'extraKeys', 'facts', 'debounceMs',
  'planner.mfu', 'planner.accelerators', 'planner.pricePerAcceleratorHour', 'hub.allowNetwork',
] as const;

/**
 * Reads and checks the settings. A value of the wrong type or out of range (a workspace's
 * `.vscode/settings.json` may hold anything) falls back to its default and is named in
 * `ignored`, so the caller can say so once instead of the engine meeting a shape it does not expect.
 */
export function readSettings(): { settings: Settings; ignored: string[] } {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const raw: Record<string, unknown> = {};
  for (const name of SETTING_NAMES) raw[name] = config.get<unknown>(name);
  return validateSettings(raw);
}

export function analyzeOptions(settings: Settings): AnalyzeOptions {
  return { numberStyle: 'unicode', facts: settings.facts, tokensPerParameter: settings.tokensPerParameter, thresholdIds: settings.thresholdIds, extraKeys: settings.extraKeys, accelerators: settings.accelerators };
}
