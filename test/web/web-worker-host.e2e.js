// The browser entry, as someone on vscode.dev or github.dev gets it: run-web.js makes the
// workbench run the extension in the browser's web worker extension host. The spec checks that
// it runs there (not in the Node host), and that the editor surfaces work from that host: the
// status bar, the inline budget, a hover, a diagnostic, and a file a config includes, read
// through vscode.workspace.fs.
const assert = require('assert');

module.exports = async function webWorkerHost(page, helpers) {
  await helpers.openFile('generic/llama-2-7b-run.yaml');
  const status = await helpers.waitForStatusBarItem('FLOP');
  assert.match(status, /8\.1 × 10²² FLOP · 0\.81% EU/);

  // Where it runs: "Developer: Show Running Extensions" labels an extension in the web worker
  // host "web worker" and one in the Node host on the server with the remote's name.
  // The list is virtual, sorted by activation time: a tall window shows every row at once.
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: viewport.width, height: 2400 });
  await helpers.runCommand('Developer: Show Running Extensions');
  const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'Compute Budget' }).first();
  await row.waitFor();
  const running = (await row.innerText()).replace(/\s+/g, ' ');
  assert.match(running, /web worker/, running);
  assert.doesNotMatch(running, /127\.0\.0\.1/, running);
  await helpers.screenshot('web-running-extensions');
  // The list opens as a modal editor over the workbench: close it.
  await page.keyboard.press('Escape');
  await row.waitFor({ state: 'hidden' });
  await page.setViewportSize(viewport);

  await helpers.openFile('generic/llama-2-7b-run.yaml');
  await helpers.waitForInline('tok/param');
  const inline = await helpers.inlineTexts();
  assert.ok(inline.some((text) => text.includes('≈ 8.1 × 10²² FLOP · 297 tok/param · 14.8× Chinchilla · 0.81% of EU 10²⁵')), inline.join(' | '));
  const hover = await helpers.hoverAt('tokens', 'Training tokens');
  assert.match(hover, /2,000,000,000,000/);
  assert.match(hover, /EU AI Act systemic risk/);
  await helpers.screenshot('web-hover-tokens-llama-2-7b-run');

  await helpers.openFile('bad/nonsense-values.yaml');
  await helpers.openProblems();
  await page.getByPlaceholder(/^Filter \(e\.g\. text/).first().fill('**/nonsense-values.yaml');
  const markerRows = page.locator('.markers-panel .monaco-list-row');
  await markerRows.filter({ hasText: '"banana" is not a number' }).waitFor();
  const problems = (await markerRows.allInnerTexts()).join('\n');
  assert.match(problems, /too large to be a number of steps/);
  await helpers.screenshot('web-problems-nonsense-values');

  // The chart panel from this host: its page runs only with the nonce made by Web Crypto.
  await helpers.openFile('generic/llama-2-7b-run.yaml');
  await helpers.runCommand('Compute Budget: Show chart');
  await helpers.waitForChart('allocation', 'vscode-dark');
  assert.equal(await helpers.chartFrame().locator('#title').textContent(), 'Compute budget: llama-2-7b-run.yaml');
  await helpers.screenshot('web-chart-llama-2-7b-run');

  // A file a config includes, read through vscode.workspace.fs: once base.yml has been read, the
  // config's only problem is the unknown device count. Before it is read an information says
  // MaxText's built-in defaults stand in for it; had it not been found, a missing-file warning.
  await helpers.openFile('maxtext/configs/tpu/tpu_smoke_test.yml');
  await helpers.waitForInline('3.1M params');
  await helpers.openProblems();
  await page.getByPlaceholder(/^Filter \(e\.g\. text/).first().fill('**/tpu_smoke_test.yml');
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('.markers-panel .monaco-list-row')].map((row) => row.textContent || '');
    return rows.length === 2 && rows[1].includes('per_device_batch_size is per device');
  });
  await helpers.screenshot('web-include-read-maxtext');
};
