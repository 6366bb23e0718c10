import * as vscode from 'vscode';
import type { AcceleratorOverride } from '../../core/hardware/accelerators';
import { DEFAULT_MFU } from '../../core/hardware/estimate';
import { SETTINGS_SECTION } from '../commandIds';

/** The `computeBudget.planner.*` settings, read when a plan starts. */
export interface PlannerSettings {
  readonly mfu: number;
  readonly accelerators: Readonly<Record<string, AcceleratorOverride>>;
  readonly pricePerAcceleratorHour: number | undefined;
}

export function readPlannerSettings(): PlannerSettings {
  const config = vscode.workspace.getConfiguration(`${SETTINGS_SECTION}.planner`);
  const mfu = config.get<number>('mfu', DEFAULT_MFU);
  const price = config.get<number | null>('pricePerAcceleratorHour', null);
  return {
    mfu: typeof mfu === 'number' && mfu > 0 && mfu <= 1 ? mfu : DEFAULT_MFU,
    accelerators: config.get<Record<string, AcceleratorOverride>>('accelerators', {}) ?? {},
    pricePerAcceleratorHour: typeof price === 'number' && price >= 0 ? price : undefined,
  };
}
