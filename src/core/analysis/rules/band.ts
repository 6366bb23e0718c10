import { BAND_LABELS, type OvertrainingBand } from '../../budget/overtraining';
import type { NumberFormat } from '../../report/format';
import type { Span } from '../../source/tree';
import { lengthEdit } from '../../training/lengthEdit';
import type { TokenResult } from '../../training/tokens';
import type { Finding } from '../findings';

/** The finding for a run's tokens per parameter against Chinchilla's (the bands in budget/overtraining.ts). */
export function bandFindings(
  band: OvertrainingBand,
  times: number,
  perParameter: number,
  optimalTokens: number,
  training: TokenResult,
  where: Span,
  n: NumberFormat,
): Finding[] {
  const summary = `${n.ratio(perParameter)} tokens per parameter is ${n.multiple(times)} Chinchilla-optimal`;
  const fix = lengthEdit(training.setting, optimalTokens, 'Chinchilla-optimal');
  switch (band) {
    case 'under-trained':
      return [
        {
          severity: 'warning',
          code: 'under-trained',
          message: `${summary}: ${BAND_LABELS[band]}. The same compute would reach a lower loss with a smaller model trained on more tokens.`,
          span: where,
          fixes: fix ? [fix] : undefined,
        },
      ];
    case 'diminishing':
      return [
        {
          severity: 'information',
          code: 'overtrained-diminishing',
          message: `${summary}: past 16× the loss gains from more tokens shrink fast. Worth it only for cheaper inference.`,
          span: where,
        },
      ];
    case 'negligible':
      return [
        {
          severity: 'warning',
          code: 'overtrained-negligible',
          message: `${summary}: past 24× further tokens hardly improve the loss, and out-of-distribution performance has been seen to drop for large models.`,
          span: where,
          fixes: fix ? [fix] : undefined,
        },
      ];
    default:
      return [];
  }
}
