import type { Analysis } from '../analysis/types';
import type { LayoutProposal } from '../memory/layouts';
import type { MemoryReport } from '../memory/report';
import { gib } from '../memory/units';
import { printable } from '../text/sanitise';

/**
 * A config's run laid out on the plan's accelerator: `layouts` of `plan --json` with `--config`,
 * and the "Layouts that fit" section of the editor's plan view. One shape and one set of rows for
 * both, worked out from an analysis that was asked for layouts (`AnalyzeOptions.layouts`).
 */
export interface PlanLayouts {
  readonly file: string;
  /** The accelerator as PyTorch sees it; null when the plan names none the table knows. */
  readonly accelerator: { readonly name: string; readonly bytes: number } | null;
  /** The config's own layout: its accelerators (null when it does not say), peak and whether it fits. */
  readonly current: { readonly accelerators: number | null; readonly peakBytes: number; readonly fits: boolean | null } | null;
  readonly proposals: readonly LayoutProposal[];
  /** What every proposal keeps as the file sets it (micro-batch, sequence, recompute, sharding), in plain words. */
  readonly held: readonly string[];
  /** Why there are no proposals, in plain words; null when there are. */
  readonly reason: string | null;
}

const NO_ACCELERATOR = 'unknown: needs an accelerator: plan from hardware, or name one in the config (accelerator=H100)';

/** The knobs the layout search does not change, in the order a person reads them. */
const HELD: readonly { readonly knob: string; readonly show: (value: string | number | boolean) => string | null }[] = [
  { knob: 'microBatch', show: (value) => `micro-batch ${value}` },
  { knob: 'sequenceLength', show: (value) => `sequence ${value}` },
  { knob: 'recompute', show: (value) => `recompute ${value}` },
  { knob: 'shardStage', show: (value) => (Number(value) > 0 ? `ZeRO/FSDP stage ${value}` : 'no ZeRO/FSDP sharding') },
  { knob: 'sequenceParallel', show: (value) => (value === true ? 'sequence parallel' : null) },
  { knob: 'optimizer', show: (value) => `optimizer ${value}` },
];

/**
 * The layouts of `file`'s run on `accelerator` (the name the plan was given), from its analysis
 * with layouts asked for and that accelerator (and count) as facts. Without one, on the accelerator
 * the config itself names, if any.
 */
export function planLayoutsOf(file: string, accelerator: string | undefined, analysis: Analysis): PlanLayouts {
  const shown = printable(file, 300);
  const memory = analysis.memory;
  if (memory && !memory.accelerator && accelerator === undefined)
    return { file: shown, accelerator: null, current: null, proposals: [], held: [], reason: NO_ACCELERATOR };
  if (!memory?.accelerator) {
    const missing = analysis.findings.find((finding) => finding.code === 'assumed-value' && /Memory per/.test(finding.message));
    const reason = memory
      ? `${printable(accelerator ?? '', 40)} is not in the accelerator table`
      : missing
        ? printable(missing.message, 300)
        : 'unknown: the config fixes no model and layout the memory estimate can read';
    return { file: shown, accelerator: null, current: null, proposals: [], held: [], reason };
  }
  const proposals = memory.layouts ?? [];
  return {
    file: shown,
    accelerator: memory.accelerator,
    current: { accelerators: accelerators(memory), peakBytes: memory.peakBytesPerDevice, fits: memory.fits },
    proposals,
    held: held(memory),
    reason: proposals.length ? null : `no layout of up to 65,536 accelerators fits ${memory.accelerator.name} with this micro-batch and sequence`,
  };
}

/** The file's own accelerators: its data-parallel replicas × TP × PP × CP; null when it does not say. */
function accelerators(memory: MemoryReport): number | null {
  const devices = memory.layout.find((knob) => knob.knob === 'dataParallel');
  if (!devices) return null;
  const modelParallel = ['tensorParallel', 'pipelineParallel', 'contextParallel']
    .map((name) => Number(memory.layout.find((knob) => knob.knob === name)?.value ?? 1))
    .reduce((a, b) => a * b, 1);
  return Number(devices.value) * modelParallel;
}

function held(memory: MemoryReport): string[] {
  return HELD.flatMap(({ knob, show }) => {
    const found = memory.layout.find((entry) => entry.knob === knob);
    const text = found === undefined ? null : show(found.value);
    return text === null ? [] : [printable(text, 60)];
  });
}

/** One line of the layouts as a person reads them: the layout, then what it needs and where it peaks. */
export interface LayoutRow {
  readonly label: string;
  readonly value: string;
  /** The busiest device of a proposal ("pipeline stage 0 of 2 (first)"). */
  readonly rank?: string;
  /** The file's own layout does not fit. */
  readonly over?: boolean;
}

/**
 * The layouts as rows: the file's own layout ("as written") first when known, then each proposal.
 * `times` joins the parallel sizes: "x" in a terminal, "×" in the editor.
 */
export function layoutRows(layouts: PlanLayouts, times = 'x'): LayoutRow[] {
  const rows: LayoutRow[] = [];
  if (layouts.current) {
    const verdict = layouts.current.fits === false ? ' (does not fit)' : '';
    rows.push({
      label: 'as written',
      value: `${layouts.current.accelerators ?? '?'} accelerators, peak ${gib(layouts.current.peakBytes)}${verdict}`,
      over: layouts.current.fits === false,
    });
  }
  for (const p of layouts.proposals) {
    const cp = p.contextParallel > 1 ? ` ${times} CP ${p.contextParallel}` : '';
    rows.push({
      label: `TP ${p.tensorParallel} ${times} PP ${p.pipelineParallel}${cp} ${times} DP ${p.dataParallel}`,
      value: `${p.accelerators} accelerators, peak ${gib(p.peakBytes)}`,
      rank: printable(p.rank, 80),
    });
  }
  return rows;
}

/** The layouts as terminal lines (`plan --config`): the same rows, padded into columns. */
export function layoutLines(layouts: PlanLayouts): string[] {
  const out = [`  layouts of ${layouts.file}${layouts.accelerator ? ` on ${layouts.accelerator.name} (${gib(layouts.accelerator.bytes)})` : ''}`];
  for (const row of layoutRows(layouts)) out.push(`    ${row.label.padEnd(20)}${row.value}${row.rank ? ` on ${row.rank}` : ''}`);
  if (layouts.held.length) out.push(`    held as written: ${layouts.held.join(', ')}`);
  if (layouts.reason) out.push(`    ${layouts.reason}`);
  return out;
}
