import { ASCII_NUMBERS } from '../report/format';
import { allocateAtRatio, allocateKaplan, CHINCHILLA_TOKENS_PER_PARAMETER, LOSS_FITS, trainingCompute } from '../budget/scaling';
import { EU_NOTIFICATION_DUTY, evaluateThresholds, THRESHOLD_RULES, type ThresholdResult, type ThresholdRule } from '../budget/thresholds';
import { acceleratorTable, findAccelerator, peakFlops, type Accelerator, type AcceleratorOverride, type Precision } from '../hardware/accelerators';
import { DEFAULT_MFU, hardwareCompute, SECONDS_PER_DAY, timeToTrain } from '../hardware/estimate';
import { sureAllocation, type SplitUncertainty } from '../lab/allocation';
import { computeOptimal, predictLoss } from '../lab/lossLaw';
import { resolveFit, type FitChoice, type Law, type LawId } from './fitChoice';
import { inferenceAwarePlan } from './inferenceAware';

/** What a person starts from: a compute budget, or hardware for a time. */
export type PlanBudget =
  | { readonly kind: 'flops'; readonly flops: number }
  | {
      readonly kind: 'hardware';
      readonly accelerator: string;
      readonly count: number;
      readonly days: number;
      readonly mfu?: number;
      readonly precision?: Precision;
    };

/** How to spend it. */
export type PlanTarget =
  | { readonly kind: 'chinchilla' }
  /** K × Chinchilla's tokens per parameter (K = 4 → 80 tokens per parameter). */
  | { readonly kind: 'multiple'; readonly multiple: number }
  | { readonly kind: 'parameters'; readonly parameters: number }
  /** Sardana et al. 2023: the model of the compute-optimal loss that is cheapest over its lifetime. */
  | { readonly kind: 'inference'; readonly inferenceTokens: number };

export interface PlanInput {
  readonly budget: PlanBudget;
  readonly target: PlanTarget;
  /** Price of one accelerator-hour, in the user's currency. */
  readonly pricePerAcceleratorHour?: number;
  /** Accelerator to time a FLOP budget on (with `count`); the hardware budget names its own. */
  readonly accelerator?: string;
  readonly count?: number;
  readonly mfu?: number;
  readonly precision?: Precision;
  readonly accelerators?: Readonly<Record<string, AcceleratorOverride>>;
  /** The loss fit for the inference-aware target and the optimum marks (default: Epoch AI's refit), or the user's own law. */
  readonly fit?: FitChoice;
  readonly thresholds?: readonly ThresholdRule[];
}

export interface PlanThreshold extends ThresholdResult {
  readonly jurisdiction: string;
  readonly consequence: string;
  /** For rules with a notification duty: what to do and by when. */
  readonly duty?: string;
  /** For rules that also need a compute cost (New York's RAISE Act): the plan's cost against it. */
  readonly cost?: { readonly condition: number; readonly planned: number | null; readonly met: boolean | null; readonly note: string };
}

export interface PlanResult {
  /** The compute budget the plan started from (FLOP). */
  readonly budgetFlops: number;
  readonly target: PlanTarget;
  readonly parameters: number;
  readonly tokens: number;
  /** Training compute of the plan, 6·N·D. Equals the budget except for the inference-aware target. */
  readonly flops: number;
  readonly tokensPerParameter: number;
  /** Tokens per parameter ÷ 20. */
  readonly chinchillaMultiple: number;
  readonly hardware: {
    readonly accelerator: string;
    readonly acceleratorName: string;
    readonly precision: Precision;
    readonly peakFlopsPerSecond: number;
    readonly peakSource: string;
    readonly count: number;
    readonly mfu: number;
    readonly acceleratorHours: number;
    readonly wallClockDays: number;
    readonly cost: number | null;
    readonly pricePerAcceleratorHour: number | null;
  } | null;
  readonly loss: readonly { readonly fit: LawId; readonly label: string; readonly loss: number }[];
  /** Where the loss-minimising allocations of this budget lie, for comparison. */
  readonly optima: {
    readonly fit: LawId;
    /** Under the user's own fit, with the bootstrap's interval, how far it extrapolates and whether it is determined. */
    readonly byFit: { readonly parameters: number; readonly tokens: number; readonly loss: number; readonly uncertainty?: SplitUncertainty };
    readonly kaplan: { readonly parameters: number; readonly tokens: number; readonly loss: number };
    readonly chinchilla: { readonly parameters: number; readonly tokens: number; readonly loss: number };
  };
  readonly inference: {
    readonly inferenceTokens: number;
    readonly inferenceFlops: number;
    readonly totalFlops: number;
    readonly reference: { readonly parameters: number; readonly tokens: number; readonly trainingFlops: number; readonly totalFlops: number };
    readonly saving: number;
  } | null;
  readonly thresholds: readonly PlanThreshold[];
  readonly warnings: readonly string[];
}

