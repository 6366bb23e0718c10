// The browser entry in the web worker extension host (see run-web.js and web-worker-host.e2e.js):
// diagnostics in the Problems panel with their code links, and a file a config includes, read through
// vscode.workspace.fs.
const assert = require('assert');

module.exports = async function webProblemsIncludes(page, helpers) {
  await helpers.openFile('bad/nonsense-values.yaml');
  await helpers.openProblems();
  await page
    .getByPlaceholder(/^Filter \(e\.g\. text/)
    .first()
    .fill('**/nonsense-values.yaml');
  const markerRows = page.locator('.markers-panel .monaco-list-row');
  await markerRows.filter({ hasText: '"banana" is not a number' }).waitFor();
  const problems = (await markerRows.allInnerTexts()).join('\n');
  assert.match(problems, /too large to be a number of steps/);
  await helpers.screenshot('web-problems-nonsense-values');

  // The code is a link to its documentation, bundled into the browser entry from docs/diagnostics.md.
  await markerRows.filter({ hasText: '"banana" is not a number' }).locator('a', { hasText: 'invalid-number' }).first().click();
  const docsTab = page.locator('.tabs-container .tab', { hasText: 'invalid-number.md' });
  await docsTab.waitFor();
  await page.locator('.editor-instance .view-lines', { hasText: 'Write counts as' }).first().waitFor();
  // The editor draws spaces as no-break spaces.
  const docsText = (await page.locator('.editor-instance .view-lines', { hasText: 'Write counts as' }).first().innerText()).replace(/\u00a0/g, ' ');
  assert.match(docsText, /^# `invalid-number` \(Compute Budget diagnostic\)/);
  assert.match(docsText, /docs\/diagnostics\.md/);
  await helpers.screenshot('web-diagnostic-code-page');

  // A file a config includes, read through vscode.workspace.fs: once base.yml has been read, the
  // config's only problem is the unknown device count. Before it is read an information says
  // MaxText's built-in defaults stand in for it; had it not been found, a missing-file warning.
  await helpers.openFile('maxtext/configs/tpu/tpu_smoke_test.yml');
  await helpers.waitForInline('3.1M params');
  await helpers.openProblems();
  await page
    .getByPlaceholder(/^Filter \(e\.g\. text/)
    .first()
    .fill('**/tpu_smoke_test.yml');
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('.markers-panel .monaco-list-row')].map((row) => row.textContent || '');
    return rows.length === 2 && rows[1].includes('per_device_batch_size is per device');
  });
  await helpers.screenshot('web-include-read-maxtext');
};
