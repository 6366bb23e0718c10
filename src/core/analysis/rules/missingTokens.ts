import type { NumberFormat } from '../../report/format';
import type { Span } from '../../source/tree';
import type { Finding } from '../findings';
import type { BudgetRecord } from '../stages/types';

/** Problems that already say why the tokens are unknown: no second finding for them. */
const TOKEN_PROBLEMS = new Set<Finding['code']>([
  'invalid-number',
  'out-of-range',
  'negative-value',
  'missing-dataset-size',
  'missing-data-parallel',
  'unresolved-interpolation',
  'mandatory-missing',
  'parse-error',
]);

/** The model is fixed but not the tokens it trains on: compute is unknown, and the fix offers the Chinchilla-optimal count. */
export function missingTokensFinding(budget: BudgetRecord, findings: readonly Finding[], where: Span, n: NumberFormat): Finding | undefined {
  const { options, tokens, total, active, fineTune, chinchillaTokens, model } = budget;
  if (options.quiet || tokens !== null || total === null || findings.some((finding) => TOKEN_PROBLEMS.has(finding.code))) return undefined;
  return {
    severity: 'information',
    code: 'missing-tokens',
    span: model.anchor ?? where,
    message: fineTune
      ? `This fine-tune of ${fineTune.base} fixes the model (${n.count(total)} parameters) but not how many tokens it trains on, so its compute is unknown.`
      : `This config fixes the model (${n.count(total)} parameters${active !== null && active !== total ? `, ${n.count(active)} active` : ''}) but not how many tokens it trains on, so compute is unknown. Chinchilla-optimal would be ${n.count(chinchillaTokens!)} tokens.`,
    fixes: fineTune
      ? [{ kind: 'add-fact', fact: 'tokens', title: 'Add the fine-tuning tokens (compute-budget comment)' }]
      : [
          {
            kind: 'add-fact',
            fact: 'tokens',
            title: `Add the training tokens (compute-budget comment; Chinchilla-optimal: ${n.count(chinchillaTokens!)})`,
            suggested: Math.round(chinchillaTokens!),
          },
        ],
  };
}
