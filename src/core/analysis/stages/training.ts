import { NO_PENDING } from '../../resources/resources';
import { readAdapter } from '../../training/adapters';
import { readTrainerArgs } from '../../training/hfTrainer/trainerArgs';
import { readPointedAdapter } from '../../training/pointedAdapter';
import { readLifecycle } from '../../training/lifecycle';
import { withPriorConfig } from '../../training/priorConfig';
import { readTokens } from '../../training/tokens';
import { readContext } from './format';
import type { AnalyzeLinked, ModelRecord, TrainingRecord } from './types';

/**
 * Stage 4, training: how many tokens the run trains on, its adapters and trainer, and the earlier stages it
 * continues (a linked `prior_config` is analysed through `analyzeLinked`, injected by the composer).
 */
export function readTrainingStage(model: ModelRecord, chain: readonly string[], analyzeLinked: AnalyzeLinked): TrainingRecord {
  const { view, framework, userFacts, findings, options } = model;
  if (model.refused) return { ...model, training: { factors: [] }, lifecycle: {}, pending: options.pending ?? NO_PENDING };
  const context = readContext(model);
  const training = framework.readTokens?.(view, context) ?? readTokens(view, framework.training, userFacts, findings);
  if (model.foreign) return { ...model, training, lifecycle: {}, pending: NO_PENDING };
  findings.push(...view.findings);
  // Read before the pending list is taken: a linked earlier stage may be a file the host has yet to read.
  const lifecycle = withPriorConfig(readLifecycle(view, userFacts), context, chain, analyzeLinked);
  // An adapter the run resumes is read from its own folder, also before the pending list is taken.
  const adapter = readPointedAdapter(view, context, readAdapter(view));
  const pending = model.lookups.pending;
  return { ...model, training, lifecycle, adapter, trainerArgs: readTrainerArgs(view, model.fileName), pending };
}
