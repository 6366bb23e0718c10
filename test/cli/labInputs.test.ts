/**
 * Issue 21 item 3 at the command line: what the lab commands refuse to read or to print. The
 * reproducers are the audit's: `/dev/zero` named in a runs file's `config` column or given as a
 * log, a `--config` outside the folder, and budgets that printed NaN, Infinity or 300 digits.
 */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli as run } from './runCli';

const DEVICE = '/dev/zero';
const hasDevice = fs.existsSync(DEVICE);

describe('the lab commands read only regular files inside their folder, and print only plausible numbers', () => {
  let folder: string;
  let runs: string;
  let log: string;

  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'compute-budget-lab-'));
    const rows = ['run,config,parameters,tokens,loss'];
    for (let s = 0; s < 6; s++)
      for (const ratio of [5, 10, 20, 40, 80]) {
        const n = 5e7 * 2 ** s;
        rows.push(`r${s}-${ratio},,${n},${n * ratio},${(1.8 + 400 / n ** 0.34 + 410 / (n * ratio) ** 0.28).toFixed(5)}`);
      }
    // Rows that need their config for the parameters: line 32 names a device, line 33 a file outside.
    rows.push(`zero,${DEVICE},,1e12,3`);
    rows.push('outside,../outside.json,,1e12,3');
    runs = path.join(folder, 'runs.csv');
    fs.writeFileSync(runs, rows.join('\n') + '\n');
    log = path.join(folder, 'loss.csv');
    fs.writeFileSync(log, ['tokens,loss', ...Array.from({ length: 100 }, (_, i) => `${(i + 1) * 1e9},${2 + 50 / (i + 1)}`)].join('\n') + '\n');
    fs.writeFileSync(path.join(folder, 'config.yaml'), 'global_batch_size: 1024\nseq_length: 4096\ntrain_iters: 10000\n');
  });

  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  (hasDevice ? it : it.skip)(`refuses ${DEVICE} in a runs file's config column with a finding at its row, without reading it`, async () => {
    const { out } = await run(['fit', runs, '--root', folder, '--bootstrap', '0', '--json']);
    const findings = (JSON.parse(out) as { findings: { code: string; message: string; lines: { first: number } }[] }).findings;
    const zero = findings.find((f) => f.lines.first === 32)!;
    assert.equal(zero.code, 'lab-bad-row');
    assert.match(zero.message, /the config \/dev\/zero is not read: it is outside the folder/);
    const outside = findings.find((f) => f.lines.first === 33)!;
    assert.match(outside.message, /the config \.\.\/outside\.json is not read: it is outside the folder/);
    // With the boundary lifted the device is still refused: it is not a regular file.
    const lifted = JSON.parse((await run(['fit', runs, '--allow-outside', '--bootstrap', '0', '--json'])).out) as {
      findings: { message: string; lines: { first: number } }[];
    };
    assert.match(lifted.findings.find((f) => f.lines.first === 32)!.message, /\/dev\/zero is not read: not a regular file/);
  });

  (hasDevice ? it : it.skip)(`refuses ${DEVICE} as the file of fit, stop and boundary, in one stderr line, exit 1`, async () => {
    for (const command of ['fit', 'stop', 'boundary']) {
      // Outside the working folder, so refused on its path's text; with the boundary lifted, as not a regular file.
      const bounded = await run([command, DEVICE]);
      assert.equal(bounded.code, 1, command);
      assert.match(bounded.err.trim(), new RegExp(`^compute-budget: cannot read ${DEVICE}: it is outside .*--allow-outside to read it$`));
      const { code, err } = await run([command, DEVICE, '--allow-outside']);
      assert.equal(code, 1, command);
      assert.equal(err.trim(), `compute-budget: cannot read ${DEVICE}: not a regular file`);
    }
  });

  it('reads stop --config inside the folder, refuses it outside unless --allow-outside', async () => {
    const config = path.join(folder, 'config.yaml');
    const inside = await run(['stop', log, '--config', config, '--root', folder]);
    assert.equal(inside.code, 0, inside.err);
    const outside = await run(['stop', log, '--config', config, '--root', path.join(folder, 'sub')]);
    assert.equal(outside.code, 1);
    assert.match(outside.err, /cannot read .*config\.yaml: it is outside the folder the command may read/);
    assert.equal((await run(['stop', log, '--config', config, '--root', path.join(folder, 'sub'), '--allow-outside'])).code, 0);
  });

  for (const [command, argv] of [
    ['fit --compute 1e300', ['fit', 'RUNS', '--compute', '1e300', '--bootstrap', '10']],
    ['fit --compute 1e-300', ['fit', 'RUNS', '--compute', '1e-300', '--bootstrap', '10']],
    ['stop --planned-tokens 1e300', ['stop', 'LOG', '--planned-tokens', '1e300']],
    ['boundary --compute 1e300', ['boundary', 'EVALS', '--compute', '1e300']],
  ] as const) {
    it(`refuses ${command}: exit 1 with lab-implausible, no NaN, Infinity or 40-digit number`, async () => {
      const evals = path.join(folder, 'evals.csv');
      fs.writeFileSync(evals, ['compute,score', ...Array.from({ length: 10 }, (_, i) => `${1e20 * 2 ** i},${0.1 * i}`)].join('\n') + '\n');
      const files: Record<string, string> = { RUNS: runs, LOG: log, EVALS: evals };
      const args = [...argv.map((arg) => files[arg] ?? arg), '--root', folder];
      const text = await run(args);
      assert.equal(text.code, 1, text.out + text.err);
      assert.match(text.out, /lab-implausible/);
      for (const printed of [text.out, (await run([...args, '--json'])).out]) {
        assert.ok(!/NaN|Infinity/.test(printed), printed);
        assert.ok(!/\d[\d,]{39,}/.test(printed), printed);
      }
    });
  }
});
