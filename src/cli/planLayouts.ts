import { planLayoutsOf, type PlanLayouts } from '../core/planner/planLayouts';
import { printable } from '../core/source/view';
import { ConfigFileAnalyzer } from '../node/configFileAnalyzer';
import { UsageError } from './args';
import { argumentRefusal } from './boundary';
import type { CliIO } from './io';

/**
 * Reads the config as `analyze` does (its includes and facts files), with the plan's accelerator
 * and count as the `accelerator=` and `gpus=` facts, and asks the memory estimate for the layouts
 * that fit: the same rows the editor's plan view shows (core/planner/planLayouts.ts).
 */
export async function planLayouts(
  file: string,
  gpu: string | undefined,
  count: string | undefined,
  io: CliIO,
  boundary: string | undefined,
): Promise<PlanLayouts> {
  if (!gpu) throw new UsageError('--config needs --gpu: the layouts are for one accelerator');
  // The plan's --count is the config's accelerator count, which sharded states divide by.
  const given: Record<string, string> = count === undefined ? { accelerator: gpu } : { accelerator: gpu, gpus: count };
  const analyzer = new ConfigFileAnalyzer({ given, layouts: true, boundary, problem: (line) => io.warn(line) });
  const refused = await argumentRefusal(file, boundary);
  const result = refused !== undefined ? { unreadable: refused } : await analyzer.analyze(file);
  if ('unreadable' in result) throw new UsageError(`cannot read ${printable(file, 300)}: ${result.unreadable}`);
  return planLayoutsOf(file, gpu, result.analysis);
}
