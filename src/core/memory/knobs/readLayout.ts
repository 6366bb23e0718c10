import type { Architecture } from '../../architecture/architecture';
import type { ReadContext } from '../../resources/readContext';
import { resolveReference } from '../../resources/resources';
import { userFact } from '../../source/directives';
import { fact, type Fact } from '../../source/fact';
import { parseSource } from '../../source/syntax';
import { ConfigView } from '../../source/view';
import type { MemoryLayout } from '../layout';
import { readDeepSpeedKnobs } from './deepspeed';
import { readTrainerKnobs } from './hfTrainer';
import { readMegatronKnobs } from './megatron';
import { byDefault } from './read';
import type { KnobReading } from './reading';
import { readTorchtitanKnobs } from './torchtitan';
import { readTorchtuneKnobs } from './torchtune';

/** Frameworks whose files are training configs by nature: their memory is estimated even with every knob at its default. */
const TRAINERS = new Set(['megatron-lm', 'nemo', 'gpt-neox', 'torchtitan', 'torchtune', 'axolotl']);

/** Where each framework leaves recomputation off when nothing says otherwise (torchtitan's default is on: torchtitan.ts). */
const MEGATRON_NO_RECOMPUTE = 'Megatron-LM: --recompute-granularity None by default (NVIDIA/Megatron-LM@307dcf37 megatron/training/arguments.py)';
const HF_NO_RECOMPUTE =
  'Hugging Face TrainingArguments: gradient_checkpointing False by default (huggingface/transformers@00349ae8 src/transformers/training_args.py)';
const NO_RECOMPUTE: Readonly<Record<string, string>> = {
  'megatron-lm': MEGATRON_NO_RECOMPUTE,
  'megatron-args': MEGATRON_NO_RECOMPUTE,
  nemo: MEGATRON_NO_RECOMPUTE,
  'gpt-neox': MEGATRON_NO_RECOMPUTE,
  torchtune:
    'torchtune: enable_activation_checkpointing False unless set (pytorch/torchtune@01067f61 recipes/full_finetune_single_device.py, cfg.get(..., False))',
  'hf-trainer': HF_NO_RECOMPUTE,
  // Axolotl hands gradient_checkpointing to TrainingArguments.
  axolotl: HF_NO_RECOMPUTE,
};

export interface LayoutResult {
  readonly layout?: MemoryLayout;
  /** What is needed and not known ("the micro-batch size", "the accelerator count"). */
  readonly missing: readonly string[];
}

function readFormat(framework: string, view: ConfigView, fileName: string): KnobReading {
  if (framework === 'megatron-lm' || framework === 'nemo' || framework === 'gpt-neox') {
    const megatron = readMegatronKnobs(view);
    const deepspeed = readDeepSpeedKnobs(view);
    return deepspeed.regime ? { ...megatron, ...defined(deepspeed), regime: 'deepspeed' } : megatron;
  }
  if (framework === 'torchtitan') return readTorchtitanKnobs(view);
  if (framework === 'torchtune') return readTorchtuneKnobs(view, /distributed/i.test(fileName) || !!view.find(['fsdp_cpu_offload']));
  const deepspeed = readDeepSpeedKnobs(view);
  if (deepspeed.regime) return deepspeed;
  return readTrainerKnobs(view);
}

/** Only the fields a reader found, so merging never overwrites a reading with `undefined`. */
function defined(reading: KnobReading): KnobReading {
  return Object.fromEntries(Object.entries(reading).filter(([, value]) => value !== undefined)) as KnobReading;
}

/** A DeepSpeed JSON the config names, read through the host; `undefined` while the host has yet to read it. */
function namedDeepSpeed(reading: KnobReading, context: ReadContext): KnobReading {
  const named = reading.deepspeedConfig;
  if (!named) return {};
  const text = context.lookups.file(resolveReference(context.fileName, named.value.trim()));
  if (typeof text !== 'string') return {};
  const parsed = parseSource(text, 'json');
  return defined(readDeepSpeedKnobs(new ConfigView(parsed.root)));
}

/**
 * The layout of a training run from its config, a DeepSpeed JSON it names, and facts. Every knob
 * not written takes its framework's default, marked as assumed with the place it is defined.
 */
