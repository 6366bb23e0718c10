import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { useColor } from '../../src/cli/color';
import { main, type MainOptions } from '../../src/cli/main';
import type { FileReport } from '../../src/cli/report';

const ROOT = path.resolve(__dirname, '../../..');
const CLI_SOURCES = path.join(ROOT, 'src/cli');
const ESC = '\u001b[';

async function run(argv: string[], options: MainOptions = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(
    argv,
    (text) => (out += text + '\n'),
    (text) => (err += text + '\n'),
    options,
  );
  return { code, out, err };
}

/** Every `--name` the CLI's source reads through `flag`, `numberFlag`, `countFlag` or `flags.get/has`. */
function optionsTheCodeReads(): string[] {
  const names = new Set<string>();
  for (const file of fs.readdirSync(CLI_SOURCES).filter((name) => name.endsWith('.ts'))) {
    const text = fs.readFileSync(path.join(CLI_SOURCES, file), 'utf8');
    for (const match of text.matchAll(/(?:flag|numberFlag|countFlag)\(args, '([a-z-]+)'\)|flags\.(?:get|has)\('([a-z-]+)'\)/g))
      names.add(match[1] ?? match[2]!);
  }
  return [...names].sort();
}

describe('compute-budget, the command line as a whole', () => {
  describe('--version', () => {
    it('prints the version in package.json for --version and -V, before any command', async () => {
      const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
      for (const argv of [['--version'], ['-V'], ['plan', '--version'], ['analyze', '-V']]) {
        const { code, out, err } = await run(argv);
        assert.deepEqual({ code, out, err }, { code: 0, out: `${version}\n`, err: '' }, argv.join(' '));
      }
    });
  });

  describe('--help', () => {
    it('reads at least the options it has always read, so the scan below finds them', () => {
      const read = optionsTheCodeReads();
      for (const name of ['json', 'fail-on', 'fact', 'flops', 'gpu', 'count', 'days', 'mfu', 'target', 'fit', 'price-per-hour', 'help', 'version'])
        assert.ok(read.includes(name), name);
    });

    it('names every option the code reads, and the exit codes and examples', async () => {
      const { code, out } = await run(['--help']);
      assert.equal(code, 0);
      for (const name of optionsTheCodeReads()) assert.match(out, new RegExp(`--${name}\\b`), `--${name}`);
      for (const name of ['analyze', 'plan', '-h', '-V', '--accelerator', '--no-color', 'NO_COLOR', 'HF_HUB_OFFLINE']) assert.ok(out.includes(name), name);
      assert.match(out, /Exit codes:\n\s+0 .*\n\s+1 [^]*?\n\s+2 .*usage/);
      assert.match(out, /Examples:\n\s+compute-budget analyze /);
    });

    it('accepts every option its help shows, for the command it belongs to', async () => {
      for (const command of ['analyze', 'plan']) {
        const { out } = await run([command, '--help']);
        const shown = [...out.matchAll(/^ {2}(?:-\w, )?--([a-z-]+)/gm)].map((match) => match[1]!);
        assert.ok(shown.length >= 5, command);
        for (const name of shown) {
          const { err } = await run([command, `--${name}`]);
          assert.doesNotMatch(err, /has no option|unknown option/, `${command} --${name}`);
        }
      }
    });

    it('shows only the plan command for `plan --help`, and fits 80 columns', async () => {
      const plan = (await run(['plan', '--help'])).out;
      assert.match(plan, /^Usage: compute-budget plan /);
      assert.match(plan, /--flops C/);
      assert.doesNotMatch(plan, /--fail-on|--fact |analyze/);
      for (const argv of [['--help'], ['plan', '-h'], ['analyze', '--help']]) {
        for (const line of (await run(argv)).out.split('\n')) assert.ok(line.length <= 80, `${argv.join(' ')}: ${line}`);
      }
    });
  });

  describe('usage errors', () => {
    it('are one line on stderr and a hint naming the command, never the help, with exit 2', async () => {
      const cases: [string[], RegExp, string][] = [
        [['plan', '--flops', 'lots'], /--flops must be a number/, ' plan'],
        [['plan', '--flopz', '1e24'], /plan has no option --flopz/, ' plan'],
        [['plan', '--json=yes', '--flops', '1e24'], /--json takes no value/, ''],
        [['analyze'], /analyze needs at least one config file/, ' analyze'],
        [['--fail-on'], /--fail-on needs a value/, ''],
      ];
      for (const [argv, message, command] of cases) {
        const { code, out, err } = await run(argv);
        assert.equal(code, 2, argv.join(' '));
        assert.equal(out, '');
        const [first, hint, ...rest] = err.trimEnd().split('\n');
        assert.match(first!, /^compute-budget: error: /);
        assert.match(first!, message);
        assert.equal(hint, `Run 'compute-budget${command} --help' for usage.`);
        assert.deepEqual(rest, []);
      }
    });

    it('shows a command name with control characters escaped', async () => {
      const { err } = await run(['\u001b[2Jwipe']);
      assert.ok(!err.includes(ESC), err);
      assert.match(err, /unknown command "\\u001b\[2Jwipe"/);
    });
  });

  describe('colour', () => {
    it('is on only for a terminal, never with NO_COLOR, and always with FORCE_COLOR', () => {
      assert.equal(useColor({ isTTY: true }, {}), true);
      assert.equal(useColor({ isTTY: false }, {}), false);
      assert.equal(useColor({}, {}), false);
      assert.equal(useColor({ isTTY: true }, { NO_COLOR: '1' }), false);
      assert.equal(useColor({ isTTY: true }, { NO_COLOR: '' }), true, 'an empty NO_COLOR does not count (no-color.org)');
      assert.equal(useColor({ isTTY: true }, { TERM: 'dumb' }), false);
      assert.equal(useColor({ isTTY: false }, { FORCE_COLOR: '1' }), true);
      assert.equal(useColor({ isTTY: true }, { FORCE_COLOR: '0' }), false);
      assert.equal(useColor({ isTTY: true }, { NO_COLOR: '1', FORCE_COLOR: '1' }), false);
      assert.equal(useColor({ isTTY: true }, {}, true), false, '--no-color');
    });

    it('marks a crossed threshold red and headings bold, and nothing when off', async () => {
      const argv = ['plan', '--flops', '2e25'];
      const on = await run(argv, { color: true });
      assert.match(on.out, /\u001b\[31mCROSSED\u001b\[39m/);
      assert.match(on.out, /\u001b\[1mthresholds\u001b\[22m/);
      assert.ok(!(await run(argv)).out.includes(ESC));
      assert.ok(!(await run([...argv, '--no-color'], { color: true })).out.includes(ESC));
    });

    it('marks a threshold within the margin yellow', async () => {
      const { out } = await run(['plan', '--flops', '8e22'], { color: true });
      assert.match(out, /\u001b\[33mwithin ±30% margin\u001b\[39m/);
    });

    it('never colours --json, and colours "error:" on stderr only when asked', async () => {
      assert.ok(!(await run(['plan', '--flops', '2e25', '--json'], { color: true })).out.includes(ESC));
      assert.match((await run(['plan'], { errorColor: true })).err, /^compute-budget: \u001b\[31merror:\u001b\[39m /);
      assert.ok(!(await run(['plan'])).err.includes(ESC));
    });
  });

  describe('numbers', () => {
    it('go through ASCII_NUMBERS in src/cli: no toFixed, toExponential or toPrecision there', () => {
      for (const file of fs.readdirSync(CLI_SOURCES).filter((name) => name.endsWith('.ts'))) {
        const text = fs.readFileSync(path.join(CLI_SOURCES, file), 'utf8');
        assert.doesNotMatch(text, /\.(toFixed|toExponential|toPrecision|toLocaleString)\(/, file);
      }
    });

    it('prints a plan in ASCII: 2 significant figures of FLOP, x for multiples, no ×10 or superscripts', async () => {
      const { out } = await run(['plan', '--flops', '5.76e23', '--gpu', 'H100', '--count', '1024']);
      assert.match(out, /budget\s+5\.8e23 FLOP/);
      assert.match(out, /training tokens \(D\)\s+1\.39T \(20 per parameter, 1x Chinchilla\)/);
      assert.match(out, /wall-clock\s+16\.4 days/);
      assert.match(out, /EU AI Act systemic risk \(Art\. 51\)\s+1e25 FLOP\s+5\.8%\s+below/);
      assert.doesNotMatch(out, /[×⁰¹²³⁴⁵⁶⁷⁸⁹]|e\+/);
    });
  });
});

describe('compute-budget analyze, files and facts', () => {
  let folder: string;
  const write = (name: string, text: string) => {
    const file = path.join(folder, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  };
  const json = async (...argv: string[]) => {
    const result = await run(['analyze', '--json', '--root', folder, ...argv]);
    return { ...result, reports: JSON.parse(result.out) as FileReport[] };
  };

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'compute-budget-main-'));
    // The repository's root for the facts files: none above it applies.
    fs.mkdirSync(path.join(folder, '.git'));
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('says in one stderr line that a missing file cannot be read, reports the rest, and exits 1', async () => {
    const good = write('good.yaml', 'parameters: 7B\ntokens: 140B\n');
    const missing = path.join(folder, 'missing.yaml');
    const { code, out, err } = await run(['analyze', missing, good, '--root', folder]);
    assert.equal(code, 1);
    assert.deepEqual(err.trimEnd().split('\n'), [`compute-budget: cannot read ${missing}: no such file`]);
    assert.match(out, /good\.yaml/);
    assert.match(out, /parameters\s+7B/);
    assert.doesNotMatch(out, /unknown|ENOENT|missing\.yaml/);
  });

  it('keeps a report for an unreadable file in --json, as the contract has it', async () => {
    const missing = path.join(folder, 'missing.yaml');
    const { code, reports, err } = await json(missing);
    assert.equal(code, 1);
    assert.equal(reports[0]!.diagnostics[0].code, 'unreadable-file');
    assert.match(err, /cannot read .*missing\.yaml: no such file/);
  });

  it('escapes control characters in a file name it cannot read', async () => {
    const { err } = await run(['analyze', path.join(folder, 'evil\u001b[2J.yaml'), '--root', folder]);
    assert.ok(!err.includes(ESC));
    assert.match(err, /evil\\u001b\[2J\.yaml: no such file/);
  });

  it("applies .compute-budget.yaml, under the file's own comments, under --fact", async () => {
    write('.compute-budget.yaml', 'facts:\n  "*.yaml": { tokens: 2T, gpus: 8 }\n');
    const plain = write('plain.yaml', 'parameters: 7B\n');
    const commented = write('commented.yaml', '# compute-budget: tokens=1T\nparameters: 7B\n');
    assert.equal((await json(plain)).reports[0]!.tokens, 2e12);
    assert.equal((await json(commented)).reports[0]!.tokens, 1e12);
    assert.equal((await json(commented, '--fact', 'tokens=3T')).reports[0]!.tokens, 3e12);
    assert.equal((await json(plain, '--fact', 'tokens=4T')).reports[0]!.tokens, 4e12);
  });

  it('prints each problem of a facts file once, as file:line:col, and still uses its valid facts', async () => {
    const line = '  "*.yaml": { tokens: 2T, tokenz: 1T }';
    const facts = write('.compute-budget.yaml', `facts:\n${line}\n`);
    const a = write('a.yaml', 'parameters: 7B\n');
    const b = write('b.yaml', 'parameters: 7B\n');
    const { code, err, reports } = await json(a, b);
    assert.equal(code, 0);
    assert.deepEqual(
      reports.map((report) => report.tokens),
      [2e12, 2e12],
    );
    const lines = err.trimEnd().split('\n');
    assert.equal(lines.length, 1, err);
    const shown = path.relative(process.cwd(), facts).startsWith('..') ? facts : path.relative(process.cwd(), facts);
    assert.ok(lines[0]!.startsWith(`${shown}:2:${line.indexOf('tokenz') + 1}: warning: `), lines[0]);
    assert.match(lines[0]!, /tokenz/);
  });

  it('prints a fact given by name with its value, labelled by that name', async () => {
    const file = write('axolotl.yml', 'base_model: mistralai/Mistral-7B-v0.1\nnum_epochs: 2\nsequence_len: 4096\ndatasets:\n  - path: x\n    type: alpaca\n');
    const { out } = await run(['analyze', file, '--fact', 'dataset_tokens=1B', '--root', folder]);
    assert.doesNotMatch(out, /=\s*(\)|$)/m, out);
    assert.doesNotMatch(out, /training factor/);
    assert.match(out, /note: dataset tokens = 1B \(given as dataset_tokens=1B\)/);
  });
});

describe('the scaling-law lab on the command line', () => {
  const lab = (name: string) => path.join(ROOT, 'test', 'examples', 'lab', name);

  it('fits the example runs and gives the allocation for a budget, as JSON with its schema', async () => {
    const { code, out } = await run(['fit', lab('runs.csv'), '--compute', '1e23', '--json', '--bootstrap', '20', '--seed', '7']);
    assert.equal(code, 0);
    const report = JSON.parse(out) as { schema: string; fit?: unknown };
    assert.equal(report.schema, 'compute-budget/fit@1');
    assert.ok(report.fit, out.slice(0, 400));
  });

  it('says what a loss log lacks instead of judging it, and exits 1', async () => {
    const { code, out } = await run(['stop', lab('loss.csv')]);
    assert.equal(code, 1);
    assert.match(out, /no tokens per step/);
  });

  it('places a compute on the capability boundary', async () => {
    const { code, out } = await run(['boundary', lab('evals.csv'), '--compute', '1.1e24']);
    assert.equal(code, 0);
    assert.match(out, /at 1\.1e24 FLOP: 0\.\d+/);
  });

  it('refuses a quantile outside (0, 1) with one line', async () => {
    const { code, err } = await run(['boundary', lab('evals.csv'), '--tau', '2']);
    assert.equal(code, 2);
    assert.match(err, /--tau must be a quantile between 0 and 1/);
  });
});
