// A Mocha reporter that writes a plain-text report to a file as well as to the console.
// Inside VS Code the console is the extension host's stdout, which the harness cannot read.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

const { EVENT_SUITE_BEGIN, EVENT_SUITE_END, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_RUN_END } = Mocha.Runner.constants;

export class FileReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options: Mocha.MochaOptions) {
    super(runner, options);
    const output = (options.reporterOptions as { output?: string } | undefined)?.output;
    const lines: string[] = [];
    const failures: string[] = [];
    let depth = 0;
    const say = (line: string) => {
      lines.push(line);
      console.log(line);
    };

    runner.on(EVENT_SUITE_BEGIN, (suite) => {
      if (suite.title) say(`${'  '.repeat(depth)}${suite.title}`);
      if (suite.title) depth++;
    });
    runner.on(EVENT_SUITE_END, (suite) => {
      if (suite.title) depth--;
    });
    runner.on(EVENT_TEST_PASS, (test) => say(`${'  '.repeat(depth)}✓ ${test.title} (${test.duration ?? 0} ms)`));
    runner.on(EVENT_TEST_PENDING, (test) => say(`${'  '.repeat(depth)}- ${test.title} (skipped)`));
    runner.on(EVENT_TEST_FAIL, (test, error: Error) => {
      failures.push(`${failures.length + 1}) ${test.fullTitle()}\n${error.stack ?? error.message}`);
      say(`${'  '.repeat(depth)}✗ ${failures.length}) ${test.title}`);
    });
    runner.once(EVENT_RUN_END, () => {
      const stats = runner.stats ?? { passes: 0, failures: 0, pending: 0 };
      if (failures.length) say(`\n${failures.join('\n\n')}`);
      // The plain closing line CI reads: "N passed, N failed".
      say(`\n${stats.passes} passed, ${stats.failures} failed${stats.pending ? `, ${stats.pending} skipped` : ''}`);
      if (output) {
        fs.mkdirSync(path.dirname(output), { recursive: true });
        fs.writeFileSync(output, lines.join('\n') + '\n');
      }
    });
  }
}
