import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import type { FileReport } from '../../src/cli/report';

const PYTHIA = path.resolve(__dirname, '../../../test/examples/gpt-neox/pythia-6.9b.yml');

interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

async function run(...argv: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const code = await main(
    argv,
    (text) => (out += text + '\n'),
    (text) => (err += text + '\n'),
  );
  return { code, out, err };
}

/** `analyze --json` on each file: the parsed reports. */
async function reports(...argv: string[]): Promise<{ code: number; reports: FileReport[] }> {
  const result = await run('analyze', '--json', ...argv);
  return { code: result.code, reports: JSON.parse(result.out) as FileReport[] };
}

/** Offsets to the 1-based line and column the CLI reports, counted independently of it. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

describe('compute-budget analyze', () => {
  let folder: string;
  const write = (name: string, text: string) => {
    const file = path.join(folder, name);
    fs.writeFileSync(file, text);
    return file;
  };

  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'compute-budget-cli-'));
  });

  after(() => {
    fs.rmSync(folder, { recursive: true, force: true });
  });

  describe('the --json contract', () => {
    it('has every documented key, with the numbers of a plain Chinchilla budget', async () => {
      const file = write('chinchilla.yaml', 'model:\n  parameters: 70B\ntraining:\n  tokens: 1.4T\n');
      const {
        code,
        reports: [report],
      } = await reports(file, '--root', folder);
      assert.equal(code, 0);
      for (const key of ['file', 'format', 'parameters', 'tokens', 'flops', 'tokensPerParameter', 'chinchillaMultiple', 'thresholds', 'diagnostics'])
        assert.ok(key in report, key);
      assert.equal(report.file, file);
      assert.equal(report.format, 'plain');
      assert.deepEqual(report.parameters, { total: 70e9, active: 70e9 });
      assert.equal(report.tokens, 1.4e12);
      assert.equal(report.flops, 5.88e23);
      assert.equal(report.tokensPerParameter, 20);
      assert.equal(report.chinchillaMultiple, 1);
      assert.ok(report.thresholds.length > 0);
      for (const threshold of report.thresholds) {
        assert.deepEqual(
          Object.keys(threshold)
            .filter((key) => ['id', 'name', 'flops', 'fraction', 'tier'].includes(key))
            .sort(),
          ['flops', 'fraction', 'id', 'name', 'tier'],
        );
      }
      const eu = report.thresholds.find((threshold) => threshold.id === 'eu-ai-act-systemic');
      assert.ok(eu, 'the EU AI Act threshold');
      assert.deepEqual([eu.flops, eu.tier], [1e25, 'below']);
      assert.ok(Math.abs(eu.fraction - 0.0588) < 1e-12);
    });

    it('writes null for what the file does not fix', async () => {
      const file = write(
        'config.json',
        JSON.stringify({ model_type: 'llama', hidden_size: 4096, num_hidden_layers: 32, num_attention_heads: 32, intermediate_size: 11008, vocab_size: 32000 }),
      );
      const {
        reports: [report],
      } = await reports(file, '--root', folder);
      assert.equal(report.parameters.total, 6_738_415_616);
      assert.equal(report.tokens, null);
      assert.equal(report.flops, null);
      assert.equal(report.tokensPerParameter, null);
      assert.equal(report.chinchillaMultiple, null);
      assert.deepEqual(report.thresholds, []);
    });

    it('gives each diagnostic a severity, a code, a message and a 1-based line and column', async () => {
      const text = 'model:\n  parameters: 7B\ntraining:\n  tokens: lots\n';
      const file = write('bad.yaml', text);
      const {
        reports: [report],
      } = await reports(file, '--root', folder);
      const diagnostic = report.diagnostics.find((item) => item.code === 'invalid-number');
      assert.ok(diagnostic, JSON.stringify(report.diagnostics));
      assert.deepEqual(
        Object.keys(diagnostic)
          .filter((key) => ['severity', 'code', 'message', 'line', 'column'].includes(key))
          .sort(),
        ['code', 'column', 'line', 'message', 'severity'],
      );
      assert.equal(diagnostic.severity, 'error');
      assert.deepEqual({ line: diagnostic.line, column: diagnostic.column }, position(text, text.indexOf('tokens')));
      assert.deepEqual({ line: diagnostic.line, column: diagnostic.column }, { line: 4, column: 3 });
    });

    it('puts a YAML syntax error on the line and column of the bracket that is never closed', async () => {
      const text = 'model:\n  parameters: 7B\n  layers: [32\ntokens: 1T\n';
      const {
        reports: [report],
      } = await reports(write('broken.yaml', text), '--root', folder);
      const error = report.diagnostics.find((item) => item.code === 'parse-error');
      assert.ok(error, JSON.stringify(report.diagnostics));
      assert.deepEqual({ line: error.line, column: error.column }, position(text, text.indexOf('[32')));
    });

    it('writes one report per file, in order', async () => {
      const a = write('a.yaml', 'parameters: 1B\ntokens: 20B\n');
      const b = write('b.yaml', 'parameters: 2B\ntokens: 40B\n');
      const { reports: both } = await reports(a, b, '--root', folder);
      assert.deepEqual(
        both.map((report) => report.parameters.total),
        [1e9, 2e9],
      );
    });
  });

  describe('GPT-NeoX and --fact', () => {
    it('derives Pythia-6.9B tokens, 299,892,736,000, once told the run had 128 GPUs', async () => {
      const {
        code,
        reports: [report],
      } = await reports(PYTHIA, '--fact', 'gpus=128');
      assert.equal(code, 0);
      assert.equal(report.format, 'gpt-neox');
      assert.equal(report.tokens, 299_892_736_000);
      assert.equal(report.parameters.total, 6_857_302_016);
    });

    it('asks for the number of GPUs without it, at the micro-batch key', async () => {
      const {
        reports: [report],
      } = await reports(PYTHIA);
      assert.equal(report.tokens, null);
      const missing = report.diagnostics.find((item) => item.code === 'missing-data-parallel');
      assert.ok(missing);
      const text = fs.readFileSync(PYTHIA, 'utf8');
      assert.deepEqual({ line: missing.line, column: missing.column }, position(text, text.indexOf('"train_micro_batch_size_per_gpu"')));
    });

    it('accepts --fact=name=value and data_parallel directly', async () => {
      assert.equal((await reports(PYTHIA, '--fact=data_parallel=64')).reports[0].tokens, 299_892_736_000);
    });
  });

  describe('exit codes', () => {
    it('exits 0 whatever the diagnostics without --fail-on', async () => {
      assert.equal((await run('analyze', write('e.yaml', 'parameters: -7B\ntokens: 1T\n'), '--root', folder)).code, 0);
    });

    it('exits 1 with --fail-on warning when there is a warning, and 0 with --fail-on error', async () => {
      const file = write('warn.yaml', 'parameters: 7B\ntokens: 10B\n'); // under-trained: a warning, no error
      const {
        reports: [report],
      } = await reports(file, '--root', folder);
      assert.ok(report.diagnostics.some((item) => item.severity === 'warning'));
      assert.ok(!report.diagnostics.some((item) => item.severity === 'error'));
      assert.equal((await run('analyze', file, '--fail-on', 'warning', '--root', folder)).code, 1);
      assert.equal((await run('analyze', file, '--fail-on', 'error', '--root', folder)).code, 0);
    });

    it('exits 1 with --fail-on error when there is an error', async () => {
      assert.equal((await run('analyze', write('err.yaml', 'parameters: 7B\ntokens: lots\n'), '--fail-on', 'error', '--root', folder)).code, 1);
    });

    it('exits 0 with --fail-on warning for a clean Chinchilla-optimal budget', async () => {
      const file = write('clean.yaml', 'parameters: 1B\ntokens: 20B\n');
      assert.equal((await run('analyze', file, '--fail-on', 'warning', '--root', folder)).code, 0);
    });

    it('exits 1 for a missing file, and says so in an unreadable-file diagnostic', async () => {
      const missing = path.join(folder, 'no-such-file.yaml');
      const {
        code,
        reports: [report],
      } = await reports(missing, '--root', folder);
      assert.equal(code, 1);
      assert.equal(report.parameters.total, null);
      assert.deepEqual(
        report.diagnostics.map((item) => [item.code, item.line, item.column]),
        [['unreadable-file', 1, 1]],
      );
      assert.equal(report.diagnostics[0].message, `cannot read ${missing}: no such file`);
    });

    it('exits 2 for a bad --fail-on, a bad --fact, no file, an unknown option or command, with one line and a hint', async () => {
      for (const argv of [
        ['analyze', 'x.yaml', '--fail-on', 'sometimes'],
        ['analyze', 'x.yaml', '--fact', 'gpus'],
        ['analyze'],
        ['analyze', 'x.yaml', '--jsn'],
        ['analyze', 'x.yaml', '-j'],
        ['frobnicate'],
        [],
      ]) {
        const result = await run(...argv);
        assert.equal(result.code, 2, argv.join(' '));
        assert.equal(result.out, '', argv.join(' '));
        const lines = result.err.trimEnd().split('\n');
        assert.equal(lines.length, 2, result.err);
        assert.match(lines[0]!, /^compute-budget: error: \S/);
        assert.match(lines[1]!, /^Run 'compute-budget( analyze)? --help' for usage\.$/);
        assert.doesNotMatch(result.err, /Usage:|Exit codes/);
      }
    });
  });

  describe('the table', () => {
    it('prints parameters, tokens and compute for a person to read', async () => {
      const { code, out } = await run('analyze', write('table.yaml', 'parameters: 70B\ntokens: 1.4T\n'), '--root', folder);
      assert.equal(code, 0);
      assert.match(out, /parameters\s+70B/);
      assert.match(out, /training tokens\s+1\.4T/);
      assert.match(out, /compute\s+5\.9e23 FLOP/);
    });
  });
});
