// Installs a packaged VSIX into an extensions folder the way a person does, with code-server's own
// `--install-extension`, and checks that what landed there is the package (a folder unpacked
// from the VSIX, not a link to this repo) and holds the manifest's entry.
const { execFile } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { paths, requireFile } = require('./paths');

const INSTALL_TIMEOUT_MS = 120_000;

/** `--vsix <file or folder>`: a folder means `<folder>/<name>-<version>.vsix` of this repo's manifest. */
function vsixPath(argv = process.argv) {
  const i = argv.indexOf('--vsix');
  if (i < 0) return undefined;
  const chosen = path.resolve(argv[i + 1] || '');
  if (fs.existsSync(chosen) && fs.statSync(chosen).isDirectory()) {
    const manifest = JSON.parse(fs.readFileSync(path.join(paths.repoRoot, 'package.json'), 'utf8'));
    return path.join(chosen, `${manifest.name}-${manifest.version}.vsix`);
  }
  return chosen;
}

/**
 * Runs `code-server --install-extension <vsix> --extensions-dir <extensionsDir>` with its state in
 * a temp folder; resolves with the installed extension's folder.
 */
async function installVsix(vsix, extensionsDir) {
  requireFile(vsix, 'run `npm run package` first');
  const state = fs.mkdtempSync(path.join(os.tmpdir(), 'compute-budget-install-'));
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(state, 'config'),
    XDG_DATA_HOME: path.join(state, 'data'),
    XDG_CACHE_HOME: path.join(state, 'cache'),
  };
  const args = [paths.codeServerEntry, '--user-data-dir', path.join(state, 'user-data'), '--extensions-dir', extensionsDir, '--install-extension', vsix];
  try {
    const output = await new Promise((resolve, reject) => {
      execFile(paths.node24, args, { env, timeout: INSTALL_TIMEOUT_MS }, (error, stdout, stderr) => {
        if (error) reject(new Error(`code-server --install-extension failed: ${error.message}\n${stdout}${stderr}`));
        else resolve(`${stdout}${stderr}`);
      });
    });
    const installed = fs.readdirSync(extensionsDir, { withFileTypes: true }).filter((entry) => /^compute-budget\.compute-budget-/.test(entry.name));
    if (installed.length !== 1)
      throw new Error(
        `expected one installed compute-budget folder in ${extensionsDir}, found ${installed.map((entry) => entry.name).join(', ') || 'none'}; code-server said:\n${output}`,
      );
    const folder = path.join(extensionsDir, installed[0].name);
    if (!installed[0].isDirectory() || fs.lstatSync(folder).isSymbolicLink()) throw new Error(`${folder} is not a folder unpacked from the VSIX`);
    const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8'));
    requireFile(path.resolve(folder, manifest.main), 'the VSIX lacks its main entry');
    return folder;
  } finally {
    fs.rmSync(state, { recursive: true, force: true });
  }
}

module.exports = { vsixPath, installVsix };
