import type { ThresholdRule } from '../../budget/thresholds';
import { hardwareFinding } from '../../hardware/mismatch';
import { numbers, type NumberFormat } from '../../report/format';
import type { Span } from '../../source/tree';
import type { Finding } from '../findings';
import { bandFindings } from '../rules/band';
import { missingTokensFinding } from '../rules/missingTokens';
import { cumulativeFinding, outOfRangeFinding, stagedRunFinding, trainerNeedsFinding, unknownAdapterTargetsFinding } from '../rules/run';
import { thresholdFinding } from '../rules/threshold';
import { baseCrossingFinding, modifierFinding } from '../../training/hfTrainer/modifierTest';
import type { BudgetRecord } from './types';

/**
 * Stage 9, rules: every judgement of the finished figures, added to the findings the reading made,
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
  add(trainerNeedsFinding(budget, where));
  add(unknownAdapterTargetsFinding(budget));
  add(hardwareFinding(hardwareEstimate ?? undefined, budget.architectureFlops, n));
  add(cumulativeFinding(budget, where, n));
  add(missingTokensFinding(budget, findings, where, n));
  const { band, chinchillaMultiple, tokensPerParameter, chinchillaTokens, runTokens, tokens } = budget;
  if (band && chinchillaMultiple !== null && tokensPerParameter !== null)
    findings.push(...bandFindings(band, chinchillaMultiple, tokensPerParameter, chinchillaTokens! - (runTokens! - tokens!), training, where, n));
  findings.push(...thresholdFindings(budget, where, n));
  return findings;
}

/**
 * A threshold crossed or within the margin. A modifier below one third does not take over the
 * base's obligations: the base's own crossings are one information finding about the base.
 */
function thresholdFindings(budget: BudgetRecord, where: Span, n: NumberFormat): Finding[] {
  const { fineTune, model, flops } = budget;
  const baseOnly = fineTune?.modifierTest === 'below-one-third' && fineTune.baseFlops !== null;
  const baseCrossed: ThresholdRule[] = [];
  const found: Finding[] = [];
  for (const result of budget.thresholds) {
    const rule = budget.rules.find((candidate) => candidate.id === result.id)!;
    if (baseOnly && rule.status !== 'revoked' && result.tier !== 'below') {
      baseCrossed.push(rule);
      continue;
    }
    const finding = thresholdFinding(result, rule, where, budget.cumulativeFlops !== flops, n);
    if (finding) found.push(finding);
  }
  if (baseCrossed.length) found.push(baseCrossingFinding(fineTune!.base, baseCrossed, model.anchor ?? where, n));
  return found;
}
