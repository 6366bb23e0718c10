import type { LayoutProposal } from '../core/memory/layouts';
import { gib } from '../core/memory/units';
import { printable } from '../core/source/view';
import { ConfigFileAnalyzer } from '../node/configFileAnalyzer';
import { UsageError } from './args';
import { argumentRefusal } from './boundary';
import type { CliIO } from './io';

/** `layouts` of `plan --json` with `--config`: the config's run laid out on the plan's accelerator. */
export interface PlanLayouts {
  readonly file: string;
  /** The accelerator as PyTorch sees it; null when `--gpu` names none the table knows. */
  readonly accelerator: { readonly name: string; readonly bytes: number } | null;
  /** The config's own layout: its accelerators (null when it does not say), peak and whether it fits. */
  readonly current: { readonly accelerators: number | null; readonly peakBytes: number; readonly fits: boolean | null } | null;
  readonly proposals: readonly LayoutProposal[];
  /** Why there are no proposals, in plain words; null when there are. */
  readonly reason: string | null;
}

/**
 * Reads the config as `analyze` does (its includes and facts files), with the plan's accelerator
 * and count as the `accelerator=` and `gpus=` facts, and asks the memory estimate for the layouts that fit.
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
  const shown = printable(file, 300);
  if ('unreadable' in result) throw new UsageError(`cannot read ${shown}: ${result.unreadable}`);
  const memory = result.analysis.memory;
  if (!memory?.accelerator) {
    const missing = result.analysis.findings.find((finding) => finding.code === 'assumed-value' && /Memory per/.test(finding.message));
    const reason = memory
      ? `${printable(gpu, 40)} is not in the accelerator table`
      : missing
        ? printable(missing.message, 300)
        : 'unknown: the config fixes no model and layout the memory estimate can read';
    return { file: shown, accelerator: null, current: null, proposals: [], reason };
  }
  const devices = memory.layout.find((knob) => knob.knob === 'dataParallel');
  const modelParallel = ['tensorParallel', 'pipelineParallel', 'contextParallel']
    .map((name) => Number(memory.layout.find((knob) => knob.knob === name)?.value ?? 1))
    .reduce((a, b) => a * b, 1);
  const proposals = memory.layouts ?? [];
  return {
    file: shown,
    accelerator: memory.accelerator,
    current: { accelerators: devices ? Number(devices.value) * modelParallel : null, peakBytes: memory.peakBytesPerDevice, fits: memory.fits },
    proposals,
    reason: proposals.length ? null : `no layout of up to 65,536 accelerators fits ${memory.accelerator.name} with this micro-batch and sequence`,
  };
}

/** The layouts as a person reads them in a terminal. */
export function formatLayouts(layouts: PlanLayouts): string[] {
  const out = [`  layouts of ${layouts.file}${layouts.accelerator ? ` on ${layouts.accelerator.name} (${gib(layouts.accelerator.bytes)})` : ''}`];
  if (layouts.current)
    out.push(
      `    as written          ${layouts.current.accelerators ?? '?'} accelerators, peak ${gib(layouts.current.peakBytes)}${layouts.current.fits === false ? ' (does not fit)' : ''}`,
    );
  for (const p of layouts.proposals)
    out.push(
      `    ${`TP ${p.tensorParallel} x PP ${p.pipelineParallel}${p.contextParallel > 1 ? ` x CP ${p.contextParallel}` : ''} x DP ${p.dataParallel}`.padEnd(20)}${p.accelerators} accelerators, peak ${gib(p.peakBytes)} on ${p.rank}`,
    );
  if (layouts.reason) out.push(`    ${layouts.reason}`);
  return out;
}
