// The browser entry, as someone on vscode.dev or github.dev gets it: run-web.js makes the
// workbench run the extension in the browser's web worker extension host. The spec checks that
// it runs there (not in the Node host), and that the editor surfaces work from that host: the
// status bar, the inline budget and a hover (web-problems-includes and web-chart: the rest).
const assert = require('assert');

module.exports = async function webWorkerHost(page, helpers) {
  await helpers.openFile('generic/llama-2-7b-run.yaml');
  const status = await helpers.waitForStatusBarItem('FLOP');
  assert.match(status, /8\.1 × 10²² FLOP · 0\.81% EU/);

  // Where it runs: "Developer: Show Running Extensions" labels an extension in the web worker
  // host "web worker" and one in the Node host on the server with the remote's name.
  // The list is virtual, sorted by activation time, in a modal editor: maximized in a tall
  // window it shows every row at once.
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: viewport.width, height: 2400 });
  await helpers.runCommand('Developer: Show Running Extensions');
  await page.locator('.runtime-extensions-editor .monaco-list-row').first().waitFor();
  await page.locator('.modal-editor-part .codicon-screen-full').first().click(); // "Maximize Modal Editor"
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
  assert.ok(
    inline.some((text) => text.includes('≈ 8.1 × 10²² FLOP · 297 tok/param · 14.8× Chinchilla · 0.81% of EU 10²⁵')),
    inline.join(' | '),
  );
  const hover = await helpers.hoverAt('tokens', 'Training tokens');
  assert.match(hover, /2,000,000,000,000/);
  assert.match(hover, /EU AI Act systemic risk/);
  await helpers.screenshot('web-hover-tokens-llama-2-7b-run');
};
