import { readModel } from '../../architecture/readModel';
import { readContext } from './format';
import type { FormatRecord, ModelRecord } from './types';

/** Stage 3, model: the architecture and its parameter count, as the format reads it (architecture/readModel.ts). */
export function readModelStage(format: FormatRecord): ModelRecord {
  if (format.refused) return { ...format, model: {} };
  return { ...format, model: readModel(format.view, format.framework, readContext(format)) };
}