export function readLayout(
  framework: string,
  view: ConfigView,
  context: ReadContext,
  arch: Architecture,
  known: { readonly sequenceLength?: number; readonly accelerators?: Fact; readonly trainable?: number },
): LayoutResult {
  const own = readFormat(framework, view, context.fileName);
  const fromJson = namedDeepSpeed(own, context);
  // The trainer's own batch wins over a DeepSpeed JSON's ("auto" there is not read at all).
  const reading: KnobReading = { ...own, ...fromJson, microBatch: own.microBatch ?? fromJson.microBatch, regime: fromJson.regime ?? own.regime };
  const stated = [reading.microBatch, reading.tensorParallel, reading.pipelineParallel, reading.shardStage, reading.recompute, reading.globalBatch].some(
    (knob) => knob?.origin === 'config',
  );
  if (!stated && !TRAINERS.has(framework) && !fromJson.regime) return { missing: [] };
  const missing: string[] = [];
  const one = (knob: Fact | undefined, what: string) => (knob && knob.value >= 1 ? knob : byDefault(1, `${what}: 1 by default`));
  const tensorParallel = one(reading.tensorParallel, 'tensor parallelism');
  const pipelineParallel = one(reading.pipelineParallel, 'pipeline parallelism');
  const contextParallel = one(reading.contextParallel, 'context parallelism');
  const virtualStages = one(reading.virtualStages, 'virtual pipeline stages');
  const expertParallel = one(reading.expertParallel, 'expert parallelism');
  const trainerDefault = framework === 'torchtitan' || !TRAINERS.has(framework);
  const microBatch =
    reading.microBatch && reading.microBatch.value >= 1
      ? reading.microBatch
      : trainerDefault
        ? byDefault(
            8,
            framework === 'torchtitan'
              ? 'torchtitan: local_batch_size 8 by default'
              : 'Hugging Face TrainingArguments: per_device_train_batch_size 8 by default',
          )
        : undefined;
  if (!microBatch) missing.push('the micro-batch size');
  const sequence =
    reading.sequenceLength ?? (known.sequenceLength ? fact(known.sequenceLength, 'derived', { note: "the training length's sequence length" }) : undefined);
  if (!sequence || !(sequence.value >= 1)) missing.push('the sequence length');
  const gpus = userFact(context.facts, 'gpus');
  const accelerators = gpus ? fact(gpus.value, 'user', { key: 'compute-budget: gpus', span: gpus.span }) : known.accelerators;
  const modelParallel = tensorParallel.value * pipelineParallel.value * contextParallel.value;
  const dataParallel =
    accelerators && accelerators.value >= modelParallel
      ? fact(Math.floor(accelerators.value / modelParallel), 'derived', {
          key: accelerators.key,
          span: accelerators.span,
          note: `${accelerators.value} accelerators ÷ (TP × PP × CP = ${modelParallel})`,
        })
      : undefined;
  const shardStage = reading.shardStage ?? byDefault(0, 'no ZeRO, FSDP or distributed optimizer');
  if (shardStage.value > 0 && !dataParallel) missing.push('the accelerator count (gpus=N), which the sharded states divide by');
  if (missing.length) return { missing };
  const megatron = reading.regime === 'megatron';
  const layout: MemoryLayout = {
    framework,
    regime: reading.regime ?? 'amp',
    tensorParallel,
    pipelineParallel,
    virtualStages,
    contextParallel,
    expertParallel,
    expertTensorParallel: reading.expertTensorParallel,
    dataParallel,
    shardStage,
    microBatch: microBatch!,
    globalBatch:
      reading.globalBatch ??
      (dataParallel && reading.gradientAccumulation
        ? fact(microBatch!.value * reading.gradientAccumulation.value * dataParallel.value, 'derived')
        : undefined) ??
      // torchtitan: `global_batch_size = -1` (the default) is local_batch_size × the data-parallel degree, no accumulation.
      (dataParallel && framework === 'torchtitan'
        ? fact(microBatch!.value * dataParallel.value, 'derived', { note: 'torchtitan: global_batch_size -1 = local_batch_size × data-parallel degree' })
        : undefined),
    sequenceLength: sequence!,
    recompute: reading.recompute ?? byDefault('none', NO_RECOMPUTE[framework] ?? 'no activation recomputation unless the config turns it on'),
    recomputeLayers: reading.recomputeLayers,
    recomputeEvery: reading.recomputeEvery,
    sequenceParallel:
      reading.sequenceParallel ??
      byDefault(framework === 'torchtitan' && tensorParallel.value > 1, 'sequence parallelism off by default (torchtitan: on with TP)'),
    flashAttention: reading.flashAttention ?? byDefault(true, 'fused or flash attention (Megatron with Transformer Engine, PyTorch SDPA in transformers)'),
    dropout: reading.dropout ?? byDefault(megatron, megatron ? 'Megatron-LM: hidden_dropout 0.1 by default' : 'no dropout (most current models)'),
    optimizer: reading.optimizer ?? byDefault('adam', 'AdamW'),
    offloadOptimizer: reading.offloadOptimizer ?? byDefault(false, 'no offload'),
    offloadParameters: reading.offloadParameters ?? byDefault(false, 'no offload'),
    baseBits: reading.baseBits,
    trainable: known.trainable,
    bucketElements: reading.bucketElements,
    lossChunks: reading.lossChunks,
    offloadActivations: reading.offloadActivations,
  };
  return { layout, missing: [] };
}
