import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';

const ROOT = path.resolve(__dirname, '../../..');
const ACTION_DIR = path.join(ROOT, '.github/actions/compute-budget');
const SELECT = path.join(ACTION_DIR, 'select-files.sh');
/** The command line as tsc builds it; run as a program it is what dist/cli.js is, less the bundled docs sections. */
const CLI = path.join(ROOT, 'out/src/cli/main.js');

interface Step {
  id?: string;
  name: string;
  if?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(fs.readFileSync(path.join(ACTION_DIR, 'action.yml'), 'utf8')) as Action;

/** Runs a script with bash in `cwd`, with only the variables given (and PATH). */
function bash(script: string, cwd: string, env: Record<string, string>) {
  return spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
    cwd,
    env: { PATH: process.env.PATH!, HOME: os.homedir(), ...env },
    encoding: 'utf8',
  });
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' }).trim();
}

describe('the composite GitHub Action', () => {
  it('is a composite action whose expressions name only its own inputs and steps', () => {
    assert.equal(action.runs.using, 'composite');
    const text = fs.readFileSync(path.join(ACTION_DIR, 'action.yml'), 'utf8');
    const ids = new Set(action.runs.steps.map((step) => step.id).filter(Boolean));
    for (const [, name] of text.matchAll(/inputs\.([\w-]+)/g)) assert.ok(Object.hasOwn(action.inputs, name!), `inputs.${name}`);
    for (const [, id] of text.matchAll(/steps\.([\w-]+)\.outputs/g)) assert.ok(ids.has(id), `steps.${id}`);
    for (const step of action.runs.steps) if (step.uses) assert.match(step.uses, /^[\w-]+\/[\w/-]+@v\d+$/, step.uses);
    assert.ok(action.runs.steps.some((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@')));
  });

  it('is used by the example workflow in docs/ci with inputs it declares, on a pull request and a push', () => {
    const workflow = parse(fs.readFileSync(path.join(ROOT, 'docs/ci/compute-budget.yml'), 'utf8')) as {
      on: Record<string, unknown>;
      permissions: Record<string, string>;
      jobs: Record<string, { steps: { uses?: string; with?: Record<string, string> }[] }>;
    };
    assert.ok('pull_request' in workflow.on && 'push' in workflow.on);
    assert.equal(workflow.permissions['security-events'], 'write');
    const step = Object.values(workflow.jobs)
      .flatMap((job) => job.steps)
      .find((each) => each.uses?.includes('/.github/actions/compute-budget@'))!;
    for (const name of Object.keys(step.with ?? {})) assert.ok(Object.hasOwn(action.inputs, name), name);
  });

  describe('choosing the files', () => {
    let repo: string;
    let base: string;
    let list: string;
    before(() => {
      repo = fs.mkdtempSync(path.join(os.tmpdir(), 'compute-budget-action-'));
      list = path.join(repo, '..', `${path.basename(repo)}.list`);
      git(repo, 'init', '-q');
      fs.writeFileSync(path.join(repo, 'a.yaml'), 'tokens: 1T\n');
      fs.writeFileSync(path.join(repo, 'b.yml'), 'tokens: 1T\n');
      fs.writeFileSync(path.join(repo, 'same.yaml'), 'tokens: 1T\n');
      fs.writeFileSync(path.join(repo, 'notes.txt'), 'x\n');
      git(repo, 'add', '.');
      git(repo, 'commit', '-qm', 'base');
      base = git(repo, 'rev-parse', 'HEAD');
      git(repo, 'checkout', '-qb', 'change');
      fs.writeFileSync(path.join(repo, 'b.yml'), 'tokens: 2T\n');
      fs.mkdirSync(path.join(repo, 'd ir'));
      fs.writeFileSync(path.join(repo, 'd ir', 'e f.yaml'), 'tokens: 1T\n');
      fs.mkdirSync(path.join(repo, 'vendor'));
      fs.writeFileSync(path.join(repo, 'vendor', 'v.yaml'), 'tokens: 1T\n');
      fs.writeFileSync(path.join(repo, 'notes.txt'), 'y\n');
      fs.rmSync(path.join(repo, 'a.yaml'));
      git(repo, 'add', '-A');
      git(repo, 'commit', '-qm', 'change');
    });
    after(() => {
      fs.rmSync(repo, { recursive: true, force: true });
      fs.rmSync(list, { force: true });
    });

    const run = (env: Record<string, string>) => {
      const result = spawnSync(SELECT, [list], {
        cwd: repo,
        env: { PATH: process.env.PATH!, HOME: os.homedir(), PATTERNS: action.inputs.files!.default!, ...env },
        encoding: 'utf8',
      });
      assert.equal(result.status, 0, result.stderr);
      const files = fs.readFileSync(list, 'utf8').split('\0').filter(Boolean).sort();
      return { files, stdout: result.stdout, stderr: result.stderr };
    };

    it('takes the matching files a pull request adds or changes, names with spaces included', () => {
      const { files, stdout } = run({ BASE_SHA: base });
      assert.deepEqual(files, ['b.yml', 'd ir/e f.yaml', 'vendor/v.yaml']);
      assert.equal(stdout.trim(), 'count=3');
    });

    it('takes every tracked matching file outside a pull request, and when the base cannot be found', () => {
      assert.deepEqual(run({}).files, ['b.yml', 'd ir/e f.yaml', 'same.yaml', 'vendor/v.yaml']);
      const missing = run({ BASE_SHA: '0123456789abcdef0123456789abcdef01234567' });
      assert.deepEqual(missing.files, ['b.yml', 'd ir/e f.yaml', 'same.yaml', 'vendor/v.yaml']);
      assert.match(missing.stderr, /not found; analysing every matching file/);
    });

    it('leaves out what a ! pattern excludes, and refuses an empty pattern list', () => {
      assert.deepEqual(run({ BASE_SHA: base, PATTERNS: '**/*.yaml\n!vendor/**\n' }).files, ['d ir/e f.yaml']);
      const empty = spawnSync(SELECT, [list], { cwd: repo, env: { PATH: process.env.PATH!, PATTERNS: ' \n' }, encoding: 'utf8' });
      assert.equal(empty.status, 2);
    });
  });

  describe('the analyse step', () => {
    const step = action.runs.steps.find((each) => each.id === 'analyze')!;
    let folder: string;
    before(() => (folder = fs.mkdtempSync(path.join(os.tmpdir(), 'compute-budget-analyse-'))));
    after(() => fs.rmSync(folder, { recursive: true, force: true }));

    const analyse = (files: string[], env: Record<string, string>) => {
      fs.writeFileSync(path.join(folder, 'compute-budget-files'), files.map((file) => `${file}\0`).join(''));
      const output = path.join(folder, 'output');
      fs.writeFileSync(output, '');
      const result = bash(step.run!, folder, {
        CLI,
        RUNNER_TEMP: folder,
        GITHUB_OUTPUT: output,
        FAIL_ON: '',
        SARIF_FILE: 'out.sarif',
        ANNOTATIONS: 'false',
        ...env,
      });
      const outputs = Object.fromEntries(
        fs
          .readFileSync(output, 'utf8')
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((line) => line.split(/=(.*)/s, 2) as [string, string]),
      );
      return { result, outputs };
    };

    it('writes one SARIF log for every file, keeps exit code 1 for the fail step, and annotates on request', () => {
      fs.writeFileSync(path.join(folder, 'bad one.yaml'), 'model:\n  parameters: 7B\ntraining:\n  tokens: [1T\n');
      fs.writeFileSync(path.join(folder, '-dash.yaml'), 'model:\n  parameters: 1B\ntraining:\n  tokens: 20B\n');
      const { result, outputs } = analyse(['bad one.yaml', '-dash.yaml'], { FAIL_ON: 'error', ANNOTATIONS: 'true' });
      assert.equal(result.status, 0, result.stderr);
      assert.deepEqual(outputs, { 'exit-code': '1', 'sarif-file': 'out.sarif' });
      const log = JSON.parse(fs.readFileSync(path.join(folder, 'out.sarif'), 'utf8')) as {
        runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
      };
      const uris = new Set(
        log.runs[0].results.map(
          (each: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => each.locations[0]!.physicalLocation.artifactLocation.uri,
        ),
      );
      assert.ok(uris.has('bad%20one.yaml'), [...uris].join(', '));
      assert.match(result.stdout, /^::error file=bad one\.yaml,line=4,/m);
    });

    it('passes a clean run as exit code 0 and stops the job on a usage error without a log to upload', () => {
      fs.writeFileSync(path.join(folder, 'good.yaml'), 'model:\n  parameters: 1B\ntraining:\n  tokens: 20B\n');
      assert.deepEqual(analyse(['good.yaml'], {}).outputs, { 'exit-code': '0', 'sarif-file': 'out.sarif' });
      const refused = analyse(['good.yaml'], { FAIL_ON: 'sometimes' });
      assert.equal(refused.result.status, 2);
      assert.deepEqual(refused.outputs, { 'exit-code': '2' });
    });
  });
});
