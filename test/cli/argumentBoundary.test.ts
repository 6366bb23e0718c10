import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCliIn } from './runCli';

const SECRET = 'sk-live-TOKEN-0123456789';
const CONFIG = 'parameters: 7B\ntokens: 140B\n';
const RUNS = [
  'run,parameters,tokens,loss',
  ...Array.from({ length: 24 }, (_, i) => `r${i},${5e7 * 2 ** (i % 6)},${1e9 * 2 ** ((i % 4) + 2)},${(3 - i * 0.02).toFixed(3)}`),
].join('\n');
const LOG = ['tokens,loss', ...Array.from({ length: 100 }, (_, i) => `${(i + 1) * 1e9},${2 + 50 / (i + 1)}`)].join('\n');
const EVALS = ['model,compute,task,score', ...Array.from({ length: 24 }, (_, i) => `m${i},${10 ** (18 + (i % 8))},mmlu,${0.2 + (i % 8) * 0.09}`)].join('\n');

/**
 * The command line's own file arguments are bounded like the files a config points at: inside
 * --root (default: the working folder) they are read; outside, refused with a message that names
 * --root and --allow-outside; through a symbolic link that leads out, answered as a file that is
 * not there (the same words as a link to nothing), so nothing says what lies outside.
 */
describe('the command line reads the files you name only inside its folder', () => {
  let top: string;
  let ws: string;
  let secret: string;
  before(() => {
    top = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'compute-budget-arguments-')));
    ws = path.join(top, 'ws');
    secret = path.join(top, 'secret');
    fs.mkdirSync(path.join(ws, 'configs'), { recursive: true });
    fs.mkdirSync(secret);
    for (const folder of [ws, secret]) {
      fs.writeFileSync(path.join(folder, 'config.yaml'), folder === secret ? `model_name: ${SECRET}\n${CONFIG}` : CONFIG);
      fs.writeFileSync(path.join(folder, 'runs.csv'), RUNS);
      fs.writeFileSync(path.join(folder, 'loss.csv'), LOG);
      fs.writeFileSync(path.join(folder, 'evals.csv'), EVALS);
    }
    fs.writeFileSync(path.join(ws, 'configs', 'inside.yaml'), CONFIG);
    // A file link and a folder link out of the workspace, and a link to nothing.
    fs.symlinkSync(path.join(secret, 'config.yaml'), path.join(ws, 'configs', 'link.yaml'));
    fs.symlinkSync(secret, path.join(ws, 'dirlink'));
    fs.symlinkSync(path.join(secret, 'gone.yaml'), path.join(ws, 'configs', 'dangling.yaml'));
    // A link that stays inside is followed.
    fs.symlinkSync(path.join(ws, 'configs', 'inside.yaml'), path.join(ws, 'inner-link.yaml'));
  });
  after(() => fs.rmSync(top, { recursive: true, force: true }));

  it('reads a file inside the working folder, by a relative or an absolute path, and the folder itself', async () => {
    for (const target of ['configs/inside.yaml', path.join(ws, 'configs', 'inside.yaml'), 'inner-link.yaml']) {
      const { code, out, err } = await runCliIn(ws, 'analyze', target);
      assert.equal(code, 0, err);
      assert.match(out, /parameters\s+7B/);
    }
    // The walk follows no link, so the links out are not read.
    const folder = await runCliIn(ws, 'analyze', '.', '--format', 'json');
    assert.equal(folder.code, 0, folder.err);
    assert.ok((JSON.parse(folder.out) as unknown[]).length >= 2);
    assert.doesNotMatch(folder.out + folder.err, /TOKEN/);
  });

  it('refuses a file outside the working folder, naming --root and --allow-outside, and reads it with --allow-outside', async () => {
    for (const target of ['../secret/config.yaml', path.join(secret, 'config.yaml')]) {
      const refused = await runCliIn(ws, 'analyze', target);
      assert.equal(refused.code, 1);
      assert.equal(refused.out, '');
      assert.equal(
        refused.err.trim(),
        `compute-budget: cannot read ${target}: it is outside ${ws}, the folder the command may read (--root DIR, or the working folder); give --root or --allow-outside to read it`,
      );
      const allowed = await runCliIn(ws, 'analyze', target, '--allow-outside');
      assert.equal(allowed.code, 0, allowed.err);
      assert.match(allowed.out, /parameters\s+7B/);
    }
    const rooted = await runCliIn(ws, 'analyze', '../secret/config.yaml', '--root', top);
    assert.equal(rooted.code, 0, rooted.err);
  });

  it('keeps a report for the refused file in --json, and reports the rest', async () => {
    const { code, out } = await runCliIn(ws, 'analyze', '../secret/config.yaml', 'configs/inside.yaml', '--json');
    assert.equal(code, 1);
    const reports = JSON.parse(out) as { file: string; diagnostics: { code: string; message: string }[] }[];
    assert.deepEqual(
      reports.map((report) => report.diagnostics[0]?.code ?? 'none'),
      ['unreadable-file', reports[1]!.diagnostics[0]?.code ?? 'none'],
    );
    assert.match(reports[0]!.diagnostics[0]!.message, /outside .*--allow-outside/);
    assert.notEqual(reports[1]!.diagnostics[0]?.code, 'unreadable-file');
  });

  it('answers a link out, a file under a folder link out and a folder link out exactly as a link to nothing', async () => {
    const gone = await runCliIn(ws, 'analyze', 'configs/dangling.yaml');
    assert.equal(gone.err.trim(), 'compute-budget: cannot read configs/dangling.yaml: no such file');
    for (const target of ['configs/link.yaml', 'dirlink/config.yaml', 'dirlink']) {
      const { code, out, err } = await runCliIn(ws, 'analyze', target);
      assert.equal(code, 1, target);
      assert.doesNotMatch(out + err, /TOKEN/);
      assert.equal(err.trim(), `compute-budget: cannot read ${target}: no such file`);
    }
  });

  it('bounds statement, plan --config, fit, stop and boundary alike', async () => {
    const cases: [string, string[], string][] = [
      ['statement', ['statement', 'FILE'], 'config.yaml'],
      ['plan --config', ['plan', '--flops', '1e23', '--gpu', 'H100', '--config', 'FILE'], 'config.yaml'],
      ['fit', ['fit', 'FILE', '--bootstrap', '0'], 'runs.csv'],
      ['stop', ['stop', 'FILE'], 'loss.csv'],
      ['boundary', ['boundary', 'FILE'], 'evals.csv'],
    ];
    for (const [name, argv, file] of cases) {
      const at = (target: string) => argv.map((arg) => (arg === 'FILE' ? target : arg));
      const inside = await runCliIn(ws, ...at(file));
      assert.ok(inside.code === 0 || !/cannot read/.test(inside.err), `${name} inside: ${inside.err}`);
      assert.notEqual(inside.out, '', `${name} reads the file inside`);
      const outside = await runCliIn(ws, ...at(`../secret/${file}`));
      assert.notEqual(outside.code, 0, name);
      assert.match(outside.err, /it is outside .*--allow-outside to read it/, name);
      const linked = await runCliIn(ws, ...at(`dirlink/${file}`));
      assert.notEqual(linked.code, 0, name);
      assert.match(linked.err, new RegExp(`cannot read dirlink/${file.replace('.', '\\.')}: no such file`), name);
      assert.doesNotMatch(outside.out + outside.err + linked.out + linked.err, /TOKEN/, name);
      const allowed = await runCliIn(ws, ...at(`../secret/${file}`), '--allow-outside');
      assert.doesNotMatch(allowed.err, /cannot read/, `${name} --allow-outside: ${allowed.err}`);
    }
  });

  it('refuses a --root that is not a folder it can read, as a usage error', async () => {
    const { code, err } = await runCliIn(ws, 'analyze', 'nowhere/inside.yaml', '--root', path.join(ws, 'nowhere'));
    assert.equal(code, 2);
    assert.match(err, /--root .* is not a folder that can be read/);
  });
});
