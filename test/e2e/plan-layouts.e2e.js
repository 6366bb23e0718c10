// A person with a torchtitan Llama 3 8B config open plans from hardware (8 H100 for 30 days) and
// reads, in the plan beside the chart, how the config's own run lays out on that accelerator: the
// file as written (it does not fit), the fewest-accelerator TP × PP × DP layouts that do, each with
// its predicted peak and busiest device, and what every layout keeps as the file sets it. The
// layouts are shown, not written. In a dark and a light theme.
const assert = require('assert');

/** Answers the numbered prompt showing `prompt` with `value`. */
async function answer(page, prompt, value) {
  const widget = page.locator('.quick-input-widget', { hasText: prompt });
  await widget.waitFor({ state: 'visible' });
  await widget.locator('input.input').fill(value);
  await page.keyboard.press('Enter');
}

module.exports = async function planLayouts(page, helpers) {
  await helpers.openFile('memory/llama3_8b_one_node.toml');
  await helpers.waitForStatusBarItem('FLOP');
  await helpers.runCommand('Compute Budget: Plan compute budget');
  const rows = page.locator('.quick-input-widget .monaco-list-row');
  await rows.filter({ hasText: 'Hardware: accelerators × days' }).click();
  await page.locator('.quick-input-widget .quick-input-title', { hasText: '(2/6)' }).waitFor();
  await page.locator('.quick-input-widget input').first().focus();
  await page.keyboard.type('H100');
  await rows.filter({ hasText: 'NVIDIA H100' }).first().click();
  await answer(page, 'Number of accelerators', '8');
  await answer(page, 'Days of training', '30');
  await answer(page, 'Model FLOPs utilisation', '0.4');
  await rows.filter({ hasText: 'Chinchilla-optimal' }).click();

  const frame = helpers.chartFrame();
  await helpers.waitForChart('allocation', 'vscode-dark');
  const plan = frame.locator('#plan');
  const layouts = plan.locator('table', { has: frame.locator('th', { hasText: 'Held as written' }) });
  await layouts.waitFor({ state: 'visible' });
  const text = await layouts.innerText();
  // The plan's 8 accelerators are the file's count; the file's own layout does not fit on them.
  assert.match(text, /llama3_8b_one_node\.toml \(its own [\d.]+B model\) on NVIDIA H100 \(SXM\), 79\.2 GiB each/);
  assert.match(text, /As written\s+8 accelerators, peak [\d.]+ GiB \(does not fit\)/);
  const proposals = [...text.matchAll(/TP (\d) × PP (\d+) × DP (\d+)\s+(\d+) accelerators, peak ([\d.]+) GiB\s+busiest: /g)];
  assert.ok(proposals.length >= 1, text);
  for (const [, tp, pp, dp, count, peak] of proposals) {
    assert.equal(Number(count), Number(tp) * Number(pp) * Number(dp), text);
    assert.ok(Number(peak) <= 79.2 * 0.9, `${peak} GiB is over 90% of the H100: ${text}`);
  }
  const counts = proposals.map((match) => Number(match[4]));
  assert.deepEqual(
    counts,
    [...counts].sort((a, b) => a - b),
    'fewest accelerators first',
  );
  assert.match(text, /micro-batch 4, sequence 8192, recompute none, ZeRO\/FSDP stage 3/);
  assert.match(text, /shown, not written/);

  // The narrow panel beside the config, where the plan sits under the chart: dark, then light.
  await layouts.scrollIntoViewIfNeeded();
  await helpers.screenshot('plan-layouts-dark-narrow');
  await helpers.pickTheme('Light Modern');
  await helpers.waitForChart('allocation', 'vscode-light');
  await layouts.scrollIntoViewIfNeeded();
  await helpers.screenshot('plan-layouts-light-narrow');
};
