// A person opens a config, runs "Compute Budget: Show chart" from the palette, looks at it in the
// dark and the light theme, switches to the loss view, then plans a budget through the prompts.
const assert = require('assert');

/** The chart page inside the webview's two iframes. */
function chartFrame(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

/** Waits until the page says it drew `view` in `theme` (it sets body[data-rendered] after drawing). */
async function waitForChart(page, view, theme) {
  await chartFrame(page).locator(`body[data-rendered="${view} ${theme}"]`).waitFor({ state: 'attached' });
}

/** Ctrl+K Ctrl+T opens the colour theme picker; typing filters it, Enter applies the focused theme. */
async function pickTheme(page, label) {
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+T');
  await page.locator('.quick-input-widget').waitFor({ state: 'visible' });
  await page.keyboard.type(label);
  await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: label }).waitFor();
  await page.keyboard.press('Enter');
}

module.exports = async function plannerChart(page, helpers) {
  await helpers.openFile('generic/chinchilla-70b.yaml');
  await helpers.waitForStatusBarItem('FLOP');

  await helpers.runCommand('Compute Budget: Show chart');
  await waitForChart(page, 'allocation', 'vscode-dark');
  const frame = chartFrame(page);
  assert.equal(await frame.locator('#title').textContent(), 'Compute budget: chinchilla-70b.yaml');
  assert.match(await frame.locator('#note').textContent(), /Mixtral 8x7B/);
  await helpers.screenshot('planner-chart-dark');

  await pickTheme(page, 'Light Modern');
  await waitForChart(page, 'allocation', 'vscode-light');
  await helpers.screenshot('planner-chart-light');

  await frame.locator('#view-loss').click();
  await waitForChart(page, 'loss', 'vscode-light');
  await helpers.screenshot('planner-loss-light');

  await pickTheme(page, 'Dark Modern');
  await waitForChart(page, 'loss', 'vscode-dark');
  await helpers.screenshot('planner-loss-dark');

  // Plan from scratch through the prompts: 5.76e23 FLOP, Chinchilla-optimal.
  await helpers.runCommand('Compute Budget: Plan compute budget');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'A compute budget in FLOP' }).click();
  const input = page.locator('.quick-input-widget input.input');
  // Step 2 of 3 (the first step's row also reads "compute budget in FLOP": wait for the step, not the text).
  await page.locator('.quick-input-widget .quick-input-title', { hasText: '(2/3)' }).waitFor();
  await input.fill('5.76e23');
  await page.keyboard.press('Enter');
  // The target is the third of three steps on this path.
  await page.locator('.quick-input-widget .quick-input-title', { hasText: '(3/3)' }).waitFor();
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Chinchilla-optimal' }).click();
  await frame.locator('#subtitle', { hasText: '69.3B parameters × 1.39T tokens' }).waitFor();
  // The chart keeps the view the person chose (the loss view, above); switch back.
  await waitForChart(page, 'loss', 'vscode-dark');
  await frame.locator('#view-allocation').click();
  await waitForChart(page, 'allocation', 'vscode-dark');
  await helpers.screenshot('planner-plan-dark');
};
