// The command line a user can install: a fresh clone of the committed tree is packed with
// `npm pack` (its prepack builds dist/cli.js), the tarball is installed globally into an empty
// prefix with `--offline` (so nothing is fetched: the CLI is one self-contained bundle and the
// package declares no runtime dependencies), and the installed `compute-budget` must print the
// package's version and analyse an example. Run: node test/harness/pack-cli.js
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'compute-budget-pack-'));
const run = (command, args, cwd) => execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

function fail(message) {
  console.error(`pack-cli: ${message}`);
  process.exit(1);
}

try {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  if (manifest.dependencies && Object.keys(manifest.dependencies).length > 0)
    fail(
      `package.json has runtime dependencies (${Object.keys(manifest.dependencies).join(', ')}): every bundle carries its libraries, so list them under devDependencies, or a global install needs the network`,
    );
  const clone = path.join(work, 'clone');
  run('git', ['clone', '--quiet', '--no-hardlinks', root, clone], work);
  // The clone builds with the worktree's installed tools (esbuild); nothing is downloaded.
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(clone, 'node_modules'), 'dir');
  const packed = JSON.parse(run(npm, ['pack', '--json', '--pack-destination', work], clone));
  const files = packed[0].files.map((file) => file.path).sort();
  const expected = ['CHANGELOG.md', 'LICENSE', 'README.md', 'dist/cli.js', 'package.json'];
  if (JSON.stringify(files) !== JSON.stringify(expected)) fail(`the tarball holds ${files.join(', ')}; expected ${expected.join(', ')}`);
  const tarball = path.join(work, packed[0].filename);
  const prefix = path.join(work, 'prefix');
  run(npm, ['install', '--global', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, tarball], work);
  const bin = process.platform === 'win32' ? path.join(prefix, 'compute-budget.cmd') : path.join(prefix, 'bin', 'compute-budget');
  const version = run(bin, ['--version'], work).trim();
  if (!version.includes(manifest.version)) fail(`compute-budget --version printed "${version}", not ${manifest.version}`);
  const example = path.join(root, 'test', 'examples', 'torchtitan', 'llama3_8b.toml');
  // From the clone's folder, as a user runs it: the file named must lie inside the working folder (or --root).
  const analysis = JSON.parse(run(bin, ['analyze', example, '--json'], root));
  if (!JSON.stringify(analysis).includes('"flops"')) fail('the installed CLI analysed the example without a FLOP count');
  console.log(`pack-cli: ${packed[0].filename} (${files.length} files, ${packed[0].size} bytes) installs offline; compute-budget --version: ${version}`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
