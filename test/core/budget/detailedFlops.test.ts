import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';
import type { Architecture } from '../../../src/core/architecture/architecture';
import { averageKeys, detailedFlops } from '../../../src/core/budget/detailedFlops';
import { findModel } from '../../../src/core/catalog/models';

function architectureOf(id: string): Architecture {
  const model = findModel(id)!;
  const architecture = analyze(JSON.stringify(model.config), 'config.json').model.architecture;
  assert.ok(architecture, `no architecture for ${id}`);
  return architecture;
}

/**
 * Megatron-LM's MFU counter (megatron/training/training.py, `num_floating_point_operations`), as
 * written there, for one sequence: 12·s·L·h²·[(1 + g/a + s/h)·(a·d/h) + (f/h)·k_routed·(3/2 if
 * SwiGLU) + f_shared/h·(3/2) + V/(2·L·h)]. Divided by s for one token.
 */
function megatronPerToken(shape: {
  h: number;
  L: number;
  a: number;
  g: number;
  d: number;
  f: number;
  topK: number;
  swiglu: boolean;
  shared: number;
  V: number;
  s: number;
}): number {
  const { h, L, a, g, d, f, topK, swiglu, shared, V, s } = shape;
  const gated = swiglu ? 3 / 2 : 1;
  const perSequence = 12 * s * L * h * h * ((1 + g / a + s / h) * ((a * d) / h) + (f / h) * topK * gated + (shared / h) * gated + V / (2 * L * h));
  return perSequence / s;
}

describe('training FLOPs per token, component by component', () => {
  it('matches Megatron-LM’s FLOP counter for Llama-2-7B at 4,096 tokens, without the causal half', () => {
    const arch = architectureOf('meta-llama/Llama-2-7b-hf');
    const ours = detailedFlops(arch, { sequenceLength: 4096, causal: false });
    const megatron = megatronPerToken({ h: 4096, L: 32, a: 32, g: 32, d: 128, f: 11008, topK: 1, swiglu: true, shared: 0, V: 32000, s: 4096 });
    assert.ok(Math.abs(ours.perToken / megatron - 1) < 1e-6, `${ours.perToken} vs Megatron's ${megatron}`);
  });

  it('matches Megatron-LM’s counter for the Qwen3-30B-A3B mixture of experts once its routers are left out, as Megatron leaves them', () => {
    const arch = architectureOf('Qwen/Qwen3-30B-A3B');
    const ours = detailedFlops(arch, { sequenceLength: 4096, causal: false });
    const router = ours.components.find((component) => component.id === 'router')!;
    // 48 layers × 2,048 × 128 experts router parameters, six FLOPs each per token.
    assert.equal(router.perToken, 6 * 48 * 2048 * 128);
    const megatron = megatronPerToken({ h: 2048, L: 48, a: 32, g: 4, d: 128, f: 768, topK: 8, swiglu: true, shared: 0, V: 151936, s: 4096 });
    // The q/k norms (2 × 128 per layer) are counted as weights here: 74K of 2.3e10 FLOPs per token.
    assert.ok(Math.abs((ours.perToken - router.perToken) / megatron - 1) < 1e-5, `${ours.perToken - router.perToken} vs Megatron's ${megatron}`);
    // Compute follows the active parameters: 6 × 3.3B, nowhere near 6 × 30.5B.
    assert.ok(ours.sixN < 6 * 3.4e9 && ours.sixN > 6 * 3.2e9, String(ours.sixN));
  });

  it('equals torchtitan’s and PaLM’s 6·N + 12·L·H·Q·T, N without the embedding, for Llama-3-8B at 8,192 tokens', () => {
    const arch = architectureOf('meta-llama/Meta-Llama-3-8B');
    const ours = detailedFlops(arch, { sequenceLength: 8192, causal: false });
    const total = 8_030_261_248;
    const embedding = 128_256 * 4096;
    const norms = 32 * 2 * 4096 + 4096;
    // torchtitan counts its norms among the parameters; the matmul count here leaves them out.
    const torchtitan = 6 * (total - embedding) + 12 * 32 * 32 * 128 * 8192;
    assert.ok(Math.abs(ours.perToken - (torchtitan - 6 * norms)) < 1, `${ours.perToken} vs ${torchtitan - 6 * norms}`);
  });

  it('halves attention over the context under a causal mask and caps it at a sliding window', () => {
    assert.equal(averageKeys(4096, false, undefined), 4096);
    assert.equal(averageKeys(4096, true, undefined), 2048.5);
    // Mistral 7B v0.1: window 4,096 over a 32,768 context: (4096·4097/2 + 28672·4096) / 32768.
    assert.equal(averageKeys(32768, true, 4096), ((4096 * 4097) / 2 + 28672 * 4096) / 32768);
    const arch = architectureOf('meta-llama/Llama-2-7b-hf');
    const full = detailedFlops(arch, { sequenceLength: 4096, causal: false }).components.find((c) => c.id === 'attention-scores')!;
    const causal = detailedFlops(arch, { sequenceLength: 4096 }).components.find((c) => c.id === 'attention-scores')!;
    assert.equal(causal.perToken / full.perToken, 2048.5 / 4096);
  });

  it('shows how far long context takes a run from 6·N', () => {
    const arch = architectureOf('meta-llama/Llama-2-7b-hf');
    const short = detailedFlops(arch, { sequenceLength: 2048 });
    const long = detailedFlops(arch, { sequenceLength: 131072 });
    assert.ok(short.difference < 0.05, `2K context: ${short.difference}`);
    assert.ok(long.difference > 1, `128K context: ${long.difference}`);
  });
});
