#!/usr/bin/env node
// Runs the integration tests (out/test/extension/index.js) inside a real VS Code: code-server
// on test/examples/, with the extension loaded as a development extension, opened in headless
// Chromium. Builds nothing: expects the extension bundle and the compiled tests.
//   node test/harness/run-integration.js [--extension <folder>]
// Exit code: the tests' (0 when all passed), 1 on any harness failure or timeout.
const { runMain } = require('./exit');
const fs = require('fs');
const path = require('path');
const os = require('os');
const { paths, requireFile, extensionPath, checkPrerequisites } = require('./paths');
const { startCodeServer, stopOnSignals } = require('./code-server');
const { launchBrowser } = require('./browser');
const { workbenchUrl } = require('./workbench-url');

const OVERALL_TIMEOUT_MS = 5 * 60_000;
const testsModule = path.join(paths.repoRoot, 'out', 'test', 'extension', 'index.js');
const reportFile = path.join(paths.artifactsDir, 'integration-report.txt');

/** Resolves with the exit code the workbench reports when the tests module's run() settles. */
async function runTestsInWorkbench(page, url) {
  let exitCode;
  const exited = new Promise((resolve) => {
    exitCode = resolve;
  });
  // The web workbench calls these when started with the smoke-test driver.
  await page.exposeFunction('codeAutomationExit', (code) => exitCode(code));
  await page.exposeFunction('codeAutomationLog', () => {});
  await page.goto(url);
  return exited;
}

/** Rejects after `ms`: a fail-safe so a hung workbench fails the run instead of hanging CI. */
function deadline(ms, what) {
  let timer;
  const promise = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

async function main() {
  const extension = extensionPath();
  checkPrerequisites(extension);
  requireFile(testsModule, 'compile the tests first: `npx tsc -p test/extension`');
  fs.rmSync(reportFile, { force: true });

  // A copy of test/examples/: a test that edits a config (and an auto-save or a failed undo)
  // must never change the files the unit tests read.
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'compute-budget-integration-'));
  fs.cpSync(paths.examplesDir, workspace, { recursive: true });
  const server = await startCodeServer({
    folder: workspace,
    env: { COMPUTE_BUDGET_TEST_REPORT: reportFile },
    smokeTestDriver: true, // the tests module travels in the URL payload
    logFile: path.join(paths.artifactsDir, 'code-server-integration.log'),
  });
  stopOnSignals(server);
  const browser = await launchBrowser();
  const limit = deadline(OVERALL_TIMEOUT_MS, 'the integration tests');
  try {
    const page = await browser.newPage();
    const browserLog = fs.createWriteStream(path.join(paths.artifactsDir, 'browser-integration.log'));
    page.on('console', (message) => browserLog.write(`[${message.type()}] ${message.text()}\n`));
    page.on('pageerror', (error) => browserLog.write(`[pageerror] ${error.stack}\n`));
    const url = workbenchUrl(server.base, {
      folder: workspace,
      extensionDevelopmentPath: extension,
      extensionTestsPath: testsModule,
    });
    console.log(`VS Code (code-server) at ${server.base}, extension ${extension}`);
    const code = await Promise.race([runTestsInWorkbench(page, url), limit.promise]);
    if (!fs.existsSync(reportFile)) {
      console.error(`no report at ${reportFile}: the tests module did not run (see test-artifacts/*.log)`);
      return 1;
    }
    process.stdout.write(fs.readFileSync(reportFile, 'utf8'));
    return code;
  } finally {
    limit.cancel();
    await browser.close();
    await server.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

runMain(main, 'integration harness');
