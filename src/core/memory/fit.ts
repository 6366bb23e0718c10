import type { Finding, FixHint } from '../analysis/findings';
import type { Span } from '../source/tree';
import type { Architecture } from '../architecture/architecture';
import type { ParameterCount } from '../architecture/parameters';
import { fact, type Fact } from '../source/fact';
import { estimateMemory, type MemoryEstimate } from './estimate';
import type { MemoryLayout } from './layout';
import { valueSpan } from './knobs/read';
import { gib } from './units';

/**
 * Memory outside `max_memory_allocated` (the CUDA context, NCCL's buffers, cuBLAS workspaces and
 * the caching allocator's fragmentation) is kept as a margin of the device: a peak above
 * (1 − margin) × capacity may not fit; above the capacity itself it cannot.
 */
export const FIT_MARGIN = 0.1;

export function fitsIn(peak: number, capacity: number): boolean {
  return peak <= capacity * (1 - FIT_MARGIN);
}

interface Alternative {
  readonly what: string;
  readonly layout: MemoryLayout;
  /** The knob whose written value a quick fix replaces, and the text it writes. */
  readonly knob?: Fact<unknown>;
  readonly newText?: string;
}

function alternatives(arch: Architecture, layout: MemoryLayout): Alternative[] {
  const list: Alternative[] = [];
  const recompute = layout.recompute;
  const written = recompute.origin === 'config' ? recompute : undefined;
  const boolean = written && /checkpointing|partition/.test(written.key ?? '');
  if (recompute.value === 'none' && !boolean)
    list.push({ what: 'selective recompute', layout: { ...layout, recompute: fact('selective', 'derived') }, knob: written, newText: 'selective' });
  if (recompute.value !== 'full' || (layout.recomputeEvery?.value ?? 1) > 1)
    list.push({
      what: 'full recompute',
      layout: { ...layout, recompute: fact('full', 'derived'), recomputeEvery: undefined },
      knob: written,
      newText: boolean ? 'true' : 'full',
    });
  const tp = layout.tensorParallel.value * 2;
  if (arch.heads.value % tp === 0 && arch.kvHeads.value * 8 >= tp)
    list.push({
      what: `TP ${tp}`,
      layout: { ...layout, tensorParallel: fact(tp, 'derived'), dataParallel: shrink(layout, 2) },
      knob: layout.tensorParallel,
      newText: String(tp),
    });
  const pp = layout.pipelineParallel.value * 2;
  if (arch.layers.value % pp === 0)
    list.push({
      what: `PP ${pp}`,
      layout: { ...layout, pipelineParallel: fact(pp, 'derived'), dataParallel: shrink(layout, 2) },
      knob: layout.pipelineParallel,
      newText: String(pp),
    });
  const stage = layout.shardStage.value;
  if (stage < 3 && (layout.dataParallel?.value ?? 1) > 1) {
    const next = layout.regime === 'megatron' ? 1 : stage + 1;
    if (next > stage)
      list.push({
        what: layout.regime === 'megatron' ? 'the distributed optimizer' : `ZeRO stage ${next}`,
        layout: { ...layout, shardStage: fact(next, 'derived') },
        knob: layout.regime === 'megatron' ? undefined : layout.shardStage,
        newText: String(next),
      });
  }
  const micro = layout.microBatch.value;
  if (micro > 1) {
    const half = Math.floor(micro / 2);
    list.push({
      what: `micro-batch ${half} with twice the accumulation (same tokens per step)`,
      layout: { ...layout, microBatch: fact(half, 'derived') },
      knob: layout.globalBatch?.origin === 'config' ? layout.microBatch : undefined,
      newText: String(half),
    });
  }
  return list;
}

/** Data parallelism shrinks when model parallelism grows on the same accelerators. */
function shrink(layout: MemoryLayout, by: number): Fact | undefined {
  const dp = layout.dataParallel;
  return dp && dp.value >= by ? fact(Math.floor(dp.value / by), 'derived') : dp;
}

/** The key that decides: the micro-batch when activations dominate, else the sharding or TP key; the first one written. */
function decidingSpan(estimate: MemoryEstimate, layout: MemoryLayout, fallback: Span): Span {
  const parts = estimate.parts;
  const activations = parts.activations + parts.logits;
  const states = parts.weights + parts.gradients + parts.optimizer;
  const order =
    activations >= states
      ? [layout.microBatch, layout.sequenceLength, layout.recompute]
      : [layout.shardStage, layout.tensorParallel, layout.pipelineParallel, layout.microBatch];
  return order.find((knob) => knob.origin === 'config' && knob.span)?.span ?? fallback;
}

/** `out-of-memory`: an error beyond the capacity, a warning within the margin, each alternative's predicted peak. */
export function outOfMemory(
  arch: Architecture,
  count: ParameterCount,
  layout: MemoryLayout,
  estimate: MemoryEstimate,
  accelerator: { readonly name: string; readonly bytes: number },
  fallback: Span,
): Finding | undefined {
  const peak = estimate.peakBytesPerDevice;
  if (fitsIn(peak, accelerator.bytes)) return undefined;
  const over = peak > accelerator.bytes;
  // Only changes that lower the peak are worth offering (selective recompute saves nothing under flash attention).
  const options = alternatives(arch, layout)
    .map((alternative) => ({ ...alternative, peak: estimateMemory(arch, count, alternative.layout).peakBytesPerDevice }))
    .filter((option) => option.peak < peak * 0.99);
  const fixes: FixHint[] = [];
  for (const option of options) {
    const span = valueSpan(option.knob);
    if (span && option.newText !== undefined)
      fixes.push({
        kind: 'set-value',
        span,
        newText: option.newText,
        title: `Use ${option.what}: predicted peak ${gib(option.peak)} of ${gib(accelerator.bytes)}`,
      });
  }
  const parts = estimate.parts;
  const g = (bytes: number) => (bytes / 2 ** 30).toFixed(1);
  const list = options.map((option) => `${option.what} ${g(option.peak)}`).join(', ');
  const where = estimate.stages.length > 1 ? ` on ${estimate.rank}` : '';
  return {
    severity: over ? 'error' : 'warning',
    code: 'out-of-memory',
    span: decidingSpan(estimate, layout, fallback),
    message:
      `Estimated peak ${gib(peak)} per device${where} ${over ? 'exceeds' : 'is within 10% of'} the ${gib(accelerator.bytes)} of ${accelerator.name}: ` +
      `weights ${g(parts.weights)} · gradients ${g(parts.gradients)} · optimizer ${g(parts.optimizer)} · activations ${g(parts.activations)} · logits ${g(parts.logits)}` +
      (parts.other ? ` · buffers ${g(parts.other)}` : '') +
      ` GiB.${list ? ` With ${list} GiB.` : ''}`,
    fixes,
  };
}
