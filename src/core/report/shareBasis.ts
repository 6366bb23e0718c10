/**
 * What a fine-tune's threshold shares are shares of, in the words every surface uses (inline
 * summary, hover, statement): most of a fine-tune's cumulative compute is its base's pretraining,
 * so a share read as the fine-tune's own would overstate it by orders of magnitude. Undefined for a
 * run that is no fine-tune.
 */
export function fineTuneShareBasis(fineTune: { readonly baseFlops: number | null } | null | undefined): string | undefined {
  if (!fineTune) return undefined;
  return fineTune.baseFlops !== null ? BASE_AND_FINE_TUNE : "this fine-tune alone: its base's pretraining is not published";
}

export const BASE_AND_FINE_TUNE = 'base + this fine-tune';
