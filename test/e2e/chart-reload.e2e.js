// A person clicks the status bar item to open the chart of a config, edits the config, then
// reloads the window: the chart follows the edit, and comes back after the reload (serializer).
const assert = require('assert');

module.exports = async function chartReload(page, helpers) {
  await helpers.openFile('generic/llama-2-7b-run.yaml');
  await helpers.waitForStatusBarItem('FLOP');

  // The status bar item opens the chart of the active config.
  await page.locator('.statusbar-item', { hasText: 'FLOP' }).first().click();
  const frame = helpers.chartFrame();
  await frame.locator('#title', { hasText: 'Compute budget: llama-2-7b-run.yaml' }).waitFor();
  await frame.locator('body[data-rendered^="allocation"]').waitFor({ state: 'attached' });
  assert.match(await frame.locator('#subtitle').textContent(), /6\.74B parameters × 2T tokens/);

  // Edit the config: the chart redraws for the new length without being asked.
  await page.locator('.editor-group-container .tab', { hasText: 'llama-2-7b-run.yaml' }).click();
  await page.locator('.editor-group-container.active .view-line', { hasText: 'tokens: 2T' }).first().click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('4T');
  await frame.locator('#subtitle', { hasText: '× 4T tokens' }).waitFor();
  await helpers.screenshot('chart-follows-edit');

  // Save, then reload the window: VS Code restores the panel through the serializer. The save is
  // made from the config's own tab and checked on disk (the tab's dirty mark is not a sign here).
  await page.locator('.editor-group-container .view-line', { hasText: 'tokens: 4T' }).first().click();
  await page.keyboard.press('Control+S');
  await helpers.waitForFileOnDisk('generic/llama-2-7b-run.yaml', /tokens: 4T/);
  // As a person does it: VS Code's own reload saves the workbench layout before it goes
  // (a bare browser reload may not, and then no panel is restored at all).
  const reloaded = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() });
  await helpers.runCommand('Developer: Reload Window');
  await reloaded;
  const revived = helpers.chartFrame();
  await revived.locator('#title', { hasText: 'Compute budget: llama-2-7b-run.yaml' }).waitFor();
  await revived.locator('body[data-rendered^="allocation"]').waitFor({ state: 'attached' });
  await revived.locator('#subtitle', { hasText: '× 4T tokens' }).waitFor();
  await helpers.screenshot('chart-after-reload');
};
