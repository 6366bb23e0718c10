// A person opens a config, runs "Compute Budget: Show chart" from the palette, looks at it in the
// dark and the light theme, switches to the loss view, then plans a budget through the prompts.
const assert = require('assert');

module.exports = async function plannerChart(page, helpers) {
  await helpers.openFile('generic/chinchilla-70b.yaml');
  await helpers.waitForStatusBarItem('FLOP');

  await helpers.runCommand('Compute Budget: Show chart');
  await helpers.waitForChart('allocation', 'vscode-dark');
  const frame = helpers.chartFrame();
  assert.equal(await frame.locator('#title').textContent(), 'Compute budget: chinchilla-70b.yaml');
  assert.match(await frame.locator('#note').textContent(), /Mixtral 8x7B/);
  await helpers.screenshot('planner-chart-dark');

  await helpers.pickTheme('Light Modern');
  await helpers.waitForChart('allocation', 'vscode-light');
  await helpers.screenshot('planner-chart-light');

  await frame.locator('#view-loss').click();
  await helpers.waitForChart('loss', 'vscode-light');
  await helpers.screenshot('planner-loss-light');

  await helpers.pickTheme('Dark Modern');
  await helpers.waitForChart('loss', 'vscode-dark');
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
  await helpers.waitForChart('loss', 'vscode-dark');
  await frame.locator('#view-allocation').click();
  await helpers.waitForChart('allocation', 'vscode-dark');
  await helpers.screenshot('planner-plan-dark');
};
