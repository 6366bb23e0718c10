import { acceleratorTable } from '../../hardware/accelerators';
import { readHardware } from '../../hardware/readHardware';
import type { HardwareRecord, TrainingRecord } from './types';

/** Stage 5, hardware: the accelerators and time the config states, for the Commission's hardware method. */
export function readHardwareStage(training: TrainingRecord): HardwareRecord {
  if (training.refused || training.foreign) return training;
  return { ...training, hardware: readHardware(training.view, training.userFacts, acceleratorTable(training.options.accelerators)) };
}
