#!/usr/bin/env node
// Try the extension on the example configs in a real VS Code.
//   npm run try                        build, then open it in VS Code desktop if `code` is on PATH,
//                                      else serve VS Code (code-server) at http://127.0.0.1:<port>/
//   npm run try -- --web [--port N]    always the browser route
//   npm run try -- --extension <dir>   another extension folder instead of this repo (no build)
// The browser route stays in the foreground until Ctrl-C, then ends code-server and its children.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { paths } = require('./paths');
const { startCodeServer, stopOnSignals } = require('./code-server');

const argv = process.argv.slice(2);
const option = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);

/** Runs a command in the foreground; exits with its code if it fails. */
function run(command, args, cwd = paths.repoRoot) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/**
 * A fresh copy of the examples to open: quick fixes and code-server's auto-save write to the
 * folder that is open, and the repository's own examples are what the tests read.
 */
function examplesCopy() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'compute-budget-examples-'));
  fs.cpSync(paths.examplesDir, folder, { recursive: true });
  return folder;
}

async function main() {
  const extension = path.resolve(option('--extension') || paths.repoRoot);
  if (extension === paths.repoRoot) {
    console.log('Building the extension with esbuild (seconds).');
    run(process.execPath, ['esbuild.js']);
  }
  const examples = examplesCopy();
  console.log(`Opening a copy of test/examples/ in ${examples} (edits there do not touch the repository).`);

  if (!argv.includes('--web') && onPath('code')) {
    // Desktop VS Code: the usual development-host route, no server needed.
    run('code', [`--extensionDevelopmentPath=${extension}`, examples]);
    return;
  }

  if (!fs.existsSync(paths.codeServerEntry) || !fs.existsSync(paths.node24)) {
    console.log(
      'First run: installing code-server and Node 24 into .tools/ and compiling the native modules of its VS Code. ' +
        'On a small machine (2 cores) this takes about ten minutes; later runs reuse .tools/.',
    );
    run('bash', [path.join(__dirname, 'install-vscode-tools.sh')]);
  }
  const port = option('--port') ? Number(option('--port')) : undefined;
  const server = await startCodeServer({
    folder: examples,
    port,
    // Installed into a fresh extensions folder (a link to the extension), as a person's would be.
    extensions: [extension],
    logFile: path.join(paths.artifactsDir, 'try-it-code-server.log'),
  });
  stopOnSignals(server);
  console.log(`Compute Budget is running in VS Code at ${server.base}/?folder=${examples}`);
  console.log(`(code-server log: ${path.relative(paths.repoRoot, server.logFile)}; Ctrl-C to stop)`);
  const code = await server.exited;
  if (server.stopRequested()) return; // Ctrl-C: stopOnSignals finishes the stop and exits
  console.error(`code-server exited by itself (code ${code})`);
  await server.stop();
  process.exit(typeof code === 'number' ? code : 1);
}

main().catch((error) => {
  console.error(`try-it failed: ${error.stack || error}`);
  process.exit(1);
});
