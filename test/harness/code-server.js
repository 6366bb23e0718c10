// Starts code-server (a real VS Code: browser workbench + Node extension host) on a free
// loopback port, in its own process group so that stopping it also ends its children
// (file watcher, extension host, agent host), which outlive the main process otherwise.
const { spawn } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');
const { paths } = require('./paths');
const { linkExtension } = require('./link-extension');

const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

/** Settings a person would not want to see in a test run: welcome pages, trust prompts, AI chat. */
const DEFAULT_SETTINGS = {
  'workbench.colorTheme': 'Default Dark Modern',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  // test/examples/ sits inside this repo; without this a toast asks whether to open the parent repo.
  'git.openRepositoryInParentFolders': 'never',
};

/** Asks the OS for a free port on the loopback address. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/** One GET; resolves with the status code. */
function httpStatus(url) {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        res.resume();
        resolve(res.statusCode);
      })
      .once('error', reject);
  });
}

/**
 * Resolves when code-server logs that it listens, rejects if it exits first or takes too long.
 * Waiting on its own log line is an event, not a guess at how long start-up takes.
 */
function waitForListening(child, logStream) {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => fail(new Error(`code-server did not listen within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
    const onData = (chunk) => {
      seen = (seen + chunk.toString()).slice(-4096);
      if (/HTTP server listening on/.test(seen)) done();
    };
    const onExit = (code, signal) => fail(new Error(`code-server exited before listening (code ${code}, signal ${signal}); log:\n${seen}`));
    function cleanup() {
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.stderr.off('data', onData);
      child.off('exit', onExit);
    }
    function done() {
      cleanup();
      resolve();
    }
    function fail(error) {
      cleanup();
      reject(error);
    }
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', onExit);
    child.stdout.pipe(logStream, { end: false });
    child.stderr.pipe(logStream, { end: false });
  });
}

/**
 * XDG folders inside the run's temp folder: code-server keeps logs and state (e.g. the last
 * opened folder) under ~/.local/share/code-server, and VS Code caches under ~/.cache; a run
 * should neither read another run's leftovers nor leave its own in $HOME.
 */
function privateHome(tmp) {
  return {
    XDG_CONFIG_HOME: path.join(tmp, 'xdg', 'config'),
    XDG_DATA_HOME: path.join(tmp, 'xdg', 'data'),
    XDG_CACHE_HOME: path.join(tmp, 'xdg', 'cache'),
  };
}

/** Sends a signal to the whole process group; a group that is already gone is fine. */
function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'ESRCH') throw error;
  }
}

/**
 * @param {object} options
 * @param {string} options.folder           workspace folder to open
 * @param {Record<string,string>} [options.env]       extra environment (reaches the extension host)
 * @param {string} [options.extensionsDir]  use this extensions folder instead of an empty temp one
 * @param {Record<string,unknown>} [options.settings] user settings on top of DEFAULT_SETTINGS
 * @param {string} [options.logFile]        where code-server's output goes
 * @param {number} [options.port]           fixed port (default: a free one)
 * @param {string[]} [options.extensions]   extension folders to load as installed extensions
 * @param {boolean} [options.smokeTestDriver] honour the URL `payload` (development extension,
 *   tests module); it also hides notification toasts, so only the test runner wants it
 */
async function startCodeServer(options) {
  const port = options.port || (await freePort());
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'compute-budget-vscode-'));
  const userDataDir = path.join(tmp, 'user-data');
  const extensionsDir = options.extensionsDir || path.join(tmp, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  for (const extension of options.extensions || []) linkExtension(extensionsDir, extension);
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, ...options.settings }, null, 2));
  // Our own config file, so that a person's ~/.config/code-server/config.yaml (password, cert)
  // does not change how the server starts.
  const configFile = path.join(tmp, 'config.yaml');
  fs.writeFileSync(configFile, 'auth: none\n');

  const logFile = options.logFile || path.join(tmp, 'code-server.log');
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const logStream = fs.createWriteStream(logFile);

  const args = [
    paths.codeServerEntry,
    '--config',
    configFile,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    // Makes the web workbench honour the `payload` URL parameter (development extension, tests).
    ...(options.smokeTestDriver ? ['--vscode-option=--enable-smoke-test-driver'] : []),
    options.folder,
  ];
  const child = spawn(paths.node24, args, {
    detached: true, // its own process group, ended as a whole by stop()
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...privateHome(tmp), ...options.env },
  });

  /** @type {Promise<void> | undefined} */
  let stopping;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // Last resort if the runner dies without calling stop(): 'exit' handlers must be synchronous.
  const onProcessExit = () => signalGroup(child.pid, 'SIGKILL');
  process.once('exit', onProcessExit);

  /** Ends the server and its children, removes its temp folders; every call shares one stop. */
  function stop() {
    stopping ??= doStop();
    return stopping;
  }

  async function doStop() {
    process.off('exit', onProcessExit);
    signalGroup(child.pid, 'SIGTERM');
    // The wait is on the process's exit; the timer only escalates to SIGKILL, after which it exits too.
    const escalate = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(escalate);
    // Children that outlived the main process.
    signalGroup(child.pid, 'SIGKILL');
    logStream.end();
    fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  }

  try {
    await waitForListening(child, logStream);
    const base = `http://127.0.0.1:${port}`;
    const status = await httpStatus(`${base}/healthz`);
    if (status !== 200) throw new Error(`code-server /healthz answered ${status}`);
    const stopRequested = () => stopping !== undefined;
    return { base, port, pid: child.pid, userDataDir, extensionsDir, logFile, stop, stopRequested, exited };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Stops the server on Ctrl-C / SIGTERM too, then exits with the conventional code. */
function stopOnSignals(server) {
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
    process.once(signal, () => {
      server.stop().finally(() => process.exit(128 + os.constants.signals[signal]));
    });
  }
}

module.exports = { startCodeServer, stopOnSignals, DEFAULT_SETTINGS };
