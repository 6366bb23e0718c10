import type { ModelResult } from '../architecture/readModel';
import type { Finding } from '../analysis/findings';
import type { ReadContext } from '../resources/readContext';
import { findAccelerator, peakFlops, type Accelerator } from '../hardware/accelerators';
import { DEFAULT_MFU } from '../hardware/estimate';
import type { StatedHardware } from '../hardware/readHardware';
import { userFact } from '../source/directives';
import type { Fact } from '../source/fact';
import { printable, type ConfigView } from '../source/view';
import { estimateMemory, type MemoryEstimate } from './estimate';
import { fitsIn, FIT_MARGIN, outOfMemory } from './fit';
import { readLayout } from './knobs/readLayout';
import type { MemoryLayout } from './layout';
import type { MemoryReport, ServingReport, ThroughputReport } from './report';
import { layoutsThatFit } from './layouts';
import { reverseQuestion } from './reverse';
import { readServing } from './serving';
import type { Architecture } from '../architecture/architecture';
import type { ParameterCount } from '../architecture/parameters';
import { detailedFlops } from '../budget/detailedFlops';
import { publishedMfu } from './mfuTable';
import { attentionFlopsPerToken, stepTime } from './stepTime';
import { countAdapter, type AdapterSettings } from '../training/adapters';
import type { TokenResult } from '../training/tokens';

export interface MemoryInputs {
  readonly framework: string;
  readonly view: ConfigView;
  readonly context: ReadContext;
  readonly model: ModelResult;
  readonly training: TokenResult;
  readonly hardware?: StatedHardware;
  readonly table: readonly Accelerator[];
  readonly adapter?: AdapterSettings;
  /** Propose the layouts that fit (costly: only when asked). */
  readonly layouts?: boolean;
}

export interface MemoryOutcome {
  readonly memory: MemoryReport | null;
  readonly throughput: ThroughputReport | null;
  readonly serving: ServingReport | null;
  readonly findings: readonly Finding[];
}

export const NO_MEMORY: MemoryOutcome = { memory: null, throughput: null, serving: null, findings: [] };

/** The accelerator from `accelerator=` (a fact wins over the file) or the config's own hardware keys. */
function accelerator(inputs: MemoryInputs, findings: Finding[]): Accelerator | undefined {
  const named = userFact(inputs.context.facts, 'accelerator');
  if (named?.text) {
    const found = findAccelerator(named.text, inputs.table);
    if (!found)
      findings.push({
        severity: 'warning',
        code: 'invalid-directive',
        span: named.span ?? { start: 0, end: 0 },
        message: `compute-budget: accelerator=${printable(named.text, 40)} is not in the accelerator table; known: ${inputs.table.map((row) => row.id).join(', ')}.`,
      });
    return found;
  }
  return inputs.hardware?.accelerator?.value;
}

/** Memory per device, step time and serving memory for one analysed file; never throws. */
export function memoryStage(inputs: MemoryInputs): MemoryOutcome {
  const arch = inputs.model.architecture;
  const count = inputs.model.count;
  if (!arch || !count) return NO_MEMORY;
  const findings: Finding[] = [];
  const chip = accelerator(inputs, findings);
  const anchor = inputs.model.anchor ?? inputs.training.anchor ?? { start: 0, end: 0 };
  const adapter = inputs.adapter ? countAdapter(inputs.adapter, arch) : null;
  const active = inputs.model.active?.value ?? count.total;
  // Adapters: the frozen model runs forward and back, only the adapters' weights get gradients.
  const flopsPerToken = adapter ? 4 * active + 2 * adapter.trainable : 6 * active;
  const sequenceLength =
    inputs.training.factors.find((factor) => factor.key && /seq|context|block_size/i.test(factor.key))?.value ?? arch.learnedPositions?.value;
  const gpus = userFact(inputs.context.facts, 'gpus');
  const devices: Fact | undefined = gpus
    ? { value: gpus.value, origin: 'user', key: 'compute-budget: gpus', span: gpus.span }
    : inputs.hardware?.count
      ? { value: inputs.hardware.count.value, origin: 'config', key: inputs.hardware.count.key, span: inputs.hardware.count.span }
      : undefined;
  const serving = readServing(inputs.view, arch, count.total, chip, inputs.context.facts);
  const { layout, missing } = readLayout(inputs.framework, inputs.view, inputs.context, arch, {
    sequenceLength,
    accelerators: devices,
    trainable: adapter?.trainable,
  });
  if (!layout) {
    if (missing.length && chip)
      findings.push({
        severity: 'information',
        code: 'assumed-value',
        span: anchor,
        message: `Memory per ${chip.name} is not estimated: it needs ${missing.join(' and ')}.`,
      });
    return { memory: null, throughput: null, serving, findings };
  }
  const estimate = estimateMemory(arch, count, layout);
  const capacity = chip?.memoryBytes;
  const usable = capacity === undefined ? undefined : capacity * (1 - FIT_MARGIN);
  const report = memoryReport(estimate, layout, chip, usable === undefined ? null : reverseQuestion(arch, count, layout, usable));
  if (inputs.layouts && usable !== undefined) report.layouts = layoutsThatFit(arch, count, layout, usable);
  if (chip && capacity) {
    const finding = outOfMemory(arch, count, layout, estimate, { name: chip.name, bytes: capacity }, anchor);
    if (finding) findings.push(finding);
  }
  // Model FLOPs as published MFUs count them, attention over every key (stepTime.ts): the shared
  // per-component count (budget/detailedFlops.ts: windows, experts, latent attention, logits);
  // with adapters, which it does not count, the adapter FLOPs plus attention's.
  const sequence = layout.sequenceLength.value;
  const modelFlops = adapter ? flopsPerToken + attentionFlopsPerToken(arch, sequence) : modelFlopsPerToken(arch, count, sequence, flopsPerToken);
  return { memory: report, throughput: throughput(inputs, layout, estimate, chip, devices, modelFlops), serving, findings };
}