export class PlanError extends Error {}

export function plan(input: PlanInput): PlanResult {
  const table = acceleratorTable(input.accelerators);
  const warnings: string[] = [];
  const fit = resolveFit(input.fit);

  let budgetFlops: number;
  let hardwareChoice: { accelerator: Accelerator; count: number; mfu: number; precision: Precision } | undefined;
  if (input.budget.kind === 'flops') {
    budgetFlops = requirePositive(input.budget.flops, 'the compute budget', LIMITS.compute);
    if (input.accelerator) {
      const accelerator = requireAccelerator(input.accelerator, table);
      hardwareChoice = {
        accelerator,
        count: input.count && input.count > 0 ? requirePositive(input.count, 'the accelerator count', LIMITS.count) : 1,
        mfu: mfuOf(input.mfu),
        precision: input.precision ?? 'bf16',
      };
      if (!(input.count && input.count > 0)) warnings.push('No accelerator count given: wall-clock days are for one accelerator.');
    }
  } else {
    const { budget } = input;
    const accelerator = requireAccelerator(budget.accelerator, table);
    const count = requirePositive(budget.count, 'the accelerator count', LIMITS.count);
    const days = requirePositive(budget.days, 'the number of days', LIMITS.days);
    const mfu = mfuOf(budget.mfu ?? input.mfu);
    const precision = budget.precision ?? input.precision ?? 'bf16';
    const compute = hardwareCompute({ accelerator, precision, count, seconds: days * SECONDS_PER_DAY, mfu });
    if (compute === null)
      throw new PlanError(
        `${accelerator.name} has no ${precision.toUpperCase()} tensor path in the table; use bf16 or override it in computeBudget.planner.accelerators.`,
      );
    budgetFlops = compute;
    hardwareChoice = { accelerator, count, mfu, precision };
  }

  const { parameters, tokens, inference } = allocate(input.target, budgetFlops, fit);
  const flops = trainingCompute(parameters, tokens);
  if (input.target.kind === 'inference')
    warnings.push(
      `Inference-aware sizing keeps the loss of the compute-optimal model and spends ${percent(flops / budgetFlops - 1)} more training compute than the budget to save it back at inference.`,
    );
  const tokensPerParameter = tokens / parameters;

  let hardware: PlanResult['hardware'] = null;
  if (hardwareChoice) {
    const { accelerator, count, mfu, precision } = hardwareChoice;
    const time = timeToTrain(flops, accelerator, precision, mfu, count);
    if (!time) throw new PlanError(`${accelerator.name} has no ${precision.toUpperCase()} tensor path in the table.`);
    const price =
      input.pricePerAcceleratorHour !== undefined && input.pricePerAcceleratorHour >= 0 && Number.isFinite(input.pricePerAcceleratorHour)
        ? input.pricePerAcceleratorHour
        : null;
    hardware = {
      accelerator: accelerator.id,
      acceleratorName: accelerator.name,
      precision,
      peakFlopsPerSecond: peakFlops(accelerator, precision)!,
      peakSource: accelerator.source,
      count,
      mfu,
      acceleratorHours: time.acceleratorHours,
      wallClockDays: time.wallClockDays,
      cost: price !== null ? price * time.acceleratorHours : null,
      pricePerAcceleratorHour: price,
    };
  }

  const withLoss = (point: { parameters: number; tokens: number }) => ({ ...point, loss: predictLoss(fit, point.parameters, point.tokens) });
  return {
    budgetFlops,
    target: input.target,
    parameters,
    tokens,
    flops,
    tokensPerParameter,
    chinchillaMultiple: tokensPerParameter / CHINCHILLA_TOKENS_PER_PARAMETER,
    hardware,
    // The user's own law first when it is the chosen one; the published fits always, for comparison.
    loss: [...(fit.id === 'workspace' ? [fit] : []), ...LOSS_FITS].map((each) => ({
      fit: each.id,
      label: each.label,
      loss: predictLoss(each, parameters, tokens),
    })),
    optima: {
      fit: fit.id,
      byFit: byFit(fit, budgetFlops),
      kaplan: withLoss(allocateKaplan(budgetFlops)),
      chinchilla: withLoss(allocateAtRatio(budgetFlops)),
    },
    inference,
    thresholds: planThresholds(flops, input.thresholds ?? THRESHOLD_RULES, hardware?.cost ?? null),
    warnings,
  };
}

/** The loss-optimal split under the chosen law; the user's own fit adds its bootstrap interval. */
function byFit(fit: Law, budget: number): PlanResult['optima']['byFit'] {
  const point = computeOptimal(fit, budget);
  const base = { parameters: point.parameters, tokens: point.tokens, loss: point.loss };
  if (fit.id !== 'workspace' || !fit.uncertainty) return base;
  const { intervals, level, extrapolation, determined } = sureAllocation({ constants: fit, ...fit.uncertainty }, budget);
  return { ...base, uncertainty: { intervals, level, extrapolation, determined } };
}

