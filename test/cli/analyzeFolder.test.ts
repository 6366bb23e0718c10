import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { configFilesIn } from '../../src/node/folderWalk';

/** Runs the command line in `cwd`; every block written is kept apart, to see that output streams. */
async function run(cwd: string, ...argv: string[]): Promise<{ code: number; blocks: string[]; out: string; err: string }> {
  const blocks: string[] = [];
  let err = '';
  const before = process.cwd();
  process.chdir(cwd);
  try {
    const code = await main(
      argv,
      (text) => void blocks.push(text),
      (text) => (err += text + '\n'),
    );
    return { code, blocks, out: blocks.map((block) => block + '\n').join(''), err };
  } finally {
    process.chdir(before);
  }
}

const LLAMA = 'model_type: llama\nhidden_size: 512\nnum_hidden_layers: 2\nnum_attention_heads: 8\nintermediate_size: 2048\nvocab_size: 1000\ntokens: 1B\n';

describe('compute-budget analyze DIR: a folder is an argument', () => {
  let root: string;
  let outside: string;
  const put = (relative: string, text: string) => {
    const file = path.join(root, 'repo', relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  };
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'compute-budget-folder-'));
    outside = path.join(root, 'outside');
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'secret.yaml'), LLAMA);
    put('a.yaml', LLAMA);
    put('configs/b.json', JSON.stringify({ model_type: 'llama', hidden_size: 512, num_hidden_layers: 2, num_attention_heads: 8, vocab_size: 1000 }));
    put('configs/nested/c.toml', 'parameters = "7B"\ntokens = "140B"\n');
    put('configs/broken.yaml', 'hidden_size: -4\nnum_hidden_layers: 2\nmodel_type: llama\n');
    put('.gitignore', 'runs/\n*.tmp.yaml\n');
    put('runs/ignored.yaml', LLAMA);
    put('configs/scratch.tmp.yaml', LLAMA);
    put('configs/.gitignore', 'nested-ignored.yaml\n');
    put('configs/nested-ignored.yaml', LLAMA);
    put('node_modules/pkg/config.json', JSON.stringify({ model_type: 'llama', hidden_size: 512 }));
    put('.git/config.yaml', LLAMA);
    put('package.json', '{"name": "x", "version": "1.0.0"}');
    put('README.md', '# not a config\n');
    put('.github/workflows/ci.yml', 'on: push\njobs: {}\n');
    fs.symlinkSync(path.join(outside, 'secret.yaml'), path.join(root, 'repo', 'link.yaml'));
    fs.symlinkSync(outside, path.join(root, 'repo', 'linked-folder'));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('walks the folder in name order (files, then folders), past .gitignore, node_modules, .git and every symbolic link', async () => {
    const files: string[] = [];
    for await (const file of configFilesIn(path.join(root, 'repo'))) files.push(path.relative(path.join(root, 'repo'), file).split(path.sep).join('/'));
    // A folder's own files first, then its folders, each in name order.
    assert.deepEqual(files, ['a.yaml', 'package.json', '.github/workflows/ci.yml', 'configs/b.json', 'configs/broken.yaml', 'configs/nested/c.toml']);
  });

  it('reports the training configs as a table, one block per file as it goes, and sums up the rest in one stderr line', async () => {
    const { code, blocks, out, err } = await run(root, 'analyze', 'repo');
    assert.equal(code, 0);
    assert.equal(blocks.length, 4, 'one block written per config');
    for (const name of ['repo/a.yaml', 'repo/configs/b.json', 'repo/configs/broken.yaml', 'repo/configs/nested/c.toml']) assert.ok(out.includes(name), name);
    assert.doesNotMatch(out, /secret|ignored|node_modules|\.git\/|package\.json|ci\.yml/);
    assert.equal(err, 'compute-budget: repo: 4 training configs analysed; 7 other files not training configs or ignored; 2 symbolic links not followed.\n');
  });

  it('writes one JSON array, element by element, that parses as the contract', async () => {
    const { code, blocks, out } = await run(root, 'analyze', 'repo', '--format', 'json');
    assert.equal(code, 0);
    assert.ok(blocks.length >= 4, 'written as it goes');
    const reports = JSON.parse(out) as { file: string; parameters: { total: number | null } }[];
    assert.deepEqual(
      reports.map((report) => report.file),
      ['repo/a.yaml', 'repo/configs/b.json', 'repo/configs/broken.yaml', 'repo/configs/nested/c.toml'].map((file) => file.split('/').join(path.sep)),
    );
    assert.equal(reports[3]!.parameters.total, 7e9);
  });

  it('writes one SARIF log and GitHub annotations for the files of a folder', async () => {
    const sarif = await run(root, 'analyze', 'repo', '--format', 'sarif');
    const log = JSON.parse(sarif.out) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const uris = new Set(log.runs[0]!.results.map((result) => result.locations[0]!.physicalLocation.artifactLocation.uri));
    assert.ok(uris.has('repo/configs/broken.yaml'), [...uris].join(', '));
    const github = await run(root, 'analyze', 'repo', '--format', 'github');
    assert.match(github.out, /^::error file=repo\/configs\/broken\.yaml,line=1/m);
  });

  it('fails on the findings of any file in the folder with --fail-on', async () => {
    assert.equal((await run(root, 'analyze', 'repo', '--fail-on', 'error')).code, 1);
    assert.equal((await run(root, 'analyze', path.join('repo', 'configs', 'nested'), '--fail-on', 'error')).code, 0);
  });

  it('says so when a folder holds no training config', async () => {
    fs.mkdirSync(path.join(root, 'notes'), { recursive: true });
    fs.writeFileSync(path.join(root, 'notes', 'plan.txt'), 'train a model\n');
    const { code, out, err } = await run(root, 'analyze', 'notes', '--format', 'json');
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(out), []);
    assert.match(err, /0 training configs analysed; 1 other file not training configs or ignored\./);
  });
});
