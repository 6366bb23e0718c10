import * as assert from 'node:assert/strict';
import { plan, PlanError } from '../../../src/core/planner/plan';
import { parseTarget } from '../../../src/core/planner/parseTarget';
import { trainingCompute } from '../../../src/core/budget/scaling';

/** |actual − expected| ≤ tolerance × expected. */
function near(actual: number, expected: number, tolerance = 0.005): void {
  assert.ok(Math.abs(actual - expected) <= tolerance * Math.abs(expected), `${actual} is not within ${tolerance * 100}% of ${expected}`);
}

describe('planner', () => {
  describe('a FLOP budget at Chinchilla’s 20 tokens per parameter', () => {
    // N = √(C / (6·20)) = √(5.76e23 / 120) = √(4.8e21) = 6.928e10; D = 20·N = 1.386e12.
    const result = plan({ budget: { kind: 'flops', flops: 5.76e23 }, target: { kind: 'chinchilla' } });

    it('gives about 69.3B parameters and 1.39T tokens for 5.76e23 FLOP', () => {
      near(result.parameters, 69.28e9);
      near(result.tokens, 1.386e12);
      assert.equal(result.tokensPerParameter, 20);
      near(result.flops, 5.76e23, 1e-9);
    });

    it('places the plan below the EU systemic-risk threshold and above the 10^23 indicative criterion', () => {
      const eu = result.thresholds.find((t) => t.id === 'eu-ai-act-systemic')!;
      assert.equal(eu.tier, 'below');
      near(eu.fraction, 0.0576, 1e-9);
      assert.equal(eu.duty, undefined);
      assert.equal(result.thresholds.find((t) => t.id === 'eu-gpai-indicative')!.tier, 'crossed');
    });

    it('predicts a loss from each published fit', () => {
      assert.deepEqual(
        result.loss.map((each) => each.fit),
        ['hoffmann2022', 'epoch2024'],
      );
      // Hoffmann et al. 2022 eq. 10 at N = 6.928e10, D = 1.386e12:
      // 1.69 + 406.4 / 6.928e10^0.34 + 410.7 / 1.386e12^0.28 = 1.69 + 0.0838 + 0.1636 ≈ 1.937.
      near(result.loss[0].loss, 1.937, 0.001);
    });
  });

  it('gives back Chinchilla’s own 70B / 1.4T for its 5.88e23 FLOP (6 × 70e9 × 1.4e12)', () => {
    assert.equal(trainingCompute(70e9, 1.4e12), 5.88e23);
    const result = plan({ budget: { kind: 'flops', flops: 5.88e23 }, target: { kind: 'chinchilla' } });
    near(result.parameters, 70e9, 1e-9);
    near(result.tokens, 1.4e12, 1e-9);
  });

  it('trains a 4× overtrained model on 80 tokens per parameter', () => {
    // N = √(5.76e23 / (6·80)) = √(1.2e21) = 3.464e10.
    const result = plan({ budget: { kind: 'flops', flops: 5.76e23 }, target: parseTarget('multiple:4') });
    near(result.parameters, 3.464e10);
    near(result.tokensPerParameter, 80, 1e-9);
    near(result.chinchillaMultiple, 4, 1e-9);
  });

  it('spends a fixed-size model’s budget on tokens: 7B with 5.76e23 FLOP trains on 13.7T tokens', () => {
    // D = C / (6N) = 5.76e23 / 4.2e10 = 1.371e13.
    const result = plan({ budget: { kind: 'flops', flops: 5.76e23 }, target: parseTarget('parameters:7B') });
    assert.equal(result.parameters, 7e9);
    near(result.tokens, 1.3714e13, 1e-4);
  });

  describe('a hardware budget', () => {
    // H100 SXM dense BF16 peak 989.5 TFLOP/s (half the datasheet's 1,979 with sparsity).
    // 989.5e12 × 1024 chips × 30 × 86,400 s × 0.4 = 1.01325e18 FLOP/s × 2.592e6 s × 0.4 = 1.0505e24 FLOP.
    // At 20:1: N = √(1.0505e24 / 120) = 9.357e10, D = 1.871e12.
    const result = plan({
      budget: { kind: 'hardware', accelerator: 'H100', count: 1024, days: 30, mfu: 0.4 },
      target: { kind: 'chinchilla' },
      pricePerAcceleratorHour: 2,
    });

    it('turns 1024 H100 for 30 days at 40% MFU into 1.05e24 FLOP', () => {
      near(result.budgetFlops, 1.0505e24, 1e-4);
      near(result.parameters, 9.357e10, 1e-3);
      near(result.tokens, 1.871e12, 1e-3);
    });

    it('gives back the accelerator-hours, days and cost it started from', () => {
      // 1024 × 30 × 24 = 737,280 accelerator-hours; at 2 per hour, 1,474,560.
      near(result.hardware!.acceleratorHours, 737_280, 1e-9);
      near(result.hardware!.wallClockDays, 30, 1e-9);
      near(result.hardware!.cost!, 1_474_560, 1e-9);
    });

    it('says where the plan is against the EU threshold: about 10% of 10^25', () => {
      near(result.thresholds.find((t) => t.id === 'eu-ai-act-systemic')!.fraction, 0.10505, 1e-3);
    });
  });

  it('times a FLOP budget on chosen hardware: 5.76e23 FLOP on 1024 H100 at 40% takes 16.5 days', () => {
    // 5.76e23 / (989.5e12 × 0.4) = 1.4553e9 accelerator-seconds = 404,245 hours; / 1024 / 24 = 16.45 days.
    const result = plan({ budget: { kind: 'flops', flops: 5.76e23 }, target: { kind: 'chinchilla' }, accelerator: 'H100', count: 1024 });
    near(result.hardware!.acceleratorHours, 404_245, 1e-4);
    near(result.hardware!.wallClockDays, 16.45, 1e-3);
    assert.equal(result.hardware!.cost, null);
  });

  it('flags a plan within the ±30% margin of 10^25 and states the two-week EU notification duty', () => {
    const result = plan({ budget: { kind: 'flops', flops: 8e24 }, target: { kind: 'chinchilla' } });
    const eu = result.thresholds.find((t) => t.id === 'eu-ai-act-systemic')!;
    assert.equal(eu.tier, 'within-margin');
    assert.match(eu.duty!, /two weeks/);
  });

  it('marks where Kaplan’s allocation would put the same budget: a larger model on fewer tokens', () => {
    const result = plan({ budget: { kind: 'flops', flops: 5.76e23 }, target: { kind: 'chinchilla' } });
    // Kaplan et al. 2020: N = 1.3e9 · (C / PF-day)^0.73; 5.76e23 FLOP = 6,667 PF-days → 8.2e11 parameters.
    near(result.optima.kaplan.parameters, 1.3e9 * (5.76e23 / 8.64e19) ** 0.73, 1e-9);
    assert.ok(result.optima.kaplan.parameters > 5 * result.parameters);
    assert.ok(result.optima.kaplan.loss > result.optima.byFit.loss);
  });

  it('refuses what cannot be planned, with a message that says why', () => {
    assert.throws(() => plan({ budget: { kind: 'flops', flops: -1 }, target: { kind: 'chinchilla' } }), PlanError);
    assert.throws(
      () => plan({ budget: { kind: 'hardware', accelerator: 'Z9000', count: 8, days: 1 }, target: { kind: 'chinchilla' } }),
      /unknown accelerator "Z9000"/,
    );
    assert.throws(
      () => plan({ budget: { kind: 'hardware', accelerator: 'A100', count: 8, days: 1, precision: 'fp8' }, target: { kind: 'chinchilla' } }),
      /no FP8/,
    );
    assert.throws(() => plan({ budget: { kind: 'flops', flops: 1e23 }, target: { kind: 'chinchilla' }, accelerator: 'H100', count: 8, mfu: 40 }), /MFU/);
    assert.throws(() => parseTarget('multiple'), /needs a number/);
    assert.throws(() => parseTarget('biggest'), /unknown target/);
  });
});

