import type { Accelerator } from '../hardware/accelerator';

/**
 * Published MFU by chip, for a step-time estimate when neither the config nor a fact states one.
 * MFU as the sources define it: model FLOPs (6·N plus attention) per second over the dense bf16
 * peak. A chip with a higher peak per byte of memory bandwidth reaches a smaller share of it, so
 * one default for every chip is wrong by the ratio: A100 runs sit near 50%, H100 runs near 40%.
 */
interface MfuRow {
  readonly chips: readonly string[];
  readonly mfu: number;
  readonly source: string;
}

const MFU_ROWS: readonly MfuRow[] = [
  {
    chips: ['A100', 'A100-40GB'],
    mfu: 0.5,
    source: 'torchtitan docs/performance.md (pytorch/torchtitan@04133643): Llama 2 13B and 70B on 64 A100s, 50.5–61.1%',
  },
  {
    chips: ['H100', 'H100-NVL', 'H100-96GB', 'H200'],
    mfu: 0.4,
    source: 'Llama 3 paper (arXiv:2407.21783) Table 4: 38–43% on 8,192–16,384 H100s',
  },
];

/** The published MFU for `chip`, with its source; undefined for a chip no cited row covers. */
export function publishedMfu(chip: Accelerator): { readonly mfu: number; readonly source: string } | undefined {
  const row = MFU_ROWS.find((candidate) => candidate.chips.includes(chip.id));
  return row ? { mfu: row.mfu, source: row.source } : undefined;
}
