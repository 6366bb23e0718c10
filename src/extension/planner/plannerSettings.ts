import type { AcceleratorOverride } from '../../core/hardware/accelerators';
import type { Settings } from '../settings';

/** The `computeBudget.planner.*` settings, read when a plan starts. */
export interface PlannerSettings {
  readonly mfu: number;
  readonly accelerators: Readonly<Record<string, AcceleratorOverride>>;
  readonly pricePerAcceleratorHour: number | undefined;
}

export function plannerSettings(settings: Settings): PlannerSettings {
  return { mfu: settings.mfu, accelerators: settings.accelerators, pricePerAcceleratorHour: settings.pricePerAcceleratorHour };
}
