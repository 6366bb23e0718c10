import type { Architecture } from '../architecture/architecture';
import type { ParameterCount } from '../architecture/parameters';
import type { MemoryLayout } from './layout';

/** The parameters one device of a pipeline stage holds, split by how they are parallelised. */
export interface StageShard {
  readonly stage: number;
  /** Non-expert parameters on the device (after tensor parallelism). */
  readonly dense: number;
  /** Expert parameters on the device (after expert and expert-tensor parallelism). */
  readonly experts: number;
  /** Transformer layers on the stage. */
  readonly layers: number;
  /** Of `dense`, the embedding and output layer on the device: QLoRA leaves them unquantised. */
  readonly edges: number;
}

const LAYER_PARTS = new Set(['attention', 'mamba', 'mlp', 'router', 'shared-experts', 'norms']);

/**
 * Splits the model over pipeline stages as Megatron-LM does (`theoretical_memory_usage.py`):
 * layers evenly over stages, the embedding on the first stage, the untied output layer and the final
 * norm on the last; dense weights divided by TP, experts by EP × expert-TP.
 */
export function stageShards(arch: Architecture, count: ParameterCount, layout: MemoryLayout): StageShard[] {
  const tp = layout.tensorParallel.value;
  const pp = Math.max(1, Math.min(layout.pipelineParallel.value, arch.layers.value));
  const ep = layout.expertParallel.value;
  const etp = layout.expertTensorParallel?.value ?? tp;
  const sum = (ids: (id: string) => boolean) => count.parts.filter((part) => ids(part.id)).reduce((total, part) => total + part.total, 0);
  const layerDense = sum((id) => LAYER_PARTS.has(id));
  const experts = sum((id) => id === 'experts');
  const first = sum((id) => id === 'embedding' || id === 'positions');
  // With tied embeddings and pipelining, the last stage keeps its own copy of the word embeddings
  // for the output layer, kept equal by an all-reduce (Megatron-LM `LanguageModule.setup_embeddings_and_output_layer`).
  const tiedCopy = arch.tied.value && Math.min(layout.pipelineParallel.value, arch.layers.value) > 1 ? sum((id) => id === 'embedding') : 0;
  const last = sum((id) => id === 'output' || id === 'final-norm') + tiedCopy;
  const layers = arch.layers.value;
  const shards: StageShard[] = [];
  for (let stage = 0; stage < pp; stage++) {
    // Megatron gives the remainder to no stage: layers must divide evenly; we round the busiest up.
    const stageLayers = Math.ceil(layers / pp);
    const share = stageLayers / layers;
    const edges = (stage === 0 ? first : 0) + (stage === pp - 1 ? last : 0);
    shards.push({ stage, dense: (layerDense * share + edges) / tp, experts: (experts * share) / (ep * etp), layers: stageLayers, edges: edges / tp });
  }
  return shards;
}
