/**
 * Dense (no structured sparsity) peak tensor throughput of the accelerators people train on,
 * per chip, as each vendor publishes it. Vendors headline the 2:4-sparsity figure for NVIDIA
 * parts; the dense figure is half of it and is the one MFU is measured against
 * (Chowdhery et al. 2022, PaLM, appendix B). `fp8: null` means the chip has no FP8 tensor path.
 * Users override or add rows with the `computeBudget.planner.accelerators` setting.
 */
export type Precision = 'bf16' | 'fp8';

export interface Accelerator {
  readonly id: string;
  readonly name: string;
  /** Dense BF16 peak, FLOP/s per chip. */
  readonly bf16: number;
  /** Dense FP8 peak, FLOP/s per chip; null when the chip has no FP8 tensor cores. */
  readonly fp8: number | null;
  readonly source: string;
  /** Other ways configs and people write the name (matched case-insensitively, ignoring spaces, '-' and '_'). */
  readonly aliases: readonly string[];
}

const T = 1e12;

export const ACCELERATORS: readonly Accelerator[] = [
  // NVIDIA A100 Tensor Core GPU datasheet (2021): BF16 Tensor Core 312 TFLOPS (624 with sparsity); no FP8.
  {
    id: 'A100',
    name: 'NVIDIA A100 (SXM)',
    bf16: 312 * T,
    fp8: null,
    source: 'NVIDIA A100 Tensor Core GPU datasheet: BF16 312 TFLOPS dense (624 with sparsity); no FP8',
    aliases: ['a100-sxm', 'a100-80gb', 'a100-40gb', 'a100-sxm4-80gb', 'nvidia-a100'],
  },
  // NVIDIA H100 Tensor Core GPU datasheet, SXM: BF16 1,979 TFLOPS and FP8 3,958 TFLOPS "with sparsity"; dense is half.
  {
    id: 'H100',
    name: 'NVIDIA H100 (SXM)',
    bf16: 989.5 * T,
    fp8: 1979 * T,
    source: 'NVIDIA H100 Tensor Core GPU datasheet (SXM): BF16 1,979 / FP8 3,958 TFLOPS with sparsity, so 989.5 / 1,979 dense',
    aliases: ['h100-sxm', 'h100-sxm5', 'h100-80gb', 'h100-80gb-hbm3', 'nvidia-h100'],
  },
  // NVIDIA H200 Tensor Core GPU datasheet, SXM: same tensor cores as H100 SXM (BF16 1,979 / FP8 3,958 with sparsity).
  {
    id: 'H200',
    name: 'NVIDIA H200 (SXM)',
    bf16: 989.5 * T,
    fp8: 1979 * T,
    source: 'NVIDIA H200 Tensor Core GPU datasheet (SXM): BF16 1,979 / FP8 3,958 TFLOPS with sparsity, so 989.5 / 1,979 dense',
    aliases: ['h200-sxm', 'h200-141gb', 'nvidia-h200'],
  },
  // NVIDIA HGX B200 specifications, per GPU: BF16 4.5 PFLOPS and FP8 9 PFLOPS with sparsity; dense is half.
  {
    id: 'B200',
    name: 'NVIDIA B200 (HGX)',
    bf16: 2250 * T,
    fp8: 4500 * T,
    source: 'NVIDIA HGX B200 specifications, per GPU: BF16 4.5 / FP8 9 PFLOPS with sparsity, so 2.25 / 4.5 PFLOPS dense',
    aliases: ['b200-sxm', 'nvidia-b200', 'hgx-b200', 'dgx-b200'],
  },
  // AMD Instinct MI300X data sheet: peak BF16 1,307.4 TFLOPS and FP8 2,614.9 TFLOPS, both dense (sparsity doubles them).
  {
    id: 'MI300X',
    name: 'AMD Instinct MI300X',
    bf16: 1307.4 * T,
    fp8: 2614.9 * T,
    source: 'AMD Instinct MI300X accelerator data sheet: BF16 1,307.4 / FP8 2,614.9 TFLOPS dense',
    aliases: ['mi300', 'amd-mi300x', 'instinct-mi300x'],
  },
  // Google Cloud TPU v5p documentation: 459 TFLOPS BF16 per chip (918 TOPS INT8); no FP8.
  {
    id: 'TPUv5p',
    name: 'Google TPU v5p',
    bf16: 459 * T,
    fp8: null,
    source: 'Google Cloud TPU v5p documentation: 459 TFLOPS BF16 per chip; INT8 918 TOPS; no FP8',
    aliases: ['tpu-v5p', 'v5p', 'tpuv5p'],
  },
  // Google Cloud TPU v5e documentation: 197 TFLOPS BF16 per chip (394 TOPS INT8); no FP8.
  {
    id: 'TPUv5e',
    name: 'Google TPU v5e',
    bf16: 197 * T,
    fp8: null,
    source: 'Google Cloud TPU v5e documentation: 197 TFLOPS BF16 per chip; INT8 394 TOPS; no FP8',
    aliases: ['tpu-v5e', 'v5e', 'tpuv5e', 'v5litepod', 'tpu-v5-lite'],
  },
];

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