describe('New York’s RAISE Act cost condition in a plan', () => {
  // 2e26 FLOP on H100 at 40% MFU: 2e26 / (9.895e14 × 0.4) s = 5.053e11 s = 1.4036e8 accelerator-hours.
  const hours = 2e26 / (989.5e12 * 0.4) / 3600;
  const raise = (price?: number) =>
    plan({
      budget: { kind: 'flops', flops: 2e26 },
      target: { kind: 'chinchilla' },
      accelerator: 'H100',
      count: 100_000,
      pricePerAcceleratorHour: price,
    }).thresholds.find((t) => t.id === 'new-york-raise')!;

  it('says both conditions are met when the planned cost passes $100 million', () => {
    // 1.4036e8 h × $2 = $280.7M.
    const rule = raise(2);
    near(rule.cost!.planned!, hours * 2, 1e-9);
    assert.equal(rule.cost!.met, true);
    assert.match(rule.cost!.note, /^Planned compute cost \$280\.7M .* is over the \$100M .* Both conditions are met\.$/);
  });

  it('says when the compute line is reached but the cost stays under $100 million', () => {
    // 1.4036e8 h × $0.5 = $70M.
    const rule = raise(0.5);
    assert.equal(rule.cost!.met, false);
    assert.match(rule.cost!.note, /is under the \$100M .* The compute line is reached, but not the cost condition\.$/);
  });

  it('asks for a price when none was given, and leaves rules without a cost condition alone', () => {
    const rule = raise();
    assert.equal(rule.cost!.met, null);
    assert.match(rule.cost!.note, /give a price per accelerator-hour/);
    const eu = plan({ budget: { kind: 'flops', flops: 2e26 }, target: { kind: 'chinchilla' } }).thresholds.find((t) => t.id === 'eu-ai-act-systemic')!;
    assert.equal(eu.cost, undefined);
  });
});
