import { overtrainingBand } from '../../budget/overtraining';
import { allocateAtRatio, CHINCHILLA_TOKENS_PER_PARAMETER, LOSS_FITS, predictLoss, trainingCompute } from '../../budget/scaling';
import { evaluateThresholds, THRESHOLD_RULES } from '../../budget/thresholds';
import { detailedFlops } from '../../budget/detailedFlops';
import { estimateFromHardware } from '../../hardware/mismatch';
import { countAdapter } from '../../training/adapters';
import { fineTuneCompute, type FineTuneReading } from '../../training/hfTrainer/fineTuneCompute';
import { modifierTest } from '../../training/hfTrainer/modifierTest';
import { perRun } from '../../training/hfTrainer/trainerCompute';
import { lifecycle, type Lifecycle } from '../../training/lifecycle';
import type { Analysis, FineTune } from '../types';
import type { BudgetRecord, MemoryRecord, ScopedRecord } from './types';

/** More training tokens than this (10³⁰) is no run: the largest today are near 10¹⁴. */
const MAX_TOKENS = 1e30;

type Figures<K extends keyof BudgetRecord> = Pick<BudgetRecord, K>;

/**
 * Stage 8, budget: every figure of the run (compute by either of the Commission's methods, the
 * whole lifecycle's compute, tokens per parameter, thresholds, loss), before any of it is judged.
 */
export function computeBudget(scoped: MemoryRecord): BudgetRecord {
  const { options, model } = scoped;
  const target = options.tokensPerParameter && options.tokensPerParameter > 0 ? options.tokensPerParameter : CHINCHILLA_TOKENS_PER_PARAMETER;
  const total = model.total?.value ?? null;
  const active = model.active?.value ?? total;
  // Every factor of a token count is bounded where it is read, but their product need not be
  // (10³⁰ steps × 10³⁰ tokens per step): past any real run the length is refused at its key.
  const statedTokens = scoped.training.tokens?.value ?? null;
  const tokens = statedTokens !== null && statedTokens <= MAX_TOKENS ? statedTokens : null;
  const run = runCompute(scoped, active, tokens);
  const attention = attentionFlops(scoped, run.architectureFlops, run.adapterCount, tokens);
  const whole = wholeLifecycle(scoped, active, run);
  const allocation = chinchilla(scoped, target, active, tokens, whole.fineTune);
  const rules = THRESHOLD_RULES.filter((rule) => !options.thresholdIds || options.thresholdIds.includes(rule.id));
  const thresholds = whole.cumulativeFlops !== null ? evaluateThresholds(whole.cumulativeFlops, rules) : [];
  const loss =
    active !== null && tokens !== null && tokens > 0 && !whole.fineTune
      ? LOSS_FITS.map((fit) => ({ fit: fit.id, label: fit.label, loss: predictLoss(fit, active, tokens) }))
      : [];
  const computeOptimal = run.flops !== null && !whole.fineTune ? allocateAtRatio(run.flops, target) : null;
  return { ...scoped, target, total, active, statedTokens, tokens, ...run, ...attention, ...whole, ...allocation, rules, thresholds, loss, computeOptimal };
}

/**
 * This run's compute: 6·N·D (the architecture method), (4·N + 2·N_trainable)·D with adapters,
 * or, when that is unknown, accelerators × time × peak × utilisation (the hardware method).
 */
function runCompute(
  scoped: ScopedRecord,
  active: number | null,
  tokens: number | null,
): Figures<'adapterCount' | 'tuned' | 'architectureFlops' | 'hardwareEstimate' | 'flops' | 'method'> {
  const { hardware, adapter: settings, model } = scoped;
  const adapterCount = settings && !settings.needs && model.architecture ? countAdapter(settings, model.architecture) : null;
  // A fine-tune's compute per token is its trainer's (reference, rollouts, teacher): see fineTuneCompute.
  const tuned = model.startsFrom ? fineTuneCompute(scoped.trainerArgs ?? {}, settings, adapterCount, active) : undefined;
  // Adapters: the frozen model runs forward and back, only the adapters' weights get gradients.
  const architectureFlops =
    active !== null && tokens !== null
      ? tuned?.compute
        ? tuned.compute.perToken !== null
          ? tuned.compute.perToken * tokens
          : null
        : adapterCount
          ? (4 * active + 2 * adapterCount.trainable) * tokens
          : trainingCompute(active, tokens)
      : null;
  const hardwareEstimate = hardware ? (estimateFromHardware(hardware, architectureFlops) ?? null) : null;
  const flops = architectureFlops ?? hardwareEstimate?.flops ?? null;
  const method: Analysis['method'] = architectureFlops !== null ? 'architecture' : hardwareEstimate ? 'hardware' : null;
  return { adapterCount, tuned, architectureFlops, hardwareEstimate, flops, method };
}

