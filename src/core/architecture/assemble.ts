import type { Finding } from '../analysis/findings';
import { fact, type Fact } from '../source/fact';
import type { Span } from '../source/tree';
import type { Architecture, LayerStack, LocalAttention, MixtureOfExperts, NormKind } from './architecture';
import type { LatentAttention } from './latentAttention';
import type { LayerBlocks } from './layerBlocks';

/** What a framework reader found; `assemble` fills derivable gaps and names what is missing. */
export interface Draft {
  family: string;
  hidden?: Fact;
  layers?: Fact;
  heads?: Fact;
  kvHeads?: Fact;
  headDim?: Fact;
  ffn?: Fact;
  vocab?: Fact;
  gated: Fact<boolean>;
  tied: Fact<boolean>;
  learnedPositions?: Fact;
  attentionBias: Architecture['attentionBias'];
  mlpBias: boolean;
  norm: NormKind;
  normsPerLayer: number;
  qkNorm?: number;
  moe?: {
    experts?: Fact;
    topK?: Fact;
    ffn?: Fact;
    sharedFfn?: Fact;
    sharedGate?: boolean;
    moeLayers?: number;
    routerBias?: boolean;
    expertsPerLayer?: readonly number[];
    residual?: boolean;
  };
  latentAttention?: LatentAttention;
  outputBias?: boolean;
  stack?: LayerStack;
  blocks?: LayerBlocks;
  mtpLayers?: Fact;
  mtpOutsideCount?: boolean;
  localAttention?: LocalAttention;
  /** Human names of the keys this family uses, for the "missing" message. */
  keyNames: { hidden: string; layers: string; heads: string; ffn?: string; vocab?: string };
}

export type Assembled = { readonly ok: true; readonly architecture: Architecture } | { readonly ok: false; readonly missing: string[] };

/** Dense-model facts that every decoder needs; head size and KV heads have standard defaults. */
export function assemble(draft: Draft): Assembled {
  const missing: string[] = [];
  if (!draft.hidden) missing.push(draft.keyNames.hidden);
  if (!draft.layers) missing.push(draft.keyNames.layers);
  if (!draft.heads) missing.push(draft.keyNames.heads);
  if (!draft.ffn) missing.push(draft.keyNames.ffn ?? 'MLP width');
  if (!draft.vocab) missing.push(draft.keyNames.vocab ?? 'vocabulary size');
  if (!draft.hidden || !draft.layers || !draft.heads || !draft.ffn || !draft.vocab) return { ok: false, missing };

  const heads = draft.heads;
  const kvHeads = draft.kvHeads ?? fact(heads.value, 'derived', { note: 'as many key/value heads as attention heads (no GQA key given)' });
  const headDim = draft.headDim ?? fact(draft.hidden.value / heads.value, 'derived', { note: `hidden size / heads = ${draft.hidden.value} / ${heads.value}` });
  let moe: MixtureOfExperts | undefined;
  if (draft.moe?.experts && draft.moe.experts.value > 1) {
    moe = {
      experts: draft.moe.experts,
      topK: draft.moe.topK ?? fact(2, 'assumed', { note: 'top-2 routing, the most common choice; no top-k key given' }),
      ffn: draft.moe.ffn ?? draft.ffn,
      sharedFfn: draft.moe.sharedFfn && draft.moe.sharedFfn.value > 0 ? draft.moe.sharedFfn : undefined,
      sharedGate: draft.moe.sharedGate ?? false,
      // Dense first layers beyond the depth (a typo) leave no MoE layers, never a negative count.
      moeLayers: Math.max(0, Math.min(draft.moe.moeLayers ?? draft.layers.value, draft.layers.value)),
      routerBias: draft.moe.routerBias,
      expertsPerLayer: draft.moe.expertsPerLayer,
      residual: draft.moe.residual,
    };
  }
  return {
    ok: true,
    architecture: {
      family: draft.family,
      hidden: draft.hidden,
      layers: draft.layers,
      heads,
      kvHeads,
      headDim,
      ffn: draft.ffn,
      gated: draft.gated,
      vocab: draft.vocab,
      tied: draft.tied,
      learnedPositions: draft.learnedPositions,
      attentionBias: draft.attentionBias,
      mlpBias: draft.mlpBias,
      norm: draft.norm,
      normsPerLayer: draft.normsPerLayer,
      qkNorm: draft.qkNorm ?? 0,
      moe,
      latentAttention: draft.latentAttention,
      outputBias: draft.outputBias,
      stack: draft.stack,
      blocks: draft.blocks,
      mtpLayers: draft.mtpLayers,
      mtpOutsideCount: draft.mtpOutsideCount,
      localAttention: draft.localAttention,
    },
  };
}

/** Heads that do not divide the hidden size (without an explicit head size) are a contradiction. */
export function architectureFindings(arch: Architecture, anchor: Span): Finding[] {
  const findings: Finding[] = [];
  if (!Number.isInteger(arch.headDim.value)) {
    findings.push({
      severity: 'warning',
      code: 'invalid-number',
      message: `${arch.heads.value} attention heads do not divide the hidden size ${arch.hidden.value}; the head size would be ${arch.headDim.value.toFixed(2)}.`,
      span: arch.heads.span ?? anchor,
    });
  }
  if (arch.kvHeads.value > arch.heads.value || arch.heads.value % arch.kvHeads.value !== 0) {
    findings.push({
      severity: 'warning',
      code: 'invalid-number',
      message: `${arch.kvHeads.value} key/value heads must divide the ${arch.heads.value} attention heads.`,
      span: arch.kvHeads.span ?? anchor,
    });
  }
  return findings;
}