function memoryReport(estimate: MemoryEstimate, layout: MemoryLayout, chip: Accelerator | undefined, reverse: MemoryReport['reverse']): MemoryReport {
  const capacity = chip?.memoryBytes;
  const knobs: [string, Fact<string | number | boolean>][] = [
    ['tensorParallel', layout.tensorParallel],
    ['pipelineParallel', layout.pipelineParallel],
    ['virtualStages', layout.virtualStages],
    ['contextParallel', layout.contextParallel],
    ['expertParallel', layout.expertParallel],
    ['shardStage', layout.shardStage],
    ['microBatch', layout.microBatch],
    ['sequenceLength', layout.sequenceLength],
    ['recompute', layout.recompute],
    ['sequenceParallel', layout.sequenceParallel],
    ['flashAttention', layout.flashAttention],
    ['optimizer', layout.optimizer],
  ];
  if (layout.recomputeEvery) knobs.push(['recomputeEvery', layout.recomputeEvery]);
  if (layout.dataParallel) knobs.push(['dataParallel', layout.dataParallel]);
  if (layout.globalBatch) knobs.push(['globalBatch', layout.globalBatch]);
  if (layout.baseBits) knobs.push(['baseBits', layout.baseBits]);
  if (layout.lossChunks) knobs.push(['lossChunks', layout.lossChunks]);
  if (layout.offloadActivations) knobs.push(['offloadActivations', layout.offloadActivations]);
  return {
    peakBytesPerDevice: estimate.peakBytesPerDevice,
    statistic: estimate.statistic,
    stages: estimate.stages.map(({ stage, peakBytes }) => ({ stage, peakBytes })),
    parts: estimate.parts,
    peakPhase: estimate.peakPhase,
    rank: estimate.rank,
    reserved: estimate.reserved,
    accelerator: chip && capacity ? { name: chip.name, bytes: capacity } : null,
    fits: capacity ? fitsIn(estimate.peakBytesPerDevice, capacity) : null,
    reverse,
    layout: [
      { knob: 'regime', value: layout.regime, origin: 'derived' },
      ...knobs.map(([knob, value]) => ({ knob, value: value.value, origin: value.origin, key: value.key, note: value.note })),
    ],
  };
}

/** torchtitan's and PaLM's convention (every key attended), falling back to 6·N plus attention when the count is not finite. */
function modelFlopsPerToken(arch: Architecture, count: ParameterCount, sequence: number, sixN: number): number {
  const detailed = detailedFlops(arch, { sequenceLength: sequence, count }).fullAttentionPerToken;
  return Number.isFinite(detailed) && detailed > 0 ? detailed : sixN + attentionFlopsPerToken(arch, sequence);
}

function throughput(
  inputs: MemoryInputs,
  layout: MemoryLayout,
  estimate: MemoryEstimate,
  chip: Accelerator | undefined,
  devices: Fact | undefined,
  flopsPerToken: number,
): ThroughputReport | null {
  const global = layout.globalBatch?.value;
  if (!chip || !devices || !global || !(flopsPerToken > 0)) return null;
  const precision = inputs.hardware?.precision ?? 'bf16';
  const peak = peakFlops(chip, precision);
  if (peak === null) return null;
  const fact = userFact(inputs.context.facts, 'mfu');
  const stated = inputs.hardware?.mfu.key;
  const published = publishedMfu(chip);
  const mfu = fact?.value ?? (stated ? inputs.hardware?.mfu.value : undefined) ?? published?.mfu ?? DEFAULT_MFU;
  const measured = !!fact || !!stated;
  const mfuSource = fact
    ? 'compute-budget: mfu'
    : stated
      ? stated
      : published
        ? `published for ${chip.name}: ${published.source}`
        : `default ${DEFAULT_MFU} (published large runs sit near it)`;
  const tokensPerStep = global * layout.sequenceLength.value;
  const time = stepTime({
    flopsPerToken,
    tokensPerStep,
    accelerators: devices.value,
    peak,
    mfu,
    mfuMeasured: measured,
    mfuSource,
    pipeline: layout.pipelineParallel.value,
    virtualStages: layout.virtualStages.value,
    microBatches: estimate.microBatches,
    trainingTokens: inputs.training.tokens?.value ?? null,
  });
  // The cost only from a price the user states: prices change and differ by contract, so none is built in.
  const price = userFact(inputs.context.facts, 'price_per_hour')?.value ?? null;
  const acceleratorHours = time.days === null ? null : time.days * 24 * devices.value;
  const cost = price !== null && acceleratorHours !== null ? acceleratorHours * price : null;
  return {
    stepSeconds: time.stepSeconds,
    mfu: time.mfu,
    mfuSource,
    days: time.days,
    acceleratorHours,
    cost,
    pricePerHour: price,
    tokensPerStep,
    assumptions: time.assumptions,
  };
}
