// A person who fitted their own small runs plans a budget with their law: the plan gives the
// loss-optimal split under their fit with its 95% interval and says whether it is determined, and
// at a budget far past their largest run, that it is an extrapolation. The examples' runs file
// (lab/small-models.runs.csv) spans 2.5 to 320 tokens per parameter, so at 10²² FLOP the split is
// determined; at 10²⁴ FLOP it is 79.5× past the largest run and not determined.
const assert = require('assert');

/**
 * Plans a FLOP budget, Chinchilla-optimal, and resolves with the plan once it is drawn for this
 * budget (`shown`, as the subtitle writes it) under the workspace fit. The plan waits for a fit
 * that is still arriving and is drawn again when a refit lands, so the wait is for the drawn
 * plan itself, never for a time.
 */
async function planFlops(page, helpers, flops, shown) {
  await helpers.runCommand('Compute Budget: Plan compute budget');
  const rows = page.locator('.quick-input-widget .monaco-list-row');
  await rows.filter({ hasText: 'A compute budget in FLOP' }).click();
  const widget = page.locator('.quick-input-widget', { hasText: 'Compute budget in FLOP' });
  await widget.waitFor({ state: 'visible' });
  const input = widget.locator('input.input');
  // The input box takes its proposed value (the config's compute) after it shows: typing before
  // that is overwritten, so wait for the proposal, then type and see the typed value hold.
  await page.waitForFunction(() => document.querySelector('.quick-input-widget input.input')?.value);
  await input.fill(flops);
  await page.waitForFunction((typed) => document.querySelector('.quick-input-widget input.input')?.value === typed, flops);
  await page.keyboard.press('Enter');
  await rows.filter({ hasText: 'Chinchilla-optimal' }).click();
  const frame = helpers.chartFrame();
  await helpers.waitForChart('allocation', 'vscode-dark');
  await frame.locator('#subtitle', { hasText: `= ${shown} FLOP` }).waitFor();
  const plan = frame.locator('#plan');
  await plan.locator('text=95% interval').first().waitFor();
  return plan;
}

module.exports = async function labAllocation(page, helpers) {
  // Choose "your fit" in this spec's own workspace settings.
  await helpers.openFile('.vscode/settings.json');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('{ "computeBudget.lossFit": "workspace"');
  await page.keyboard.press('Control+S');
  await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached' });

  await helpers.openFile('generic/chinchilla-70b.yaml');
  await helpers.waitForStatusBarItem('FLOP');
  let plan = await planFlops(page, helpers, '1e22', '1.0 × 10²²');
  let text = await plan.innerText();
  assert.match(text, /Loss-optimal for this budget \(your fit \(64 runs, held-out loss error 0\.59%\)\)/);
  assert.match(
    text,
    /95% interval [\d.]+B–[\d.]+B on [\d.]+B–[\d.]+B, [\d.]+–[\d.]+ tokens per parameter, loss \d\.\d{3}–\d\.\d{3}; determined \(N within 30% either side\)/,
  );
  await plan.locator('text=95% interval').first().scrollIntoViewIfNeeded();
  await helpers.screenshot('lab-allocation-determined');

  // The loss view marks the optimum under your fit with its interval on N (a bar, named in the legend).
  const frame = helpers.chartFrame();
  await frame.locator('#view-loss').click();
  await helpers.waitForChart('loss', 'vscode-dark');
  assert.match(await frame.locator('#legend').innerText(), /Loss-optimal: 95% interval on N from the bootstrap of your runs/);
  await helpers.screenshot('lab-allocation-loss-interval');
  await frame.locator('#view-allocation').click();
  await helpers.waitForChart('allocation', 'vscode-dark');

  plan = await planFlops(page, helpers, '1e24', '1.0 × 10²⁴');
  text = await plan.innerText();
  assert.match(text, /not determined \(N wider than 30% either side\); 79\.5× the largest run's compute: an extrapolation/);
  await plan.locator('text=95% interval').first().scrollIntoViewIfNeeded();
  await helpers.screenshot('lab-allocation-extrapolation');
};
