import type { Analysis } from '../analyze';
import { CHINCHILLA_TOKENS_PER_PARAMETER, trainingCompute } from '../budget/scaling';
import type { FixHint } from '../analysis/findings';
import { ASCII_NUMBERS, type NumberFormat } from '../report/format';
import { lengthEdit, writtenAs, writtenTokens, writtenValue } from '../training/lengthEdit';
import type { PlanResult, PlanTarget } from './plan';

/**
 * What the planner may write into a config, and only that: edits after which the file describes
 * a run the person asked for. A config whose architecture fixes the model size cannot take the
 * plan's size, so writing only the plan's tokens there would describe neither the plan's compute
 * nor its target (a 6.74B model on a 26B model's tokens). Such a file is offered the tokens for
 * its own size instead, each choice saying what it is.
 */
export type WriteBackKind =
  /** The plan's size and tokens together, where the file states its size as one number. */
  | 'plan'
  /** The plan's tokens, where the file's model already is the plan's size. */
  | 'plan-tokens'
  /** The file's model trained to the plan's target (20 tokens per parameter, K × 20). */
  | 'target-for-size'
  /** The file's model trained on the plan's compute. */
  | 'budget-for-size'
  /** The plan's tokens for a file that does not state its model size at all. */
  | 'tokens-only';

export interface WriteBackChoice {
  readonly kind: WriteBackKind;
  readonly label: string;
  /** What the file will say afterwards, and what it will not. */
  readonly detail: string;
  readonly edits: readonly Extract<FixHint, { kind: 'set-value' }>[];
  readonly parameters: number | null;
  readonly tokens: number;
  readonly flops: number | null;
}

export interface WriteBack {
  readonly choices: readonly WriteBackChoice[];
  /** Why nothing (or not the plan itself) can be written, in words for the person. */
  readonly notes: readonly string[];
}

/** Within this, two model sizes are the same model (rounding of a stated `7B` against 6.74B is not). */
const SAME_SIZE = 0.005;

