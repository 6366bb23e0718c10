// Runs the integration tests in VS Code desktop, downloaded by @vscode/test-electron.
// For machines that can reach VS Code's download servers; where they can't (only npm and
// Debian reachable), test/harness/run-integration.js runs the same tests in code-server.
//   node out/test/extension/runTest.js
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const repoRoot = path.resolve(__dirname, '..', '..', '..');
  const report = process.env.COMPUTE_BUDGET_TEST_REPORT ?? path.join(repoRoot, 'test-artifacts', 'integration-report.txt');
  try {
    await runTests({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(__dirname, 'index.js'),
      launchArgs: [path.join(repoRoot, 'test', 'examples'), '--disable-extensions', '--skip-welcome'],
      extensionTestsEnv: { COMPUTE_BUDGET_TEST_REPORT: report },
    });
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}

void main();
