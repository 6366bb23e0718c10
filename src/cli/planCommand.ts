import { compactCount, grouped, percent, scientific } from '../core/format';
import { plan, PlanError, type PlanBudget, type PlanInput, type PlanResult } from '../core/planner/plan';
import { describeTarget, parseTarget } from '../core/planner/parseTarget';
import { parseCount } from '../core/source/quantity';
import { flag, numberFlag, UsageError, type ParsedArgs } from './args';

/** Names the shape of `plan --json`; bump on a breaking change (see the README, "Planner in detail"). */
export const PLAN_SCHEMA = 'compute-budget/plan@1';

/**
 * `plan --flops C | --gpu NAME --count N --days D [--mfu 0.4] [--precision bf16|fp8]
 *  [--price-per-hour P] [--target chinchilla|multiple:K|parameters:N|inference:TOKENS]
 *  [--fit epoch2024|hoffmann2022] [--json]`
 */
export function runPlan(args: ParsedArgs, write: (text: string) => void): number {
  const input = planInput(args);
  let result: PlanResult;
  try {
    result = plan(input);
  } catch (error) {
    if (error instanceof PlanError) throw new UsageError(error.message);
    throw error;
  }
  if (flag(args, 'json')) write(JSON.stringify({ schema: PLAN_SCHEMA, ...result }, null, 2));
  else write(formatPlan(result));
  return 0;
}

function planInput(args: ParsedArgs): PlanInput {
  const flops = countFlag(args, 'flops');
  const gpu = flag(args, 'gpu') ?? flag(args, 'accelerator');
  const count = countFlag(args, 'count');
  const days = numberFlag(args, 'days');
  const mfu = numberFlag(args, 'mfu');
  const precision = flag(args, 'precision');
  if (precision !== undefined && precision !== 'bf16' && precision !== 'fp8') throw new UsageError('--precision must be bf16 or fp8');
  let budget: PlanBudget;
  if (flops !== undefined) {
    budget = { kind: 'flops', flops };
  } else if (gpu !== undefined) {
    if (count === undefined || days === undefined) throw new UsageError('--gpu needs --count and --days (or give --flops)');
    budget = { kind: 'hardware', accelerator: gpu, count, days };
  } else {
    throw new UsageError('plan needs --flops C, or --gpu NAME --count N --days D');
  }
  const fit = flag(args, 'fit');
  if (fit !== undefined && fit !== 'epoch2024' && fit !== 'hoffmann2022') throw new UsageError('--fit must be epoch2024 or hoffmann2022');
  let target;
  try {
    target = parseTarget(flag(args, 'target') ?? 'chinchilla');
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return {
    budget, target, fit, mfu, precision,
    accelerator: budget.kind === 'flops' ? gpu : undefined,
    count: budget.kind === 'flops' ? count : undefined,
    pricePerAcceleratorHour: numberFlag(args, 'price-per-hour'),
  };
}

/** `5.76e23`, `1024`, `2T`. */
function countFlag(args: ParsedArgs, name: string): number | undefined {
  const text = flag(args, name);
  if (text === undefined) return undefined;
  const parsed = parseCount(text);
  if (!parsed.ok) throw new UsageError(`--${name} must be a number (e.g. 5.76e23 or 1024), not ${JSON.stringify(text)}`);
  return parsed.value;
}

const TIER_LABELS: Record<string, string> = { below: 'below', 'within-margin': 'within ±30% margin', crossed: 'CROSSED' };

export function formatPlan(result: PlanResult): string {
  const out: string[] = [`plan: ${describeTarget(result.target)}`];
  const row = (label: string, value: string) => out.push(`  ${label.padEnd(20)}${value}`);
  row('budget', `${scientific(result.budgetFlops, 3)} FLOP`);
  row('parameters (N)', compactCount(result.parameters));
  row('training tokens (D)', `${compactCount(result.tokens)} (${result.tokensPerParameter.toFixed(1)} per parameter, ${result.chinchillaMultiple.toFixed(2)}× Chinchilla)`);
  row('compute (6·N·D)', `${scientific(result.flops, 3)} FLOP`);
  if (result.hardware) {
    const hw = result.hardware;
    row('hardware', `${grouped(hw.count)} × ${hw.acceleratorName}, ${hw.precision.toUpperCase()} peak ${scientific(hw.peakFlopsPerSecond, 4)} FLOP/s, ${percent(hw.mfu)} MFU`);
    row('accelerator-hours', grouped(hw.acceleratorHours));
    row('wall-clock', `${hw.wallClockDays.toFixed(1)} days`);
    if (hw.cost !== null) row('cost', `${grouped(hw.cost)} at ${hw.pricePerAcceleratorHour} per accelerator-hour`);
  }
  if (result.inference) {
    const inf = result.inference;
    row('inference', `${compactCount(inf.inferenceTokens)} tokens = ${scientific(inf.inferenceFlops)} FLOP; lifetime ${scientific(inf.totalFlops)} FLOP`);
    row('vs compute-optimal', `${compactCount(inf.reference.parameters)} on ${compactCount(inf.reference.tokens)}: lifetime ${scientific(inf.reference.totalFlops)} FLOP (saves ${percent(inf.saving)})`);
  }
  for (const prediction of result.loss) row('predicted loss', `${prediction.loss.toFixed(3)} (${prediction.label})`);
  out.push('  thresholds');
  for (const threshold of result.thresholds) {
    const status = threshold.status === 'revoked' ? ' [revoked]' : '';
    out.push(`    ${(threshold.name + status).padEnd(46)}${percent(threshold.fraction).padStart(8)}  ${TIER_LABELS[threshold.tier] ?? threshold.tier}`);
    if (threshold.duty) out.push(`      ${threshold.duty}`);
  }
  for (const warning of result.warnings) out.push(`  note: ${warning}`);
  return out.join('\n');
}