export function writeBackChoices(result: PlanResult, analysis: Analysis, n: NumberFormat = ASCII_NUMBERS): WriteBack {
  const notes: string[] = [];
  const setting = analysis.training.setting;
  const fileName = analysis.file.split(/[\\/]/).pop() || analysis.file;
  if (!setting) {
    notes.push(
      analysis.tokens !== null
        ? `${fileName} sets its training length through ${analysis.training.derivation ?? 'several settings'}, not one value the planner can rewrite.`
        : `${fileName} has no training-length setting (tokens, steps or a duration) the planner can rewrite.`,
    );
    return { choices: [], notes };
  }
  if (setting.kind === 'steps' && !setting.tokensPerStep) {
    notes.push(`${fileName} counts its length in steps whose batch size is unknown, so a token count cannot be turned into steps.`);
    return { choices: [], notes };
  }

  const own = analysis.parameters.active;
  const choices: WriteBackChoice[] = [];
  const length = (tokens: number, why: string) => lengthEdit(setting, tokens, why)!;
  // Each choice's figures are the file's after the edit (tokens as written, whole steps), so the
  // dialog and the file round the same: never "5.4 × 10²¹" offered and 5.5 × 10²¹ written.
  const written = (tokens: number) => writtenTokens(setting, tokens);
  const planTokens = `${n.count(written(result.tokens))} tokens`;

  if (own === null) {
    choices.push({
      kind: 'tokens-only',
      label: `Write the plan's ${planTokens}`,
      parameters: null,
      tokens: written(result.tokens),
      flops: null,
      detail: `${fileName} does not state its model size, so only the tokens are written; the plan is for ${n.count(result.parameters)} parameters.`,
      edits: [length(result.tokens, 'planned')],
    });
    return { choices, notes };
  }

  if (Math.abs(own / result.parameters - 1) <= SAME_SIZE) {
    const flops = trainingCompute(own, written(result.tokens));
    choices.push({
      kind: 'plan-tokens',
      label: `Write the plan's ${planTokens}`,
      parameters: own,
      tokens: written(result.tokens),
      flops,
      detail: `This ${n.count(own)} model is the plan's size: ${n.flops(flops)} FLOP, the plan's ${n.flops(result.flops)} as written.`,
      edits: [length(result.tokens, 'planned')],
    });
    return { choices, notes };
  }

  const size = analysis.model.sizeSetting;
  const dense = analysis.parameters.total === own;
  if (size && dense) {
    const sizeEdit: Extract<FixHint, { kind: 'set-value' }> = {
      kind: 'set-value',
      span: size.span,
      newText: writtenAs(result.parameters, size),
      title: `Set parameters to ${n.count(result.parameters)}`,
    };
    const parameters = writtenValue(result.parameters, size);
    const flops = trainingCompute(parameters, written(result.tokens));
    choices.push({
      kind: 'plan',
      label: `Write the plan: ${n.count(parameters)} parameters on ${planTokens}`,
      parameters,
      tokens: written(result.tokens),
      flops,
      detail: `Both the model size and the tokens: ${n.flops(flops)} FLOP, ${describeTargetShort(result.target, n)}.`,
      edits: [sizeEdit, length(result.tokens, 'planned')],
    });
  } else {
    const why = !dense ? `a mixture of experts with ${n.count(own)} active parameters` : `${n.count(own)} parameters`;
    notes.push(
      `${fileName}'s ${analysis.model.architecture ? 'architecture' : 'model'} fixes the model at ${why}; the plan's ${n.count(result.parameters)} would need a different ${analysis.model.architecture ? 'architecture' : 'model'}, which the planner does not write. These choices keep the file's model.`,
    );
  }

  const target = tokensForSize(result.target, own);
  if (target) {
    const tokens = written(target.tokens);
    const flops = trainingCompute(own, tokens);
    choices.push({
      kind: 'target-for-size',
      label: `Train this ${n.count(own)} model ${target.why}: ${n.count(tokens)} tokens`,
      parameters: own,
      tokens,
      flops,
      detail: `${n.ratio(tokens / own)} tokens per parameter, ${n.flops(flops)} FLOP (the plan's budget is ${n.flops(result.flops)}).`,
      edits: [length(target.tokens, target.why)],
    });
  }
  const onBudget = result.flops / (6 * own);
  if (!target || Math.abs(onBudget / target.tokens - 1) > SAME_SIZE) {
    const tokens = written(onBudget);
    choices.push({
      kind: 'budget-for-size',
      label: `Spend the plan's ${n.flops(result.flops)} FLOP on this ${n.count(own)} model: ${n.count(tokens)} tokens`,
      parameters: own,
      tokens,
      flops: trainingCompute(own, tokens),
      detail: `${n.ratio(tokens / own)} tokens per parameter, ${n.multiple(tokens / own / CHINCHILLA_TOKENS_PER_PARAMETER)} Chinchilla: the plan's compute, not its allocation.`,
      edits: [length(onBudget, "the plan's compute")],
    });
  }
  // A choice that would leave the file as it is is no choice.
  const unchanged = (choice: WriteBackChoice) =>
    choice.kind !== 'plan' && analysis.tokens !== null && Math.abs(choice.tokens / analysis.tokens - 1) <= SAME_SIZE;
  return { choices: choices.filter((choice) => !unchanged(choice)), notes };
}

/** The tokens a model of `parameters` trains on under a target that is a ratio; none for the others. */
function tokensForSize(target: PlanTarget, parameters: number): { tokens: number; why: string } | undefined {
  switch (target.kind) {
    case 'chinchilla':
      return { tokens: CHINCHILLA_TOKENS_PER_PARAMETER * parameters, why: 'Chinchilla-optimally' };
    case 'multiple':
      return { tokens: CHINCHILLA_TOKENS_PER_PARAMETER * target.multiple * parameters, why: `at ${ASCII_NUMBERS.ratio(target.multiple)}× Chinchilla` };
    default:
      // A fixed size or an inference-aware size is the plan's own size: for another model, only its compute carries over.
      return undefined;
  }
}

function describeTargetShort(target: PlanTarget, n: NumberFormat): string {
  switch (target.kind) {
    case 'chinchilla':
      return 'Chinchilla-optimal';
    case 'multiple':
      return `${n.multiple(target.multiple)} Chinchilla`;
    case 'parameters':
      return 'the fixed size';
    case 'inference':
      return 'inference-aware';
  }
}
