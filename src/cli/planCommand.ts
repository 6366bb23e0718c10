import { ASCII_NUMBERS as n } from '../core/report/format';
import { plan, PlanError, type PlanInput, type PlanResult } from '../core/planner/plan';
import { describeTarget } from '../core/planner/parseTarget';
import { planInputFrom, type PlanRequest } from '../core/planner/planRequest';
import { flag, UsageError, type ParsedArgs } from './args';
import { colors, type Colors } from './color';
import type { CliIO } from './io';
import { boundaryFolder } from './boundary';
import { layoutLines } from '../core/planner/planLayouts';
import { planLayouts } from './planLayouts';
import { thresholdRows } from './table';

/** Names the shape of `plan --json`; bump on a breaking change (documented in docs/cli.md). */
export const PLAN_SCHEMA = 'compute-budget/plan@1';

/**
 * `plan --flops C | --gpu NAME --count N --days D [--mfu 0.4] [--precision bf16|fp8]
 *  [--price-per-hour P] [--target chinchilla|multiple:K|parameters:N|inference:TOKENS]
 *  [--fit epoch2024|hoffmann2022] [--config FILE] [--json]`
 */
export async function runPlan(args: ParsedArgs, io: CliIO): Promise<number> {
  const input = planInput(args);
  let result: PlanResult;
  try {
    result = plan(input);
  } catch (error) {
    if (error instanceof PlanError) throw new UsageError(error.message);
    throw error;
  }
  const config = flag(args, 'config');
  const layouts = config === undefined ? null : await planLayouts(config, flag(args, 'gpu'), flag(args, 'count'), io, boundaryFolder(args));
  if (flag(args, 'json')) io.write(JSON.stringify({ schema: PLAN_SCHEMA, ...result, layouts }, null, 2));
  else io.write([formatPlan(result, io.color), ...(layouts ? layoutLines(layouts) : [])].join('\n'));
  return 0;
}

/** The flags as a plan request: the same reading as the "Plan compute budget" command's arguments. */
function planInput(args: ParsedArgs): PlanInput {
  const request: PlanRequest = {
    flops: flag(args, 'flops'),
    gpu: flag(args, 'gpu'),
    count: flag(args, 'count'),
    days: flag(args, 'days'),
    mfu: flag(args, 'mfu'),
    precision: flag(args, 'precision'),
    pricePerAcceleratorHour: flag(args, 'price-per-hour'),
    target: flag(args, 'target'),
    fit: flag(args, 'fit'),
  };
  try {
    return planInputFrom(request, {}, (field) => `--${FLAG_NAMES[field]}`);
  } catch (error) {
    if (error instanceof PlanError) throw new UsageError(error.message);
    throw error;
  }
}

const FLAG_NAMES: Record<keyof PlanRequest, string> = {
  flops: 'flops',
  gpu: 'gpu',
  count: 'count',
  days: 'days',
  mfu: 'mfu',
  precision: 'precision',
  pricePerAcceleratorHour: 'price-per-hour',
  target: 'target',
  fit: 'fit',
};

/** The plan as a person reads it in a terminal. */
export function formatPlan(result: PlanResult, color: Colors = colors(false)): string {
  const out: string[] = [`${color.bold('plan:')} ${describeTarget(result.target)}`];
  const row = (label: string, value: string) => out.push(`  ${label.padEnd(20)}${value}`);
  row('budget', `${n.flops(result.budgetFlops)} FLOP`);
  row('parameters (N)', n.count(result.parameters));
  row(
    'training tokens (D)',
    `${n.count(result.tokens)} (${n.ratio(result.tokensPerParameter)} per parameter, ${n.multiple(result.chinchillaMultiple)} Chinchilla)`,
  );
  row('compute (6ND)', `${n.flops(result.flops)} FLOP`);
  if (result.hardware) {
    const hw = result.hardware;
    row(
      'hardware',
      `${n.grouped(hw.count)} x ${hw.acceleratorName}, ${hw.precision.toUpperCase()} peak ${n.flops(hw.peakFlopsPerSecond)} FLOP/s each, ${n.percent(hw.mfu)} MFU`,
    );
    row('accelerator-hours', n.grouped(hw.acceleratorHours));
    row('wall-clock', `${n.days(hw.wallClockDays)} days`);
    if (hw.cost !== null) row('cost', `${n.grouped(hw.cost)} at ${hw.pricePerAcceleratorHour} per accelerator-hour`);
  }
  if (result.inference) {
    const inf = result.inference;
    row('inference', `${n.count(inf.inferenceTokens)} tokens = ${n.flops(inf.inferenceFlops)} FLOP; training + inference ${n.flops(inf.totalFlops)} FLOP`);
    row(
      'vs compute-optimal',
      `${n.count(inf.reference.parameters)} on ${n.count(inf.reference.tokens)} tokens: training + inference ${n.flops(inf.reference.totalFlops)} FLOP (this plan saves ${n.percent(inf.saving)})`,
    );
  }
  for (const prediction of result.loss) row('predicted loss', `${n.loss(prediction.loss)} nats/token (${prediction.label})`);
  out.push(`  ${color.bold('thresholds')} (line, share of it reached, tier)`);
  const rows = thresholdRows(result.thresholds, color);
  result.thresholds.forEach((threshold, i) => {
    out.push(rows[i]!);
    if (threshold.duty) out.push(`      ${threshold.duty}`);
    if (threshold.cost) out.push(`      ${threshold.cost.note}`);
  });
  for (const warning of result.warnings) out.push(`  note: ${warning}`);
  return out.join('\n');
}