function allocate(target: PlanTarget, budget: number, fit: Law): { parameters: number; tokens: number; inference: PlanResult['inference'] } {
  switch (target.kind) {
    case 'chinchilla':
      return { ...allocateAtRatio(budget, CHINCHILLA_TOKENS_PER_PARAMETER), inference: null };
    case 'multiple': {
      const multiple = requirePositive(target.multiple, 'the overtraining multiple', LIMITS.multiple);
      return { ...allocateAtRatio(budget, CHINCHILLA_TOKENS_PER_PARAMETER * multiple), inference: null };
    }
    case 'parameters': {
      const parameters = requirePositive(target.parameters, 'the model size', LIMITS.parameters);
      return { parameters, tokens: budget / (6 * parameters), inference: null };
    }
    case 'inference': {
      const inferenceTokens = target.inferenceTokens;
      if (!(inferenceTokens >= 0) || !Number.isFinite(inferenceTokens) || inferenceTokens > LIMITS.inference)
        throw new PlanError(`the expected inference tokens must be from zero to ${LIMITS.inference.toExponential(0)}`);
      const result = inferenceAwarePlan(fit, budget, inferenceTokens);
      return {
        parameters: result.parameters,
        tokens: result.tokens,
        inference: {
          inferenceTokens,
          inferenceFlops: result.inferenceFlops,
          totalFlops: result.totalFlops,
          reference: result.reference,
          saving: result.saving,
        },
      };
    }
  }
}

/**
 * Every rule, with the ±30% tier; the EU systemic-risk rule also says when notification is due,
 * and a rule with a cost condition is checked against the plan's cost when a price was given.
 */
export function planThresholds(flops: number, rules: readonly ThresholdRule[], cost: number | null = null): PlanThreshold[] {
  return evaluateThresholds(flops, rules).map((result) => {
    const rule = rules.find((candidate) => candidate.id === result.id)!;
    let duty: string | undefined;
    if (rule.id === 'eu-ai-act-systemic' && result.tier !== 'below') {
      duty = EU_NOTIFICATION_DUTY;
    }
    return {
      ...result,
      jurisdiction: rule.jurisdiction,
      consequence: rule.consequence,
      duty,
      ...(rule.costCondition ? { cost: costCheck(rule.costCondition, result.tier !== 'below', cost) } : {}),
    };
  });
}

/** The price half of a two-part definition; the price per accelerator-hour is taken as US dollars. */
function costCheck(condition: NonNullable<ThresholdRule['costCondition']>, computeMet: boolean, cost: number | null): NonNullable<PlanThreshold['cost']> {
  const dollars = (value: number) => `$${ASCII_NUMBERS.count(value)}`;
  if (cost === null)
    return {
      condition: condition.dollars,
      planned: null,
      met: null,
      note: `The definition also needs ${condition.text}; give a price per accelerator-hour to check it.`,
    };
  const met = cost > condition.dollars;
  const both = met && computeMet ? ' Both conditions are met.' : !met && computeMet ? ' The compute line is reached, but not the cost condition.' : '';
  return {
    condition: condition.dollars,
    planned: cost,
    met,
    note: `Planned compute cost ${dollars(cost)} (the price per accelerator-hour read as US dollars) is ${met ? 'over' : 'under'} the ${dollars(condition.dollars)} of the definition's second condition (${condition.text}).${both}`,
  };
}

function requireAccelerator(name: string, table: readonly Accelerator[]): Accelerator {
  const found = findAccelerator(name, table);
  if (!found)
    throw new PlanError(
      `unknown accelerator "${name.slice(0, 40)}"; known: ${table.map((row) => row.id).join(', ')} (add others in computeBudget.planner.accelerators)`,
    );
  return found;
}

/**
 * What a plan can be asked about: far past any run there is (10³⁰ FLOP is ten thousand times the
 * largest today), and small enough that every derived figure stays a finite number.
 */
const LIMITS = { compute: 1e35, count: 1e9, days: 36_500, multiple: 1e6, parameters: 1e30, inference: 1e35 } as const;

function requirePositive(value: number, what: string, limit: number): number {
  if (!(value > 0) || !Number.isFinite(value)) throw new PlanError(`${what} must be a positive number`);
  if (value > limit) throw new PlanError(`${what} must be at most ${limit.toLocaleString('en-US')}`);
  return value;
}

function mfuOf(value: number | undefined): number {
  if (value === undefined) return DEFAULT_MFU;
  if (!(value > 0 && value <= 1)) throw new PlanError('MFU must be a fraction between 0 and 1 (e.g. 0.4)');
  return value;
}

function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}
