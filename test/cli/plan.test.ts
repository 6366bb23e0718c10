import * as assert from 'node:assert/strict';
import { main } from '../../src/cli/main';
import type { PlanResult } from '../../src/core/planner/plan';

/** Runs the command line and returns its exit code, stdout and stderr. */
async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(
    argv,
    (text) => (out += text + '\n'),
    (text) => (err += text + '\n'),
  );
  return { code, out, err };
}

interface PlanLayoutsJson {
  accelerator: { bytes: number };
  current: { accelerators: number };
  proposals: { accelerators: number; peakBytes: number }[];
}

async function json(argv: string[]): Promise<PlanResult & { schema: string; layouts: PlanLayoutsJson | null }> {
  const { code, out, err } = await run([...argv, '--json']);
  assert.equal(code, 0, err);
  return JSON.parse(out) as PlanResult & { schema: string; layouts: PlanLayoutsJson | null };
}

describe('compute-budget plan', () => {
  it('plans 5.76e23 FLOP at 20:1 as about 69.3B parameters on 1.39T tokens', async () => {
    const result = await json(['plan', '--flops', '5.76e23']);
    assert.equal(result.schema, 'compute-budget/plan@1');
    assert.equal(Math.round(result.parameters / 1e8) / 10, 69.3);
    assert.equal(Math.round(result.tokens / 1e10) / 100, 1.39);
    assert.equal(result.tokensPerParameter, 20);
    assert.equal(result.hardware, null);
    assert.deepEqual(
      result.thresholds.map((t) => t.id),
      ['eu-ai-act-systemic', 'eu-gpai-indicative', 'california-sb53', 'new-york-raise', 'korea-ai-basic-act', 'us-eo-14110'],
    );
  });

  it('plans 1024 H100 for 30 days at 40% MFU with the same numbers as the core', async () => {
    // 989.5e12 × 1024 × 2,592,000 s × 0.4 = 1.0505e24 FLOP; N = √(1.0505e24 / 120) = 93.6B.
    const result = await json(['plan', '--gpu', 'H100', '--count', '1024', '--days', '30', '--mfu', '0.4', '--price-per-hour', '2.5']);
    assert.equal(result.budgetFlops.toExponential(4), '1.0505e+24');
    assert.equal(Math.round(result.parameters / 1e8) / 10, 93.6);
    const { hardware } = result;
    assert.ok(hardware, 'a plan on stated hardware');
    assert.equal(hardware.accelerator, 'H100');
    assert.equal(Math.round(hardware.wallClockDays), 30);
    // 1024 × 30 × 24 = 737,280 accelerator-hours × 2.5 = 1,843,200.
    assert.equal(Math.round(hardware.cost ?? NaN), 1_843_200);
  });

  it('takes the target as chinchilla, multiple:K, parameters:N or inference:TOKENS', async () => {
    assert.equal((await json(['plan', '--flops', '5.76e23', '--target', 'multiple:4'])).tokensPerParameter, 80);
    assert.equal((await json(['plan', '--flops', '5.76e23', '--target', 'parameters:7B'])).parameters, 7e9);
    const inference = (await json(['plan', '--flops', '5.76e23', '--target', 'inference:10T'])).inference;
    assert.ok(inference, 'an inference-aware plan');
    assert.equal(inference.inferenceTokens, 1e13);
    assert.ok(inference.saving > 0);
  });

  it('prints a readable plan without --json', async () => {
    const { code, out } = await run(['plan', '--flops', '5.76e23', '--gpu', 'H100', '--count', '1024']);
    assert.equal(code, 0);
    assert.match(out, /parameters \(N\)\s+69\.3B/);
    assert.match(out, /wall-clock\s+16\.4 days/);
    assert.match(out, /EU AI Act systemic risk/);
  });

  it('exits 2 with a reason on input it cannot plan', async () => {
    for (const argv of [
      ['plan'],
      ['plan', '--gpu', 'H100'],
      ['plan', '--flops', 'lots'],
      ['plan', '--flops', '1e23', '--target', 'biggest'],
      ['plan', '--gpu', 'Z9', '--count', '8', '--days', '1'],
    ]) {
      const { code, err } = await run(argv);
      assert.equal(code, 2, argv.join(' '));
      assert.match(err, /compute-budget: /);
    }
  });

  it("lays the config's run out on the plan's accelerator with --config: fewest accelerators first, each under the usable memory", async () => {
    const result = await json(['plan', '--flops', '1e23', '--gpu', 'H100', '--count', '64', '--config', 'test/fixtures/nemo-llama3-8b.yaml']);
    const { accelerator, current, proposals } = result.layouts!;
    assert.equal(current.accelerators, 64);
    assert.ok(proposals.length > 0);
    proposals.forEach((proposal, i) => {
      assert.ok(proposal.peakBytes <= accelerator.bytes * 0.9);
      if (i > 0) assert.ok(proposals[i - 1].accelerators <= proposal.accelerators);
    });
    const text = await run(['plan', '--flops', '1e23', '--gpu', 'H100', '--config', 'test/fixtures/nemo-llama3-8b.yaml']);
    assert.match(text.out, /layouts of test\/fixtures\/nemo-llama3-8b\.yaml on NVIDIA H100/);
    assert.match(text.out, /TP \d x PP \d x DP \d+ +\d+ accelerators, peak [\d.]+ GiB/);
    assert.equal((await json(['plan', '--flops', '1e23'])).layouts, null);
    assert.equal((await run(['plan', '--flops', '1e23', '--config', 'test/fixtures/nemo-llama3-8b.yaml'])).code, 2);
  });
});
