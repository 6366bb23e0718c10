/**
 * Dense (no structured sparsity) peak tensor throughput of the accelerators people train on,
 * per chip, as each vendor publishes it. Vendors headline the 2:4-sparsity figure for NVIDIA
 * parts; the dense figure is half of it and is the one MFU is measured against
 * (Chowdhery et al. 2022, PaLM, appendix B). `fp8: null` means the chip has no FP8 tensor path.
 * Users override or add rows with the `computeBudget.planner.accelerators` setting.
 */
export type Precision = 'bf16' | 'fp8';

import { ACCELERATORS } from './acceleratorRows';
import type { Accelerator } from './accelerator';

export { ACCELERATORS };
export type { Accelerator };

const T = 1e12;

/** A user's row: peaks in TFLOP/s, as datasheets state them. */
export interface AcceleratorOverride {
  readonly bf16?: number;
  readonly fp8?: number | null;
  readonly name?: string;
}

function normalize(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/^nvidia[\s_-]*/, '')
    .replace(/[\s_-]+/g, '');
}

/**
 * The table with a user's overrides applied: an override of a known id replaces the figures it
 * gives; an unknown id adds a row (it must give `bf16`). Invalid figures are ignored.
 */
export function acceleratorTable(overrides: Readonly<Record<string, AcceleratorOverride>> = {}): Accelerator[] {
  const table = ACCELERATORS.map((row) => ({ ...row }));
  for (const [id, override] of Object.entries(overrides)) {
    if (!override || typeof override !== 'object') continue;
    const bf16 = positive(override.bf16);
    const fp8 = override.fp8 === null ? null : positive(override.fp8);
    const existing = table.find((row) => normalize(row.id) === normalize(id) || row.aliases.some((alias) => normalize(alias) === normalize(id)));
    if (existing) {
      const index = table.indexOf(existing);
      table[index] = {
        ...existing,
        bf16: bf16 !== undefined ? bf16 * T : existing.bf16,
        fp8: fp8 === null ? null : fp8 !== undefined ? fp8 * T : existing.fp8,
        source: 'your setting computeBudget.planner.accelerators',
      };
    } else if (bf16 !== undefined) {
      table.push({
        id,
        name: typeof override.name === 'string' ? override.name : id,
        bf16: bf16 * T,
        fp8: fp8 === null || fp8 === undefined ? null : fp8 * T,
        source: 'your setting computeBudget.planner.accelerators',
        aliases: [],
      });
    }
  }
  return table;
}

/** Finds a row by id or alias ("H100", "h100-sxm5", "NVIDIA H100 80GB HBM3", "tpu v5p"). */
export function findAccelerator(name: string, table: readonly Accelerator[] = ACCELERATORS): Accelerator | undefined {
  const wanted = normalize(name);
  if (!wanted) return undefined;
  const exact = table.find((row) => normalize(row.id) === wanted || row.aliases.some((alias) => normalize(alias) === wanted));
  if (exact) return exact;
  // "NVIDIA H100 80GB HBM3" and the like: a row whose id the name starts with.
  return table.find((row) => wanted.startsWith(normalize(row.id)));
}

/** The peak for a precision; FP8 on a chip without it falls back to nothing (the caller says so). */
export function peakFlops(accelerator: Accelerator, precision: Precision): number | null {
  return precision === 'fp8' ? accelerator.fp8 : accelerator.bf16;
}

function positive(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}
