import type { Fact } from '../source/fact';

/**
 * A Mamba mixer, the state-space layer hybrid stacks put in place of attention.
 * `mamba1`: Jamba's `JambaMambaMixer` (selective scan, x_proj and dt_proj; Jamba adds RMSNorms on
 * dt, B and C). `mamba2`: `NemotronHMamba2Mixer` / `Mamba2Mixer` (heads, groups, a gated RMSNorm).
 */
export type MambaMixer =
  | {
      readonly kind: 'mamba1';
      /** mamba_expand × hidden size. */
      readonly inner: Fact;
      readonly stateSize: Fact;
      readonly convKernel: Fact;
      readonly dtRank: Fact;
      readonly convBias: boolean;
      readonly projectionBias: boolean;
      /** Jamba's RMSNorms on dt (dt_rank), B and C (state size each). */
      readonly innerNorms: boolean;
    }
  | {
      readonly kind: 'mamba2';
      readonly heads: Fact;
      readonly headDim: Fact;
      readonly stateSize: Fact;
      readonly groups: Fact;
      readonly convKernel: Fact;
      readonly convBias: boolean;
      readonly projectionBias: boolean;
    };

/** Parameters of one mixer, with the arithmetic a person can check against the modeling code. */
export function mambaParameters(hidden: number, mixer: MambaMixer): { perLayer: number; formula: string } {
  const h = hidden;
  if (mixer.kind === 'mamba1') {
    const i = mixer.inner.value;
    const n = mixer.stateSize.value;
    const r = mixer.dtRank.value;
    const k = mixer.convKernel.value;
    const inProj = h * 2 * i + (mixer.projectionBias ? 2 * i : 0);
    const conv = i * k + (mixer.convBias ? i : 0);
    const xProj = i * (r + 2 * n);
    const dtProj = r * i + i;
    const state = i * n + i; // A_log and D
    const outProj = i * h + (mixer.projectionBias ? h : 0);
    const norms = mixer.innerNorms ? r + 2 * n : 0;
    return {
      perLayer: inProj + conv + xProj + dtProj + state + outProj + norms,
      formula: `${h} × 2·${i} (in) + ${i} × ${k} (conv) + ${i} × (${r}+2×${n}) (x) + ${r} × ${i} + ${i} (dt) + ${i} × ${n} + ${i} (A, D) + ${i} × ${h} (out)${norms ? ` + ${norms} (norms)` : ''}`,
    };
  }
  const heads = mixer.heads.value;
  const i = heads * mixer.headDim.value;
  const n = mixer.stateSize.value;
  const g = mixer.groups.value;
  const k = mixer.convKernel.value;
  const convDim = i + 2 * g * n;
  const projection = i + convDim + heads;
  const inProj = h * projection + (mixer.projectionBias ? projection : 0);
  const conv = convDim * k + (mixer.convBias ? convDim : 0);
  const perHead = 3 * heads; // dt_bias, A_log, D
  const norm = i;
  const outProj = i * h + (mixer.projectionBias ? h : 0);
  return {
    perLayer: inProj + conv + perHead + norm + outProj,
    formula: `${h} × ${projection} (in) + ${convDim} × ${k}${mixer.convBias ? ` + ${convDim}` : ''} (conv) + 3 × ${heads} (dt, A, D) + ${i} (norm) + ${i} × ${h} (out)`,
  };
}

export function mambaFacts(mixer: MambaMixer): Fact[] {
  return mixer.kind === 'mamba1'
    ? [mixer.inner, mixer.stateSize, mixer.convKernel, mixer.dtRank]
    : [mixer.heads, mixer.headDim, mixer.stateSize, mixer.groups, mixer.convKernel];
}
