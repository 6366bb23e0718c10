import assert from 'node:assert/strict';
import {
  allocateAtRatio,
  allocateByFit,
  allocateKaplan,
  CHINCHILLA_TOKENS_PER_PARAMETER,
  lossFit,
  LOSS_FITS,
  PETAFLOP_DAY,
  predictLoss,
  trainingCompute,
} from '../../../src/core/budget/scaling';

const close = (actual: number, expected: number, relative = 1e-9) =>
  assert.ok(Math.abs(actual / expected - 1) <= relative, `${actual} is not within ${relative} of ${expected}`);

describe('scaling laws', () => {
  it('computes training compute as 6·N·D', () => {
    assert.equal(trainingCompute(70e9, 1.4e12), 5.88e23);
    assert.equal(trainingCompute(0, 1e12), 0);
  });

  it("uses Chinchilla's 20 tokens per parameter", () => {
    assert.equal(CHINCHILLA_TOKENS_PER_PARAMETER, 20);
  });

  it("allocates Chinchilla's own budget back to 70B parameters on 1.4T tokens", () => {
    const { parameters, tokens } = allocateAtRatio(5.88e23);
    close(parameters, 70e9);
    close(tokens, 1.4e12);
  });

  it('allocates at another ratio with C = 6·N·D preserved', () => {
    const { parameters, tokens } = allocateAtRatio(1e24, 100);
    close(tokens / parameters, 100);
    close(trainingCompute(parameters, tokens), 1e24);
  });

  it('carries the published Hoffmann et al. and Epoch AI fits', () => {
    assert.deepEqual(
      LOSS_FITS.map((fit) => fit.id),
      ['hoffmann2022', 'epoch2024'],
    );
    const hoffmann = lossFit('hoffmann2022');
    assert.deepEqual([hoffmann.E, hoffmann.A, hoffmann.B, hoffmann.alpha, hoffmann.beta], [1.69, 406.4, 410.7, 0.34, 0.28]);
    const epoch = lossFit('epoch2024');
    assert.deepEqual([epoch.E, epoch.A, epoch.B, epoch.alpha, epoch.beta], [1.8172, 482.01, 2085.43, 0.3478, 0.3658]);
  });

  it("predicts Chinchilla's loss from the parametric fit", () => {
    // 1.69 + 406.4 / (70e9)^0.34 + 410.7 / (1.4e12)^0.28 ≈ 1.69 + 0.0828 + 0.1626
    close(predictLoss(lossFit('hoffmann2022'), 70e9, 1.4e12), 1.69 + 406.4 / 70e9 ** 0.34 + 410.7 / 1.4e12 ** 0.28);
    assert.ok(Math.abs(predictLoss(lossFit('hoffmann2022'), 70e9, 1.4e12) - 1.936) < 0.005);
  });

  it('predicts a lower loss for more tokens and for more parameters', () => {
    for (const fit of LOSS_FITS) {
      assert.ok(predictLoss(fit, 7e9, 2e12) < predictLoss(fit, 7e9, 1e12));
      assert.ok(predictLoss(fit, 70e9, 1e12) < predictLoss(fit, 7e9, 1e12));
      assert.ok(predictLoss(fit, 1e15, 1e18) > fit.E, 'never below the irreducible loss');
    }
  });

  it('finds the loss-minimising allocation of a fit, which spends exactly the compute', () => {
    for (const fit of LOSS_FITS) {
      const compute = 1e23;
      const { parameters, tokens } = allocateByFit(fit, compute);
      close(trainingCompute(parameters, tokens), compute);
      const best = predictLoss(fit, parameters, tokens);
      for (const factor of [0.8, 1.25]) {
        const n = parameters * factor;
        assert.ok(predictLoss(fit, n, compute / (6 * n)) > best, `${fit.id} ×${factor}`);
      }
    }
  });

  it('puts far more into parameters under Kaplan et al. than under Chinchilla', () => {
    const compute = 5.88e23;
    const kaplan = allocateKaplan(compute);
    close(trainingCompute(kaplan.parameters, kaplan.tokens), compute);
    close(kaplan.parameters, 1.3e9 * (compute / PETAFLOP_DAY) ** 0.73);
    assert.ok(kaplan.parameters > 2 * allocateAtRatio(compute).parameters);
  });
});
