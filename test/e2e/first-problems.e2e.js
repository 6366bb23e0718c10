// A newcomer opens the examples folder and the first config the README names, then the Problems
// panel: it lists what that config lacks, and the one facts file that is broken on purpose is
// named so (workspace-facts/broken-on-purpose/: facts files are checked whether open or not);
// the other broken examples (bad/, not-configs/, lab/runs.csv) only report when opened.
const assert = require('assert');

module.exports = async function firstProblems(page, helpers) {
  await helpers.openFile('generic/llama-2-7b-run.yaml');
  await helpers.waitForStatusBarItem('FLOP');
  await helpers.openProblems(1);
  // The facts files are read on their own schedule: wait for that row before reading the panel.
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'broken-on-purpose' }).first().waitFor();
  const text = (await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).join('\n');
  for (const broken of ['malformed.yaml', 'nonsense-values.yaml', 'runs.csv', 'args.py'])
    assert.ok(!text.includes(broken), `${broken} in the first Problems view:\n${text}`);
  assert.match(text, /\.compute-budget\.yaml\s*workspace-facts\/broken-on-purpose/);
  assert.ok(!/\b1\.2B\b/.test(text), 'no "1.2B" accelerators suggested');
  await helpers.screenshot('first-problems-view');
};
