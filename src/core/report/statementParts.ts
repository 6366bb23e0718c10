import type { Analysis } from '../analyze';
import { modelSource } from '../catalog/models';
import type { NumberFormat } from './format';
import { provenanceNotes } from './provenance';
import { GUIDELINES_CITATION } from '../training/hfTrainer/modifierTest';
import { THRESHOLD_RULES } from '../budget/thresholds';

/**
 * The parts of a compute statement a compliance reader asks for first, beyond the estimate:
 * which model it is (as written and as resolved), every fact with its value and source, and for a
 * modification the trainer, the base and the one-third test.
 */
export interface StatementModel {
  /** The model as the config writes it (a Hub id, a path, a builder name), or null. */
  readonly asWritten: string | null;
  /** The catalog entry or config the figures come from, and where that is from. */
  readonly resolved: string | null;
  readonly resolvedFrom: string | null;
  /** Why the two differ, when they do ("an instruction-tuned variant shares its base's architecture"). */
  readonly difference: string | null;
}

export interface StatementModification {
  readonly base: string;
  readonly trainer: string;
  readonly method: string;
  /** "(4·N + 2·N_trainable) + 2·N", per token of D, and each term. */
  readonly formula: string | null;
  readonly terms: readonly string[];
  readonly baseTokens: number | null;
  readonly baseTokensSource: string | null;
  readonly baseFlops: number | null;
  readonly share: number | null;
  readonly modifierTest: string;
  /** The test's outcome in words, with the guidelines' points. */
  readonly conclusion: string;
}

export interface StatementFact {
  readonly what: string;
  readonly value: string;
  /** `user` (a fact or setting), `catalog`, `assumed`. */
  readonly origin: string;
  readonly source: string;
}

export function statementModel(analysis: Analysis): StatementModel {
  const model = analysis.model;
  const written = model.startsFrom?.name ?? null;
  const resolved = model.catalog?.id ?? model.startsFrom?.model?.id ?? null;
  const from = model.catalog ? modelSource(model.catalog) : model.startsFrom?.model ? modelSource(model.startsFrom.model) : null;
  const same = written !== null && resolved !== null && written.toLowerCase() === resolved.toLowerCase();
  const difference =
    written !== null && resolved !== null && !same
      ? `"${written}" is read as the catalog entry ${resolved} (an alias or variant with the same architecture): the figures are that entry's`
      : written !== null && resolved === null
        ? `"${written}" is not in the catalog: its size comes from this file or a stated fact`
        : null;
  return { asWritten: written, resolved, resolvedFrom: from, difference };
}

export function statementModification(analysis: Analysis, n: NumberFormat): StatementModification | null {
  const tune = analysis.fineTune;
  if (!tune) return null;
  const base = tune.base;
  const conclusion =
    tune.modifierTest === 'below-one-third'
      ? tune.baseFlops !== null && tune.share !== null
        ? `This modification uses ${n.percent(tune.share)} of ${base}'s training compute, below the one third at which the guidelines treat a modifier as the provider of the modified model (${GUIDELINES_CITATION}).`
        : `${base}'s training compute is not published; this modification is below a third of ${n.threshold(1e23)} FLOP, the guidelines' lower fallback, so it is below one third either way (${GUIDELINES_CITATION}).`
      : tune.modifierTest === 'above-one-third'
        ? `This modification uses more than a third of ${base}'s training compute${tune.baseFlops === null ? " (by the guidelines' fallbacks)" : ''}: the guidelines treat its modifier as the provider of the modified model (${GUIDELINES_CITATION}).`
        : analysis.flops === null
          ? 'Unknown: needs the fine-tuning compute (its tokens and the model size).'
          : `Unknown: ${base}'s compute is not published and this modification lies between the guidelines' fallbacks (a third of ${n.threshold(1e23)} and of ${n.threshold(1e25)} FLOP); it depends on whether the base has systemic risk (${GUIDELINES_CITATION}).`;
  return {
    base,
    trainer: tune.trainer,
    method: tune.method,
    formula: tune.compute ? tune.compute.formula : null,
    terms: tune.compute ? tune.compute.terms.map((term) => `${term.formula}: ${term.what}`) : [],
    baseTokens: tune.baseTokens,
    baseTokensSource: analysis.model.startsFrom?.model?.tokensSource ?? null,
    baseFlops: tune.baseFlops,
    share: tune.share,
    modifierTest: tune.modifierTest,
    conclusion,
  };
}

/** Every number not simply read from the file, with its value: `dataset_tokens = 1,000,000 (user: compute-budget: dataset_tokens=)`. */
export function statementFacts(analysis: Analysis, n: NumberFormat): StatementFact[] {
  return provenanceNotes(analysis).map((note) => ({
    what: note.what,
    value: typeof note.value === 'number' ? n.grouped(note.value) : String(note.value),
    origin: note.origin,
    source: note.note.endsWith('=') && typeof note.value === 'number' ? `${note.note}${note.value}` : note.note,
  }));
}

/** What the figure lacks, for each threshold row of a file whose compute is unknown. */
export function missingInputs(analysis: Analysis): string {
  const needs: string[] = [];
  if (analysis.parameters.active === null) needs.push('the model size (parameters=)');
  if (analysis.tokens === null)
    needs.push(analysis.fineTune ? 'the fine-tuning tokens (dataset_tokens= or tokens=)' : 'the training tokens (tokens= or dataset_tokens=)');
  if (analysis.fineTune?.compute?.needs) needs.push(analysis.fineTune.compute.needs);
  return needs.length ? `unknown: needs ${needs.join(' and ')}` : 'unknown';
}

/** Every rule, for a statement whose estimate is unknown: the table is never empty. */
export function unknownThresholdRows(analysis: Analysis, ids?: readonly string[]) {
  const needs = missingInputs(analysis);
  return THRESHOLD_RULES.filter((rule) => !ids || ids.includes(rule.id)).map((rule) => ({ rule, needs }));
}
