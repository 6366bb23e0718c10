import type * as vscode from 'vscode';
import type { Analysis } from '../../core/analyze';
import type { PlanResult } from '../../core/planner/plan';
import { planLayoutsOf } from '../../core/planner/planLayouts';
import type { SheetLayouts } from '../../core/planner/planSheet';
import { printable } from '../../core/text/sanitise';
import type { AnalysisCache } from '../analysisCache';
import { baseName } from '../documents';

/**
 * The open config's run laid out on the plan's accelerator (its hardware step's accelerator and
 * count, else the one the config names), the rows `compute-budget plan --config` prints. The
 * search runs hundreds of memory estimates, so it runs where analyses run (the worker), once per
 * plan. Undefined when there is no config or its model is not one the memory estimate reads: a
 * plan on its own fixes a size, not an architecture to lay out.
 */
export async function layoutsForPlan(
  cache: AnalysisCache,
  document: vscode.TextDocument | undefined,
  analysis: Analysis | undefined,
  result: PlanResult,
): Promise<SheetLayouts | undefined> {
  if (!document || !analysis?.memory) return undefined;
  const hardware = result.hardware;
  const facts: Record<string, string> = hardware ? { accelerator: hardware.accelerator, gpus: String(hardware.count) } : {};
  const file = baseName(document.uri);
  const parameters = analysis.parameters.active ?? null;
  try {
    // Without the plan's hardware, only a config that names its own accelerator has layouts to search.
    const searched = hardware || analysis.memory.accelerator ? await cache.analyseWith(document, { facts, layouts: true }) : analysis;
    return { layouts: planLayoutsOf(file, hardware?.accelerator, searched), parameters };
  } catch (error) {
    const reason = `the layout search stopped: ${error instanceof Error ? error.message : String(error)}`;
    return { layouts: { file: printable(file, 300), accelerator: null, current: null, proposals: [], held: [], reason: printable(reason, 300) }, parameters };
  }
}
