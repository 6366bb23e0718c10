import type { Architecture } from '../../../src/core/architecture/architecture';
import { countParameters } from '../../../src/core/architecture/parameters';
import { fact, type Fact } from '../../../src/core/source/fact';
import type { MemoryLayout } from '../../../src/core/memory/layout';

const n = (value: number): Fact => fact(value, 'config');

/** A decoder as the tests describe it: the numbers that fix its memory, the rest of a Llama-style block. */
export function decoder(shape: {
  hidden: number;
  layers: number;
  heads: number;
  kvHeads?: number;
  headDim?: number;
  ffn: number;
  vocab: number;
  gated: boolean;
  tied: boolean;
  positions?: number;
  gpt2?: boolean;
}): Architecture {
  return {
    family: 'test',
    hidden: n(shape.hidden),
    layers: n(shape.layers),
    heads: n(shape.heads),
    kvHeads: n(shape.kvHeads ?? shape.heads),
    headDim: n(shape.headDim ?? shape.hidden / shape.heads),
    ffn: n(shape.ffn),
    gated: fact(shape.gated, 'config'),
    vocab: n(shape.vocab),
    tied: fact(shape.tied, 'config'),
    learnedPositions: shape.positions ? n(shape.positions) : undefined,
    attentionBias: shape.gpt2 ? 'all' : 'none',
    mlpBias: !!shape.gpt2,
    norm: shape.gpt2 ? 'layernorm' : 'rms',
    normsPerLayer: 2,
    qkNorm: 0,
  };
}

export function counted(arch: Architecture) {
  return countParameters(arch);
}

/** A layout with every knob given; `overrides` changes what a case sets. */
export function layout(overrides: Partial<Record<keyof MemoryLayout, unknown>> & { regime?: MemoryLayout['regime'] }): MemoryLayout {
  const base: MemoryLayout = {
    framework: 'test',
    regime: 'megatron',
    tensorParallel: n(1),
    pipelineParallel: n(1),
    virtualStages: n(1),
    contextParallel: n(1),
    expertParallel: n(1),
    shardStage: n(0),
    microBatch: n(1),
    sequenceLength: n(2048),
    recompute: fact('none', 'config'),
    sequenceParallel: fact(false, 'config'),
    flashAttention: fact(true, 'config'),
    dropout: fact(false, 'config'),
    optimizer: fact('adam', 'config'),
    offloadOptimizer: fact(false, 'config'),
    offloadParameters: fact(false, 'config'),
  };
  const wrapped = Object.fromEntries(
    Object.entries(overrides).map(([key, value]) => [
      key,
      key === 'regime' || key === 'trainable' || typeof value === 'object' ? value : fact(value, 'config'),
    ]),
  );
  return { ...base, ...wrapped } as MemoryLayout;
}
