import type { MemoryReport } from '../memory/report';
import { gib } from '../memory/units';

/** One part of the peak, as the stacked bar draws it. */
export interface MemoryBarPart {
  readonly id: 'weights' | 'gradients' | 'optimizer' | 'activations' | 'logits' | 'other';
  readonly label: string;
  readonly bytes: number;
}

/**
 * The memory estimate of a config as the chart panel's stacked bar draws it: the parts of the
 * peak on the busiest device, against the accelerator's capacity and the 90% line past which it
 * may not fit. Plain JSON, as the rest of ChartData.
 */
export interface MemoryBar {
  readonly heading: string;
  /** Which device: "pipeline stage 0 of 4 (first)". */
  readonly rank: string;
  readonly parts: readonly MemoryBarPart[];
  readonly peakBytes: number;
  readonly capacity: { readonly name: string; readonly bytes: number; readonly usableBytes: number } | null;
  readonly fits: boolean | null;
  /** The scale's end: the larger of the peak and the capacity, so both are on it. */
  readonly scaleBytes: number;
  /** One sentence for screen readers and the tooltip. */
  readonly summary: string;
}

const LABELS: Readonly<Record<MemoryBarPart['id'], string>> = {
  weights: 'Weights',
  gradients: 'Gradients',
  optimizer: 'Optimizer states',
  activations: 'Activations',
  logits: 'Logits and loss',
  other: 'Buffers',
};

/** The bar for a config's memory estimate; null without one. `usableShare` is the share of the device the estimate counts as fitting. */
export function memoryBar(memory: MemoryReport | null, usableShare: number): MemoryBar | null {
  if (!memory) return null;
  const parts = (Object.keys(LABELS) as MemoryBarPart['id'][]).map((id) => ({ id, label: LABELS[id], bytes: memory.parts[id] }));
  const capacity = memory.accelerator ? { ...memory.accelerator, usableBytes: memory.accelerator.bytes * usableShare } : null;
  const peak = memory.peakBytesPerDevice;
  const verdict = memory.fits === null ? '' : memory.fits ? ': fits' : peak > (capacity?.bytes ?? Infinity) ? ': does not fit' : ': may not fit';
  const against = capacity ? ` against the ${gib(capacity.bytes)} of ${capacity.name}` : ' (no accelerator named: add accelerator=NAME)';
  const listed = parts.filter((part) => part.bytes > 0).map((part) => `${part.label.toLowerCase()} ${gib(part.bytes)}`);
  const sentence = listed.join(', ');
  return {
    heading: 'Memory per device (estimate)',
    rank: memory.rank,
    parts,
    peakBytes: peak,
    capacity,
    fits: memory.fits,
    scaleBytes: Math.max(peak, capacity?.bytes ?? 0),
    summary: `Peak ${gib(peak)}${against}, on ${memory.rank}${verdict}. ${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`,
  };
}
