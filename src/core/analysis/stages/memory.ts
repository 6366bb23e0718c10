import { acceleratorTable } from '../../hardware/accelerators';
import { memoryStage, NO_MEMORY, type MemoryOutcome } from '../../memory/memoryStage';
import { readContext } from './format';
import type { MemoryRecord, ScopedRecord } from './types';

/**
 * Stage 7, memory: memory per device, step time and serving memory (memory/memoryStage.ts), for a
 * training config whose reading all counts; nothing for any other file.
 */
export function estimateMemoryStage(scoped: ScopedRecord): MemoryRecord {
  const read = scoped.reading;
  if (!read) return { ...scoped, memory: apart(NO_MEMORY).memory };
  const table = acceleratorTable(scoped.options.accelerators);
  const { model, training, hardware, adapter } = scoped;
  const { findings, memory } = apart(
    memoryStage({
      framework: read.framework.id,
      view: read.view,
      context: readContext(read),
      model,
      training,
      hardware,
      table,
      adapter,
      layouts: scoped.options.layouts === true,
    }),
  );
  scoped.findings.push(...findings);
  // A DeepSpeed JSON the config names is read through the host: ask for it with the rest.
  return { ...scoped, memory, pending: read.lookups.pending };
}

/** The outcome's findings apart from its figures (which keep their order in the Analysis record). */
function apart(outcome: MemoryOutcome): { findings: MemoryOutcome['findings']; memory: MemoryRecord['memory'] } {
  const { findings, ...memory } = outcome;
  return { findings, memory };
}
