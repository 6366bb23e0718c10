import type { NumberFormat } from '../../report/format';
import type { Span } from '../../source/tree';
import type { Finding } from '../findings';
import type { BudgetRecord } from '../stages/types';
import { ADAPTER_CONFIG_NEEDED } from '../../training/pointedAdapter';

/*
 * The findings about the run's own figures: a length past any real run, a staged run without its
 * earlier stages, adapters on unknown layers, a fine-tune's cumulative compute, unknown tokens.
 */

/** The training length multiplies out past any real run (10³⁰ tokens): it is ignored. */
export function outOfRangeFinding(budget: BudgetRecord, n: NumberFormat): Finding | undefined {
  const { statedTokens, tokens, training } = budget;
  if (statedTokens === null || tokens !== null) return undefined;
  return {
    severity: 'error',
    code: 'out-of-range',
    span: training.anchor ?? { start: 0, end: 0 },
    message: `The training length multiplies out to ${n.flops(statedTokens)} tokens${training.derivation ? ` (${training.derivation.slice(0, 120)})` : ''}, beyond any real training run; it is ignored.`,
  };
}

/** A run that continues from a checkpoint without its earlier stages stated: no Chinchilla comparison. */
export function stagedRunFinding(budget: BudgetRecord): Finding | undefined {
  const { stageUnknown, tokens, fineTune, stages } = budget;
  if (!stageUnknown || tokens === null || fineTune) return undefined;
  return {
    severity: 'information',
    code: 'staged-run',
    span: stages.resumesFrom!.span,
    message: `This run continues from a checkpoint (${stages.resumesFrom!.key}): the model's compute includes its earlier stages, and tokens per parameter belongs to the whole run, so no Chinchilla comparison is made. State the earlier stages as prior_tokens= or prior_flops=.`,
    fixes: [{ kind: 'add-fact', fact: 'prior_tokens', title: 'Add the tokens of the earlier stages (compute-budget comment)' }],
  };
}

/** LoRA targets that are no layer the count knows: their adapters are not counted. */
export function unknownAdapterTargetsFinding(budget: BudgetRecord): Finding | undefined {
  const adapter = budget.adapterCount;
  if (!adapter || !adapter.unknown.length) return undefined;
  return {
    severity: 'information',
    code: 'assumed-value',
    span: adapter.span,
    message: `LoRA targets ${adapter.unknown.map((name) => `"${name}"`).join(', ')} are not layers this count knows; their adapters are not counted among the trainable parameters.`,
  };
}

/** Fine-tuning a catalogued model: regulation counts the base's pretraining too. */
export function cumulativeFinding(budget: BudgetRecord, where: Span, n: NumberFormat): Finding | undefined {
  const { model, baseFlops, flops, cumulativeFlops } = budget;
  const baseModel = model.startsFrom?.model;
  if (!baseModel || !(baseFlops > 0) || flops === null) return undefined;
  return {
    severity: 'information',
    code: 'fine-tuning-cumulative',
    message: `Fine-tuning ${baseModel.id} adds ${n.flops(flops)} FLOP to its ${n.flops(baseFlops)} FLOP of pretraining (${baseModel.tokensSource}); regulation counts the cumulative ${n.flops(cumulativeFlops!)} FLOP.`,
    span: model.anchor ?? where,
  };
}

/** A fine-tune whose trainer's compute needs a model the config does not size (a reward model, a teacher). */
export function trainerNeedsFinding(budget: BudgetRecord, where: Span): Finding | undefined {
  const { fineTune, tokens, model } = budget;
  if (!fineTune?.compute?.needs || tokens === null) return undefined;
  return {
    severity: 'information',
    code: 'missing-architecture',
    span: model.anchor ?? where,
    message: `This ${fineTune.trainer} run's compute needs ${fineTune.compute.needs} (${fineTune.compute.formula} per token); ${
      fineTune.compute.needs === ADAPTER_CONFIG_NEEDED
        ? "point the config at the adapter's folder in the workspace"
        : 'state it with a compute-budget fact or name a catalog model'
    }.`,
  };
}
