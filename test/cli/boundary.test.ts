import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from './runCli';

const run = (...argv: string[]) => runCli(argv);

/** A MaxText config inheriting a file: the base's model_name would reach the "not in the built-in catalog" message. */
const CONFIG = (base: string) => `base_config: ${base}\nper_device_batch_size: 2\nsteps: 100\n`;
const SECRET = 'model_name: sk-live-TOKEN-0123456789\n';

describe('the command line keeps to the workspace folder', () => {
  let top: string;
  let workspace: string;
  before(() => {
    top = fs.mkdtempSync(path.join(os.tmpdir(), 'compute-budget-boundary-'));
    workspace = path.join(top, 'ws');
    fs.mkdirSync(path.join(workspace, 'configs'), { recursive: true });
    fs.mkdirSync(path.join(top, 'secret'));
    fs.writeFileSync(path.join(top, 'secret', 'creds.yml'), SECRET);
    fs.symlinkSync(path.join(top, 'secret', 'creds.yml'), path.join(workspace, 'configs', 'link.yml'));
    fs.symlinkSync(path.join(top, 'secret', 'gone.yml'), path.join(workspace, 'configs', 'dangling.yml'));
  });
  after(() => fs.rmSync(top, { recursive: true, force: true }));

  const analyzeWith = (base: string, ...flags: string[]) => {
    const file = path.join(workspace, 'configs', `run-${Math.random().toString(36).slice(2)}.yml`);
    fs.writeFileSync(file, CONFIG(base));
    return run('analyze', file, '--json', '--root', workspace, ...flags);
  };
  const missing = (out: string) =>
    (JSON.parse(out) as { diagnostics: { code: string; message: string }[] }[])[0]!.diagnostics.filter((item) => item.code === 'missing-file');

  for (const base of ['../../secret/creds.yml', 'ABS', 'file://ABS']) {
    it(`refuses base_config ${base} with one diagnostic and no value from it, whether or not it exists`, async () => {
      const reference = base.replace('ABS', path.join(top, 'secret', 'creds.yml'));
      const there = await analyzeWith(reference);
      const gone = await analyzeWith(reference.replace('creds.yml', 'gone.yml'));
      assert.doesNotMatch(there.out + there.err, /TOKEN/);
      assert.equal(missing(there.out).length, 1);
      assert.match(missing(there.out)[0]!.message, /outside the workspace folder/);
      assert.equal(missing(gone.out)[0]!.message, missing(there.out)[0]!.message.replaceAll('creds.yml', 'gone.yml'));
    });
  }

  it('answers a symbolic link that leads out exactly as a link to nothing', async () => {
    const link = await analyzeWith('link.yml');
    const dangling = await analyzeWith('dangling.yml');
    assert.doesNotMatch(link.out + link.err, /TOKEN/);
    assert.equal(missing(link.out).length, 1);
    assert.equal(missing(link.out)[0]!.message.replaceAll('link.yml', 'X'), missing(dangling.out)[0]!.message.replaceAll('dangling.yml', 'X'));
  });

  it('reads outside with --allow-outside, as asked', async () => {
    const { out } = await analyzeWith('../../secret/creds.yml', '--allow-outside');
    assert.match(out, /TOKEN/);
    assert.equal(missing(out).length, 0);
  });

  it('reads a config column outside the folder in fit only with --allow-outside', async () => {
    const runs = path.join(workspace, 'runs.csv');
    const rows = ['run,config,tokens,loss'];
    for (let at = 0; at < 6; at++) rows.push(`r${at},../secret/creds.yml,${(at + 1) * 2e10},${3 - at * 0.1}`);
    fs.writeFileSync(runs, rows.join('\n') + '\n');
    fs.writeFileSync(path.join(top, 'secret', 'creds.yml'), 'parameters: 7B\ntokens: 1T\n');
    const asked = (await run('fit', runs, '--json', '--root', workspace)).out;
    const allowed = (await run('fit', runs, '--json', '--root', workspace, '--allow-outside')).out;
    assert.notEqual(asked, allowed, 'the config outside is read only when allowed');
    fs.writeFileSync(path.join(top, 'secret', 'creds.yml'), SECRET);
  });
});
