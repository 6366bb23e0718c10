// The chart in a narrow side panel (about 330 px, a laptop with the side bar open), both views,
// saved to be looked at: labels never overlap one another or a marker (the placement itself is
// tested in test/core/planner/labelPlacement.test.ts; the canvas cannot be read here).
const assert = require('assert');

module.exports = async function chartNarrow(page, helpers) {
  await helpers.openFile('generic/chinchilla-70b.yaml');
  await helpers.waitForStatusBarItem('FLOP');
  await helpers.runCommand('Compute Budget: Show chart');
  await helpers.waitForChart('allocation', 'vscode-dark');
  // The workbench at 1000 px with the side bar: the chart's group is about 330 px wide.
  await page.setViewportSize({ width: 1000, height: 800 });
  const frame = helpers.chartFrame();
  await page.waitForFunction(() => {
    const group = [...document.querySelectorAll('.editor-group-container')].pop();
    return group && group.getBoundingClientRect().width < 345;
  });
  await helpers.waitForChart('allocation', 'vscode-dark');
  const width = await page
    .locator('.editor-group-container')
    .last()
    .evaluate((group) => group.getBoundingClientRect().width);
  assert.ok(width <= 345 && width >= 300, `the chart's group is ${width} px wide`);
  await helpers.screenshot('chart-narrow-allocation');
  await frame.locator('#view-loss').click();
  await helpers.waitForChart('loss', 'vscode-dark');
  await helpers.screenshot('chart-narrow-loss');
};
