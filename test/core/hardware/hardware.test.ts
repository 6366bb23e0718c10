import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';
import { ACCELERATORS, acceleratorTable, findAccelerator } from '../../../src/core/hardware/accelerators';
import { parseWallClock } from '../../../src/core/hardware/duration';
import { hardwareCompute, impliedMfu } from '../../../src/core/hardware/estimate';

describe('hardware', () => {
  it('has dense BF16 and FP8 peaks for every accelerator the planner offers, each with a source', () => {
    assert.deepEqual(
      ACCELERATORS.map((row) => row.id),
      // prettier-ignore
      ['A100', 'A100-40GB', 'H100', 'H100-NVL', 'H100-96GB', 'H200', 'B200', 'GB200', 'MI250X', 'MI300X', 'MI325X', 'L4', 'L40S', 'A10G', 'RTX3090', 'RTX4090', 'RTX5090', 'TPUv4', 'TPUv5e', 'TPUv5p', 'TPUv6e', 'Trainium2'],
    );
    for (const row of ACCELERATORS) {
      assert.ok(row.bf16 > 5e13 && row.bf16 < 1e16, row.id);
      // Trainium2's FP8 (1,299) is a little under twice its BF16 (667); every NVIDIA and AMD part has exactly twice.
      assert.ok(
        row.fp8 === null || (row.fp8 > 1.9 * row.bf16 && row.fp8 <= 2 * row.bf16 * 1.01),
        `${row.id}: FP8 is about twice BF16 on every chip that has it`,
      );
      assert.ok(row.source.length > 20);
      assert.ok(
        row.memoryBytes! > 15e9 && row.memoryBytes! < 300e9 && row.bandwidth! > 2e11 && row.memorySource!.length > 10,
        `${row.id}: memory and bandwidth`,
      );
    }
    assert.equal(findAccelerator('H100')!.bf16, 989.5e12);
  });

  it('finds accelerators as configs write them', () => {
    assert.equal(findAccelerator('NVIDIA H100 80GB HBM3')?.id, 'H100');
    assert.equal(findAccelerator('h100-sxm5')?.id, 'H100');
    assert.equal(findAccelerator('tpu v5p')?.id, 'TPUv5p');
    assert.equal(findAccelerator('v5litepod')?.id, 'TPUv5e');
    assert.equal(findAccelerator('mi300x')?.id, 'MI300X');
    assert.equal(findAccelerator('gpu'), undefined);
  });

  it('lets a setting override a peak or add an accelerator (figures in TFLOP/s)', () => {
    const table = acceleratorTable({ H100: { bf16: 700 }, Gaudi3: { bf16: 1835, name: 'Intel Gaudi 3' } });
    assert.equal(findAccelerator('H100', table)!.bf16, 700e12);
    assert.equal(findAccelerator('H100', table)!.fp8, 1979e12);
    assert.equal(findAccelerator('gaudi3', table)!.name, 'Intel Gaudi 3');
  });

  it('computes FLOP as peak × count × seconds × MFU: 1024 H100 for 30 days at 40% is 1.05e24', () => {
    // 989.5e12 FLOP/s × 1024 × (30 × 86,400 s) × 0.4 = 1.01325e18 × 2.592e6 × 0.4 = 1.0505e24.
    const compute = hardwareCompute({ accelerator: findAccelerator('H100')!, precision: 'bf16', count: 1024, seconds: 30 * 86_400, mfu: 0.4 })!;
    assert.ok(Math.abs(compute / 1.05054e24 - 1) < 1e-4, String(compute));
    assert.equal(hardwareCompute({ accelerator: findAccelerator('A100')!, precision: 'fp8', count: 1, seconds: 1, mfu: 0.4 }), null);
    assert.ok(Math.abs(impliedMfu(compute, findAccelerator('H100')!, 'bf16', 1024, 30 * 86_400)! - 0.4) < 1e-12);
  });

  it('reads wall-clock durations in Slurm, Lightning and plain forms', () => {
    assert.equal(parseWallClock('26-00:00:00'), 26 * 86_400);
    assert.equal(parseWallClock('25:23:30:00'), 25 * 86_400 + 23 * 3600 + 30 * 60);
    assert.equal(parseWallClock('72:00:00'), 72 * 3600);
    assert.equal(parseWallClock('30d'), 30 * 86_400);
    assert.equal(parseWallClock('12 hours'), 12 * 3600);
    assert.equal(parseWallClock('soon'), undefined);
    assert.equal(parseWallClock(30), undefined);
  });

  describe('the second estimate of a config’s compute', () => {
    const config = (days: number) =>
      `model:\n  parameters: 70B\ntraining:\n  tokens: 1.4T\n  hardware:\n    accelerator: H100\n    count: 1024\n    days: ${days}\n`;

    it('stays quiet when the hardware and 6·N·D agree within 30%', () => {
      // 6 × 70e9 × 1.4e12 = 5.88e23 FLOP; at 40% MFU 1024 H100 deliver 3.502e22 FLOP per day, so 16.8 days.
      const analysis = analyze(config(17), 'run.yaml');
      assert.equal(analysis.findings.filter((f) => f.code === 'hardware-mismatch').length, 0);
    });

    it('warns when they disagree by more than 30%, with the MFU 6·N·D implies', () => {
      // 30 days deliver 1.0505e24 FLOP, 79% more than 5.88e23; 6·N·D would mean 0.4 × 5.88e23 / 1.0505e24 = 22% MFU.
      const analysis = analyze(config(30), 'run.yaml');
      const finding = analysis.findings.find((f) => f.code === 'hardware-mismatch');
      assert.ok(finding, JSON.stringify(analysis.findings.map((f) => f.code)));
      assert.equal(finding.severity, 'warning');
      assert.match(finding.message, /1,024 × H100 for 30 days at 40% MFU \(assumed\)/);
      assert.match(finding.message, /1\.1e24 FLOP: 79% more than 6·N·D = 5\.9e23/);
      assert.match(finding.message, /MFU of 22%/);
      const text = config(30);
      assert.equal(text.slice(finding.span.start, finding.span.end), 'days: 30');
    });

    it('reads NeMo’s trainer.num_nodes × devices and its max_time', () => {
      // 128 nodes × 8 = 1024 A100 for 25 d 23.5 h at 40%: 312e12 × 1024 × 2,244,600 s × 0.4 = 2.87e23 FLOP;
      // against 6 × 70e9 × 1.4e12 = 5.88e23 that is 51% less.
      const text = `run:\n  time_limit: "26-00:00:00"\ntrainer:\n  num_nodes: 128\n  devices: 8\n  max_time: "25:23:30:00"\n  gpu_type: A100\nmodel:\n  parameters: 70B\ntraining:\n  tokens: 1.4T\n`;
      const finding = analyze(text, 'nemo.yaml').findings.find((f) => f.code === 'hardware-mismatch');
      assert.ok(finding);
      assert.match(finding.message, /1,024 × A100 for 26 days/);
      assert.match(finding.message, /51% less/);
    });

    it("uses the user's accelerator peaks over the built-in table", () => {
      // A slower "H100" of 554 TFLOP/s (989.5 × 0.56): 30 days then deliver 5.88e23 FLOP, exactly 6·N·D.
      const analysis = analyze(config(30), 'run.yaml', { accelerators: { H100: { bf16: 554.1 } } });
      assert.equal(analysis.findings.filter((f) => f.code === 'hardware-mismatch').length, 0);
    });

    it('says nothing when the config does not name its accelerator', () => {
      const text = `trainer:\n  num_nodes: 128\n  devices: 8\n  accelerator: gpu\n  max_time: "25:23:30:00"\nmodel:\n  parameters: 70B\ntraining:\n  tokens: 1.4T\n`;
      assert.equal(analyze(text, 'nemo.yaml').findings.filter((f) => f.code === 'hardware-mismatch').length, 0);
    });
  });
});
