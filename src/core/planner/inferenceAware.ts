import { trainingCompute } from '../budget/scaling';
import { computeOptimal, predictLoss, type LawConstants } from '../lab/lossLaw';

/**
 * Inference-aware sizing after Sardana, Doubov & Frankle 2023, "Beyond Chinchilla-Optimal:
 * Accounting for Inference in Language Model Scaling Laws" (arXiv:2401.00448), eq. 3:
 *
 *   N*, D_tr* = argmin  6·N·D_tr + 2·N·D_inf   subject to  L(N, D_tr) = ℓ
 *
 * with L the Chinchilla parametric loss (their §2 uses Hoffmann et al. 2022's fit) and ℓ the
 * quality to reach: here the loss of the compute-optimal model for the given training budget C,
 * i.e. L at allocateByFit(fit, C). For D_inf = 0 the answer is that compute-optimal model.
 *
 * Training 6·N·D and inference 2·N per token are the paper's FLOP counts (after Kaplan et al. 2020).
 * On the constraint, D_tr(N) = (B / (ℓ − E − A/N^α))^(1/β), defined for N above
 * N_min = (A / (ℓ − E))^(1/α). The total is unimodal in log N (it grows without bound at both
 * ends), so a golden-section search on log N finds the minimum; the paper solves the same
 * problem with Newton's method on the derivative.
 */
export interface InferenceAwarePlan {
  readonly parameters: number;
  readonly tokens: number;
  readonly trainingFlops: number;
  readonly inferenceFlops: number;
  readonly totalFlops: number;
  /** The loss both models reach. */
  readonly loss: number;
  /** The compute-optimal model of the same loss, and its lifetime compute with the same inference. */
  readonly reference: { readonly parameters: number; readonly tokens: number; readonly trainingFlops: number; readonly totalFlops: number };
  /** 1 − total / reference total: the share of lifetime compute saved. */
  readonly saving: number;
}

/** Tokens needed to reach loss ℓ with N parameters; Infinity when N alone cannot reach it. */
export function tokensForLoss(fit: LawConstants, parameters: number, loss: number): number {
  const room = loss - fit.E - fit.A / parameters ** fit.alpha;
  return room > 0 ? (fit.B / room) ** (1 / fit.beta) : Infinity;
}

export function inferenceAwarePlan(fit: LawConstants, trainingBudget: number, inferenceTokens: number): InferenceAwarePlan {
  const optimal = computeOptimal(fit, trainingBudget);
  const loss = predictLoss(fit, optimal.parameters, optimal.tokens);
  const total = (parameters: number) => {
    const tokens = tokensForLoss(fit, parameters, loss);
    return trainingCompute(parameters, tokens) + 2 * parameters * inferenceTokens;
  };
  const minimum = (fit.A / (loss - fit.E)) ** (1 / fit.alpha);
  // The optimum lies between N_min and the compute-optimal N (inference only pushes N down).
  let low = Math.log(minimum) + 1e-9;
  let high = Math.log(optimal.parameters) + 1e-9;
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = high - ratio * (high - low);
  let b = low + ratio * (high - low);
  let fa = total(Math.exp(a));
  let fb = total(Math.exp(b));
  for (let i = 0; i < 200 && high - low > 1e-12; i++) {
    if (fa < fb) {
      high = b;
      b = a;
      fb = fa;
      a = high - ratio * (high - low);
      fa = total(Math.exp(a));
    } else {
      low = a;
      a = b;
      fa = fb;
      b = low + ratio * (high - low);
      fb = total(Math.exp(b));
    }
  }
  // Compare with the end point: for no inference the compute-optimal model itself is the answer.
  let parameters = Math.exp((low + high) / 2);
  if (total(optimal.parameters) <= total(parameters)) parameters = optimal.parameters;
  const tokens = parameters === optimal.parameters ? optimal.tokens : tokensForLoss(fit, parameters, loss);
  const trainingFlops = trainingCompute(parameters, tokens);
  const inferenceFlops = 2 * parameters * inferenceTokens;
  const referenceTotal = trainingCompute(optimal.parameters, optimal.tokens) + 2 * optimal.parameters * inferenceTokens;
  return {
    parameters,
    tokens,
    trainingFlops,
    inferenceFlops,
    totalFlops: trainingFlops + inferenceFlops,
    loss,
    reference: {
      parameters: optimal.parameters,
      tokens: optimal.tokens,
      trainingFlops: trainingCompute(optimal.parameters, optimal.tokens),
      totalFlops: referenceTotal,
    },
    saving: 1 - (trainingFlops + inferenceFlops) / referenceTotal,
  };
}
