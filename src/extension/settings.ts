import * as vscode from 'vscode';
import type { AnalyzeOptions } from '../core/analyze';
import { validateSettings, type ValidSettings } from '../core/settings/settings';
import { printable } from '../core/text/sanitise';
import { SETTINGS_SECTION } from './commandIds';

export type { SeveritySetting } from '../core/settings/settings';

/** The scaling-law lab's settings (issue 13): where the user's own runs and loss logs are. */
export interface LabSettings {
  /** `computeBudget.lossFit` is `"workspace"`: predictions use the user's fit of their runs file. */
  readonly workspaceFit: boolean;
  /** `computeBudget.lab.runsFile`: a workspace-relative path; else the first `*.runs.csv`/`.tsv`/`.jsonl` or `scaling-runs.csv` found. */
  readonly runsFile: string | undefined;
  /** `computeBudget.lab.evalsFile`: evals for the capability boundary; else the first `*.evals.csv`/`.tsv`/`.jsonl` found. */
  readonly evalsFile: string | undefined;
  /** `computeBudget.lab.minTokens`: checkpoints before this many tokens are left out of the fit. */
  readonly minTokens: number | undefined;
  /** `computeBudget.lab.lossLogs`: config path (workspace-relative) → its loss log, beside the `# compute-budget: log=…` directive. */
  readonly lossLogs: Readonly<Record<string, string>>;
}

/** A snapshot of the `computeBudget.*` settings, checked by the core; never mutated. */
export type Settings = ValidSettings & { readonly lab: LabSettings };

/** Every setting the extension contributes, by its name under the section. */
const SETTING_NAMES = [
  'decorations.enabled',
  'thresholds',
  'tokensPerParameter',
  'lossFit',
  'diagnostics.severity',
  'extraKeys',
  'facts',
  'debounceMs',
  'planner.mfu',
  'planner.accelerators',
  'planner.pricePerAcceleratorHour',
  'hub.allowNetwork',
  'lab.runsFile',
  'lab.evalsFile',
  'lab.minTokens',
  'lab.lossLogs',
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
  return validateWithLab(raw);
}

/**
 * The core checks the published settings; `lossFit: "workspace"` and the `lab.*` settings are
 * checked here. With the workspace fit chosen, `lossFit` holds the published fit used until the
 * user's fit is ready (or when it cannot be made): Epoch AI's refit.
 */
export function validateWithLab(raw: Readonly<Record<string, unknown>>): { settings: Settings; ignored: string[] } {
  const workspaceFit = raw.lossFit === 'workspace';
  const { settings, ignored } = validateSettings(workspaceFit ? { ...raw, lossFit: undefined } : raw);
  const runsFile = pathSetting(raw['lab.runsFile'], 'lab.runsFile', ignored);
  const evalsFile = pathSetting(raw['lab.evalsFile'], 'lab.evalsFile', ignored);
  const minTokensRaw = raw['lab.minTokens'];
  let minTokens: number | undefined;
  if (typeof minTokensRaw === 'number' && Number.isFinite(minTokensRaw) && minTokensRaw >= 0 && minTokensRaw <= 1e15) minTokens = minTokensRaw;
  else if (minTokensRaw !== undefined && minTokensRaw !== null)
    ignored.push(`lab.minTokens: ${printable(JSON.stringify(minTokensRaw) ?? '', 60)} is not a token count from 0 to 10¹⁵`);
  const lossLogs = Object.create(null) as Record<string, string>;
  const logsRaw = raw['lab.lossLogs'];
  if (logsRaw !== undefined && logsRaw !== null) {
    if (typeof logsRaw !== 'object' || Array.isArray(logsRaw)) ignored.push('lab.lossLogs: not an object of config path → loss log path');
    else {
      for (const [config, log] of Object.entries(logsRaw as Record<string, unknown>).slice(0, 200)) {
        const configPath = pathSetting(config, `lab.lossLogs key`, ignored);
        const logPath = pathSetting(log, `lab.lossLogs.${printable(config, 40)}`, ignored);
        if (configPath && logPath && !Object.hasOwn(Object.prototype, configPath)) lossLogs[configPath] = logPath;
      }
    }
  }
  return { settings: { ...settings, lab: { workspaceFit, runsFile, evalsFile, minTokens, lossLogs } }, ignored };
}

/** A workspace-relative path: a non-empty string of at most 500 characters, without `..` segments. */
function pathSetting(value: unknown, setting: string, ignored: string[]): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || value.length > 500 || value.split(/[\\/]/).includes('..')) {
    ignored.push(`${setting}: ${printable(JSON.stringify(value) ?? '', 60)} is not a path inside the workspace`);
    return undefined;
  }
  return value;
}

export function analyzeOptions(settings: Settings): AnalyzeOptions {
  return {
    numberStyle: 'unicode',
    facts: settings.facts,
    tokensPerParameter: settings.tokensPerParameter,
    thresholdIds: settings.thresholdIds,
    extraKeys: settings.extraKeys,
    accelerators: settings.accelerators,
  };
}
