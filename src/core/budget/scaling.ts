/**
 * Chinchilla scaling: the parametric loss L(N, D) = E + A/N^α + B/D^β and compute-optimal
 * allocations. Two published fits, labelled, because they disagree on data vs parameters.
 */
export interface LossFit {
  readonly id: 'hoffmann2022' | 'epoch2024';
  readonly label: string;
  readonly E: number;
  readonly A: number;
  readonly B: number;
  readonly alpha: number;
  readonly beta: number;
}

export const LOSS_FITS: readonly LossFit[] = [
  // Hoffmann et al. 2022, "Training Compute-Optimal Large Language Models", Approach 3 (eq. 10).
  { id: 'hoffmann2022', label: 'Hoffmann et al. 2022 (Chinchilla, approach 3)', E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 },
  // Besiroglu et al. 2024 (Epoch AI), "Chinchilla Scaling: A replication attempt", refit of approach 3.
  { id: 'epoch2024', label: 'Besiroglu et al. 2024 (Epoch AI refit)', E: 1.8172, A: 482.01, B: 2085.43, alpha: 0.3478, beta: 0.3658 },
];

export function lossFit(id: LossFit['id']): LossFit {
  return LOSS_FITS.find((fit) => fit.id === id) ?? LOSS_FITS[0];
}

/** Predicted pretraining loss (nats per token on the fit's data) for N parameters and D tokens. */
export function predictLoss(fit: LossFit, parameters: number, tokens: number): number {
  return fit.E + fit.A / parameters ** fit.alpha + fit.B / tokens ** fit.beta;
}

/** Chinchilla's rule of thumb: about 20 training tokens per parameter. */
export const CHINCHILLA_TOKENS_PER_PARAMETER = 20;

/** Training compute by the convention regulators and Epoch AI use: C = 6 · N · D. */
export function trainingCompute(activeParameters: number, tokens: number): number {
  return 6 * activeParameters * tokens;
}

/** The N and D that spend compute C at a fixed tokens-per-parameter ratio r: N = √(C / 6r), D = r·N. */
export function allocateAtRatio(compute: number, tokensPerParameter = CHINCHILLA_TOKENS_PER_PARAMETER): { parameters: number; tokens: number } {
  const parameters = Math.sqrt(compute / (6 * tokensPerParameter));
  return { parameters, tokens: parameters * tokensPerParameter };
}

/**
 * The loss-minimising N and D for compute C under a fit (Hoffmann et al. 2022, eq. 4):
 * N = G·(C/6)^(β/(α+β)), D = (C/6)/N with G = (αA / βB)^(1/(α+β)).
 */
export function allocateByFit(fit: LossFit, compute: number): { parameters: number; tokens: number } {
  const G = ((fit.alpha * fit.A) / (fit.beta * fit.B)) ** (1 / (fit.alpha + fit.beta));
  const parameters = G * (compute / 6) ** (fit.beta / (fit.alpha + fit.beta));
  return { parameters, tokens: compute / 6 / parameters };
}

/** One petaflop/s-day, the unit Kaplan et al. 2020 state compute in. */
export const PETAFLOP_DAY = 1e15 * 86400;

/**
 * Kaplan et al. 2020's compute-efficient allocation: N_opt ≈ 1.3e9 · C^0.73 with C in PF-days
 * (their eq. 6.1 / fig. 14); tokens follow from C = 6·N·D. It puts far more into size than Chinchilla.
 */
export function allocateKaplan(compute: number): { parameters: number; tokens: number } {
  const parameters = 1.3e9 * (compute / PETAFLOP_DAY) ** 0.73;
  return { parameters, tokens: compute / (6 * parameters) };
}
