// A person plans a run from hardware (4,096 H100 for 90 days at 40% MFU, Chinchilla-optimal) and
// reads the whole plan beside the chart: hours, days, predicted loss, every threshold and the EU
// notification duty (the plan crosses 10²⁵ FLOP); copies it as Markdown; exports the chart; and
// sees it in a dark and a light theme, in a wide and a narrow panel.
const assert = require('assert');

/** Answers the numbered prompt showing `prompt` with `value`. */
async function answer(page, prompt, value) {
  const widget = page.locator('.quick-input-widget', { hasText: prompt });
  await widget.waitFor({ state: 'visible' });
  await widget.locator('input.input').fill(value);
  await page.keyboard.press('Enter');
}

module.exports = async function planView(page, helpers) {
  // With a config open, the chart opens beside it: a narrow panel, where the plan sits below the chart.
  await helpers.openFile('generic/chinchilla-70b.yaml');
  await helpers.waitForStatusBarItem('FLOP');
  await helpers.runCommand('Compute Budget: Plan compute budget');
  const rows = page.locator('.quick-input-widget .monaco-list-row');
  // Highlighting "Hardware" shows its six steps before it is taken.
  await rows.filter({ hasText: 'Hardware: accelerators × days' }).waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.locator('.quick-input-widget .quick-input-title', { hasText: '(1/6)' }).waitFor();
  await rows.filter({ hasText: 'Hardware: accelerators × days' }).click();
  await page.locator('.quick-input-widget .quick-input-title', { hasText: '(2/6)' }).waitFor();
  await page.keyboard.type('H100');
  await rows.filter({ hasText: 'NVIDIA H100' }).first().click();
  await answer(page, 'Number of accelerators', '4096');
  await answer(page, 'Days of training', '90');
  await answer(page, 'Model FLOPs utilisation', '0.4');
  await rows.filter({ hasText: 'Chinchilla-optimal' }).click();

  const frame = helpers.chartFrame();
  await helpers.waitForChart('allocation', 'vscode-dark');
  const plan = frame.locator('#plan');
  await plan.waitFor({ state: 'visible' });
  const text = await plan.innerText();
  assert.match(text, /Accelerator-hours\s+8,847,360/);
  assert.match(text, /Wall-clock\s+90\.0 days/);
  assert.match(text, /EU AI Act systemic risk \(Art\. 51\) \(EU\)\s+10²⁵ FLOP: 126%, crossed/);
  assert.match(text, /Notify the European Commission within 14 days/);
  assert.match(text, /Korea AI Basic Act/);
  assert.match(text, /Predicted loss/);
  await helpers.screenshot('plan-view-dark-narrow');
  await plan.scrollIntoViewIfNeeded();
  await helpers.screenshot('plan-view-dark-narrow-plan');

  // The legend draws each threshold and band with its own line.
  const legend = await frame.locator('#legend').innerText();
  for (const entry of ['10²³ FLOP', '10²⁵ FLOP', '10²⁶ FLOP', '16×', '24×']) assert.ok(legend.includes(entry), `legend lacks ${entry}: ${legend}`);

  await frame.locator('#copy-markdown').click();
  await page.locator('.statusbar-item', { hasText: 'plan copied as Markdown' }).waitFor();

  // Export: the page hands the extension a PNG; it asks where to save it.
  await frame.locator('#export-png').click();
  const dialog = page.locator('.quick-input-widget', { hasText: 'Export the chart as PNG' });
  await dialog.waitFor({ state: 'visible' });
  await page.keyboard.press('Escape');
  await frame.locator('#export-svg').click();
  await page.locator('.quick-input-widget', { hasText: 'Export the chart as SVG' }).waitFor({ state: 'visible' });
  await page.keyboard.press('Escape');

  // Wide: the plan beside the chart.
  await frame.locator('#title').click();
  await helpers.runCommand('View: Toggle Maximize Editor Group');
  await helpers.waitForChart('allocation', 'vscode-dark');
  await helpers.screenshot('plan-view-dark-wide');
  await helpers.pickTheme('Light Modern');
  await helpers.waitForChart('allocation', 'vscode-light');
  await helpers.screenshot('plan-view-light-wide');
};
