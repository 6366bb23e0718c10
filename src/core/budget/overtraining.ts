/**
 * Where a run sits against Chinchilla-optimal training, as a multiple of the optimal
 * tokens per parameter. The bands follow what over-training studies report: deliberate
 * over-training buys cheaper inference (LLaMA-2-7B ≈ 14×), gains shrink fast past ~16×, and
 * past ~24× they are hardly visible while out-of-distribution performance can drop.
 */
export type OvertrainingBand = 'under-trained' | 'chinchilla' | 'overtrained' | 'diminishing' | 'negligible';

export const BAND_LABELS: Record<OvertrainingBand, string> = {
  'under-trained': 'under-trained (fewer tokens than Chinchilla-optimal)',
  chinchilla: 'about Chinchilla-optimal',
  overtrained: 'deliberately over-trained',
  diminishing: 'over-trained past 16×: diminishing returns',
  negligible: 'over-trained past 24×: negligible gains, forgetting risk',
};

/**
 * The 20 tokens/parameter figure is itself approximate, so a run within 5% below it still
 * counts as Chinchilla-optimal, and up to 2× is "about optimal" rather than over-training.
 */
export function overtrainingBand(multiple: number): OvertrainingBand {
  if (multiple < 0.95) return 'under-trained';
  if (multiple <= 2) return 'chinchilla';
  if (multiple <= 16) return 'overtrained';
  if (multiple <= 24) return 'diminishing';
  return 'negligible';
}
