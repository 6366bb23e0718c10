import { hardwareFinding } from '../../hardware/mismatch';
import { numbers } from '../../report/format';
import type { Span } from '../../source/tree';
import type { Finding } from '../findings';
import { bandFindings } from '../rules/band';
import { missingTokensFinding } from '../rules/missingTokens';
import { modifierFinding } from '../rules/modifier';
import { cumulativeFinding, outOfRangeFinding, stagedRunFinding, unknownAdapterTargetsFinding } from '../rules/run';
import { thresholdFinding } from '../rules/threshold';
import type { BudgetRecord } from './types';

/**
 * Stage 8, rules: every judgement of the finished figures, added to the findings the reading made,
 * in one pass. The order is the order findings at one place are listed in (the sort keeps it).
 */
export function judgeBudget(budget: BudgetRecord): Finding[] {
  const { findings, training, model, hardwareEstimate, fineTune, flops } = budget;
  const where: Span = training.anchor ?? model.anchor ?? hardwareEstimate?.stated.seconds?.span ?? { start: 0, end: 0 };
  const n = numbers(budget.options.numberStyle);
  const add = (finding: Finding | undefined) => {
    if (finding) findings.push(finding);
  };
  add(outOfRangeFinding(budget, n));
  add(stagedRunFinding(budget));
  add(fineTune && flops !== null ? modifierFinding(fineTune, flops, model.anchor ?? where, n) : undefined);
  add(unknownAdapterTargetsFinding(budget));
  add(hardwareFinding(hardwareEstimate ?? undefined, budget.architectureFlops, n));
  add(cumulativeFinding(budget, where, n));
  add(missingTokensFinding(budget, findings, where, n));
  const { band, chinchillaMultiple, tokensPerParameter, chinchillaTokens, runTokens, tokens } = budget;
  if (band && chinchillaMultiple !== null && tokensPerParameter !== null)
    findings.push(...bandFindings(band, chinchillaMultiple, tokensPerParameter, chinchillaTokens! - (runTokens! - tokens!), training, where, n));
  for (const result of budget.thresholds) {
    const rule = budget.rules.find((candidate) => candidate.id === result.id)!;
    add(thresholdFinding(result, rule, where, budget.cumulativeFlops !== flops, n));
  }
  return findings;
}
