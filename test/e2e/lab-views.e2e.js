// A person with a running job opens its config, which links the job's loss log: the training
// length is flagged as past the point of low returns. They open the loss curve with the stop
// rule's window, their own runs with the fitted law, and the capability boundary with this run,
// in the dark and the light theme.
const assert = require('assert');

module.exports = async function labViews(page, helpers) {
  await helpers.openFile('lab/small-run.yaml');
  await helpers.waitForStatusBarItem('FLOP');
  await helpers.openProblems(1);
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'Training has reached the point of low returns' }).first().waitFor();
  await helpers.screenshot('lab-low-returns-dark');

  await helpers.runCommand('Compute Budget: Show the training loss curve and stop signal');
  await helpers.waitForChart('curve', 'vscode-dark');
  const frame = helpers.chartFrame();
  assert.match(await frame.locator('#title').textContent(), /^Training loss: lab\/loss\.csv$/);
  assert.match(await frame.locator('#subtitle').textContent(), /^Low returns: loss −0\.010 per 100B tokens/);
  await helpers.screenshot('lab-curve-dark');

  await helpers.runCommand('Compute Budget: Show your runs and fitted law');
  await helpers.waitForChart('runs', 'vscode-dark');
  assert.match(await frame.locator('#title').textContent(), /^Your runs and your law: your fit \(64 runs, held-out loss error 0\.59%\)$/);
  await helpers.screenshot('lab-runs-dark');

  await helpers.runCommand('Compute Budget: Show the capability boundary');
  await helpers.waitForChart('boundary', 'vscode-dark');
  assert.match(await frame.locator('#subtitle').textContent(), /^At 1\.6 × 10²¹ FLOP the 98th-percentile boundary on mmlu is 0\.\d+/);
  await helpers.screenshot('lab-boundary-dark');

  await helpers.pickTheme('Light Modern');
  await helpers.waitForChart('boundary', 'vscode-light');
  await helpers.screenshot('lab-boundary-light');
  await frame.locator('#view-runs').click();
  await helpers.waitForChart('runs', 'vscode-light');
  await helpers.screenshot('lab-runs-light');
  await frame.locator('#view-curve').click();
  await helpers.waitForChart('curve', 'vscode-light');
  await helpers.screenshot('lab-curve-light');
};
