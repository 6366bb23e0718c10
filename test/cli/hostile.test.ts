import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';

/** Runs the command line; `main` may answer at once or as a promise. */
async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(
    argv,
    (text) => (out += text + '\n'),
    (text) => (err += text + '\n'),
  );
  return { code, out, err };
}

/** Escape sequences, C1 controls and bidi overrides that a config might smuggle into a terminal. */
const RAW_TERMINAL_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('the command line with hostile input', () => {
  let folder: string;
  before(() => (folder = fs.mkdtempSync(path.join(os.tmpdir(), 'compute-budget-hostile-'))));
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  const write = (name: string, text: string) => {
    const file = path.join(folder, name);
    fs.writeFileSync(file, text);
    return file;
  };

  it('prints no terminal escape from a config, in the table or in JSON', async () => {
    const file = write(
      'escapes.yaml',
      'model_name: "\\e]8;;https://evil.example\\a\\e[2J\\e[Hhidden\\u009b31m\\u202eevil"\nmax_duration: "\\e[1A1T"\ntokens: 1T\n# compute-budget: gpus=\\e[2J\n',
    );
    for (const flags of [[], ['--json']]) {
      const { out } = await run('analyze', file, '--root', folder, ...flags);
      assert.doesNotMatch(out, RAW_TERMINAL_CONTROL, `analyze ${flags.join(' ')}`);
      assert.match(out, /\\u001b/, 'the escape is shown, escaped');
    }
  });

  it('refuses --fail-on with a prototype name instead of passing a crossed threshold', async () => {
    const file = write('crossed.yaml', 'parameters: 1T\ntokens: 100T\n');
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const { code } = await run('analyze', file, '--root', folder, '--fail-on', name);
      assert.equal(code, 2, `--fail-on ${name}`);
    }
    assert.equal((await run('analyze', file, '--root', folder, '--fail-on', 'warning')).code, 1);
  });

  it('refuses plans beyond any run instead of printing Infinity and NaN', async () => {
    for (const argv of [
      ['--gpu', 'H100', '--count', '1e308', '--days', '1e308'],
      ['--flops', '1e308'],
      ['--flops', '1e24', '--target', 'parameters:1e300'],
      ['--flops', '1e24', '--target', 'multiple:1e300'],
    ]) {
      const { code, out } = await run('plan', ...argv);
      assert.equal(code, 2, argv.join(' '));
      assert.doesNotMatch(out, /Infinity|NaN/);
    }
  });
});
