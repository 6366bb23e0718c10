import type { AcceleratorOverride } from '../../core/hardware/accelerators';
import { readSettings } from '../settings';

/** The `computeBudget.planner.*` settings, read when a plan starts. */
export interface PlannerSettings {
  readonly mfu: number;
  readonly accelerators: Readonly<Record<string, AcceleratorOverride>>;
  readonly pricePerAcceleratorHour: number | undefined;
}

export function readPlannerSettings(): PlannerSettings {
  const { settings } = readSettings();
  return { mfu: settings.mfu, accelerators: settings.accelerators, pricePerAcceleratorHour: settings.pricePerAcceleratorHour };
}