/** 6·N·D plus attention's own work (Kaplan et al. 2020, eq. 2.2), and the component-by-component count trainers' MFU counters use. */
function attentionFlops(
  scoped: ScopedRecord,
  architectureFlops: number | null,
  adapter: BudgetRecord['adapterCount'],
  tokens: number | null,
): Figures<'flopsWithAttention' | 'detailedFlops'> {
  const { model, training } = scoped;
  const arch = model.architecture;
  const sequence = training.factors.find((factor) => factor.key && /seq|context|block_size/i.test(factor.key))?.value ?? arch?.learnedPositions?.value;
  const flopsWithAttention =
    architectureFlops !== null && arch && sequence
      ? architectureFlops + 6 * arch.layers.value * sequence * arch.heads.value * arch.headDim.value * tokens!
      : null;
  const detailed = architectureFlops !== null && !adapter && arch && sequence ? detailedFlops(arch, { sequenceLength: sequence, count: model.count }) : null;
  const detailedTotal =
    detailed && Number.isFinite(detailed.perToken) && detailed.perToken > 0
      ? { ...detailed, total: detailed.perToken * tokens!, fullAttentionTotal: detailed.fullAttentionPerToken * tokens!, sequenceLength: sequence! }
      : null;
  return { flopsWithAttention, detailedFlops: detailedTotal };
}

/** The model's whole training compute as regulation counts it: this run, the base's pretraining, earlier stages. */
function wholeLifecycle(
  scoped: ScopedRecord,
  active: number | null,
  run: Figures<'tuned' | 'flops' | 'method'>,
): Figures<'baseFlops' | 'totals' | 'cumulativeFlops' | 'fineTune' | 'stages'> {
  const { model, adapter: adapterSettings } = scoped;
  const { tuned, flops, method } = run;
  const stages = scoped.lifecycle ?? {};
  const startsFrom = model.startsFrom;
  const baseModel = startsFrom?.model;
  const base = baseModel?.trainingTokens && model.total ? trainingCompute(model.active!.value, baseModel.trainingTokens) : 0;
  const how =
    method === 'hardware'
      ? 'hardware method'
      : tuned?.compute
        ? perRun(tuned.compute.formula)
        : adapterSettings && model.architecture
          ? '(4·N + 2·N_trainable)·D'
          : '6·N·D';
  const totals: Lifecycle | null =
    flops !== null
      ? lifecycle(
          { flops, what: startsFrom ? 'this fine-tune' : 'this run', how },
          active,
          base > 0 ? { what: `pretraining of ${baseModel!.id}`, flops: base } : undefined,
          stages,
        )
      : null;
  const fineTune = startsFrom ? fineTuneFigures(startsFrom, tuned!, flops, base) : null;
  return { baseFlops: base, totals, cumulativeFlops: totals?.total ?? null, fineTune, stages };
}

/** A fine-tune's figures beside its base's pretraining: its trainer, method, compute per token and the one-third test. */
function fineTuneFigures(startsFrom: NonNullable<ScopedRecord['model']['startsFrom']>, tuned: FineTuneReading, flops: number | null, base: number): FineTune {
  return {
    base: startsFrom.model?.id ?? startsFrom.name,
    baseTokens: startsFrom.model?.trainingTokens ?? null,
    baseFlops: base > 0 ? base : null,
    share: base > 0 && flops !== null ? flops / base : null,
    trainer: tuned.trainer,
    trainerReason: tuned.because,
    method: tuned.method,
    compute: tuned.compute ?? null,
    modifierTest: modifierTest(flops, base > 0 ? base : null),
  };
}

/**
 * Tokens per parameter against the target. A staged run's is the whole run's, so without its
 * earlier stages it cannot be judged; a fine-tune is not a pre-training allocation: no comparison.
 */
function chinchilla(
  scoped: ScopedRecord,
  target: number,
  active: number | null,
  tokens: number | null,
  fineTune: FineTune | null,
): Figures<'stageUnknown' | 'runTokens' | 'tokensPerParameter' | 'chinchillaTokens' | 'chinchillaMultiple' | 'band'> {
  const stages = scoped.lifecycle ?? {};
  const stageUnknown = !!stages.resumesFrom && stages.priorTokens === undefined && stages.priorFlops === undefined;
  const runTokens =
    tokens !== null ? tokens + (stages.priorTokens ?? (stages.priorFlops !== undefined && active ? stages.priorFlops / (6 * active) : 0)) : null;
  const tokensPerParameter = active !== null && runTokens !== null ? runTokens / active : null;
  const chinchillaTokens = active !== null && !fineTune ? active * target : null;
  const chinchillaMultiple = tokensPerParameter !== null && !fineTune && !stageUnknown ? tokensPerParameter / target : null;
  const band = chinchillaMultiple !== null ? overtrainingBand(chinchillaMultiple) : null;
  return { stageUnknown, runTokens, tokensPerParameter, chinchillaTokens, chinchillaMultiple, band };
}
