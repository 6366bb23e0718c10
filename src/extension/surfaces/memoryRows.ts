import type { Analysis } from '../../core/analyze';
import { peakPhaseNote } from '../../core/memory/peakPhase';
import type { MemoryReport } from '../../core/memory/report';
import { UNICODE_NUMBERS as n } from '../../core/report/format';
import { hoverMarkdown as md } from '../../core/text/sanitise';

/** Bytes as GiB with the house ratio format (no e-notation): 76235669504 → "71". */
const gib = (bytes: number): string => n.ratio(bytes / 2 ** 30);

const PART_LABELS: readonly [keyof MemoryReport['parts'], string][] = [
  ['weights', 'weights'],
  ['gradients', 'gradients'],
  ['optimizer', 'optimizer'],
  ['activations', 'activations'],
  ['logits', 'logits'],
  ['other', 'other'],
];

/** "weights 13.5 · gradients 3.4 · …" in GiB: the parts of the busiest device's peak. */
export function memoryParts(memory: MemoryReport): string {
  return PART_LABELS.map(([part, label]) => `${label} ${gib(memory.parts[part])}`).join(' · ');
}

/** "71 GiB of 80" or "71 GiB" when no accelerator is known. */
function peakAgainst(memory: MemoryReport): string {
  return memory.accelerator ? `${gib(memory.peakBytesPerDevice)} GiB of ${gib(memory.accelerator.bytes)}` : `${gib(memory.peakBytesPerDevice)} GiB`;
}

const FITS = { true: 'fits', false: '**does not fit**' } as const;

/**
 * The hover's rows for the memory estimate, step time and KV cache (docs/memory.md), each labelled
 * an estimate. Config strings (the rank, the accelerator, the MFU source) go through `md()`.
 */
export function memoryHoverRows(analysis: Analysis, key: string): [string, string][] {
  const rows: [string, string][] = [];
  const memory = analysis.memory;
  // On a knob the estimate read, always; on the model's keys only once an accelerator makes it a question of fit.
  const onKnob = memory?.layout.some((entry) => entry.key === key) ?? false;
  if (memory && (onKnob || memory.accelerator)) {
    const against = memory.accelerator ? ` (${md(memory.accelerator.name)}, ${memory.fits === null ? 'fit unknown' : FITS[`${memory.fits}`]})` : '';
    rows.push([
      'Memory per device (estimate)',
      `peak ${peakAgainst(memory)}${against}, ${md(memory.rank)}: ${memoryParts(memory)} GiB${peakPhaseNote(memory.peakPhase)}; reserved ${gib(memory.reserved.low)}–${gib(memory.reserved.high)} GiB`,
    ]);
    const reverse = memory.reverse;
    if (reverse) rows.push(['Largest that fits', reverseText(reverse)]);
  }
  const throughput = analysis.throughput;
  if (throughput && (onKnob || memory?.accelerator)) {
    const cost =
      throughput.cost !== null && throughput.acceleratorHours !== null
        ? `, ${n.grouped(throughput.acceleratorHours)} accelerator-hours × ${n.ratio(throughput.pricePerHour!)} = ${n.grouped(throughput.cost)}`
        : '';
    const days = throughput.days !== null ? `; ${n.days(throughput.days)} days for the run${cost}` : '';
    rows.push(['Step time (estimate)', `${n.ratio(throughput.stepSeconds)} s at MFU ${n.percent(throughput.mfu)} (${md(throughput.mfuSource)})${days}`]);
  }
  const serving = analysis.serving;
  if (serving) {
    const fit =
      serving.maxTokens !== null
        ? `; ${n.grouped(serving.maxTokens)} tokens fit on ${serving.devices} × ${memory?.accelerator ? md(memory.accelerator.name) : 'accelerator'} at ${n.percent(serving.gpuMemoryUtilization)} utilisation (vLLM's rule)`
        : '';
    rows.push(['KV cache per token', `${n.grouped(serving.kvCacheBytesPerToken)} bytes (${md(serving.kvDtype)})${fit}`]);
  }
  return rows;
}

/** "micro-batch 2, sequence 8,192; fewest accelerators 64"; "none" where nothing fits. */
function reverseText(reverse: NonNullable<MemoryReport['reverse']>): string {
  const each = (value: number | null) => (value === null ? 'none' : n.grouped(value));
  const accelerators =
    reverse.fewestAccelerators === null ? 'no accelerator count fits this layout' : `fewest accelerators ${n.grouped(reverse.fewestAccelerators)}`;
  return `micro-batch ${each(reverse.largestMicroBatch)}, sequence ${each(reverse.longestSequence)}; ${accelerators}`;
}

/** `71 GiB of 80 per device · fits` for the inline summary; only when the accelerator is known. */
export function memorySummary(analysis: Analysis): string | undefined {
  const memory = analysis.memory;
  if (!memory?.accelerator) return undefined;
  return `${peakAgainst(memory)} per device${memory.fits === null ? '' : memory.fits ? ' · fits' : ' · does not fit'}`;
}

/**
 * The memory knob (tensor parallel, micro-batch, recompute, …) whose config key is `word`, the
 * text under the pointer: a dotted key matches on its last segment, a flag with or without dashes.
 */
export function memoryKnobNamed(analysis: Analysis, word: string): MemoryReport['layout'][number] | undefined {
  const bare = word.replace(/^-+/, '');
  if (!bare) return undefined;
  return analysis.memory?.layout.find((entry) => {
    if (!entry.key || entry.origin !== 'config') return false;
    const key = entry.key.replace(/^-+/, '');
    return key === bare || key.endsWith(`.${bare}`);
  });
}
