// The tests module VS Code's extension host loads (extensionTestsPath): runs Mocha over every
// compiled `*.test.js` beside this file. Used by code-server (test/harness/run-integration.js)
// and by desktop VS Code (runTest.ts) alike.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import { FileReporter } from './fileReporter';

/** Every `*.test.js` under `dir`, found without the `glob` package. */
function findTests(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findTests(full);
    return entry.isFile() && entry.name.endsWith('.test.js') ? [full] : [];
  });
}

export function run(): Promise<void> {
  // What the tests print goes to the extension host's stdout, out of the harness's sight:
  // the reporter also writes the report to the file the harness names.
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 20000,
    reporter: FileReporter,
    reporterOptions: { output: process.env.COMPUTE_BUDGET_TEST_REPORT },
  });
  for (const file of findTests(__dirname).sort()) mocha.addFile(file);

  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
  });
}
