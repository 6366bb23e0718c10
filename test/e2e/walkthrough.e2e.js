// A first-time user opens the extension's walkthrough, creates a budget file from the first
// step, fills it from the completion list and hovers on it, then opens the Problems panel from
// the second step; each step checks itself off. (walkthrough-themes.e2e.js: its media in light and dark.)
const assert = require('assert');
const { step, stepDone, openWalkthrough, showStep, clickStepButton } = require('./walkthrough-helpers');

module.exports = async function walkthrough(page, helpers) {
  await openWalkthrough(page, helpers);
  const titles = await page.locator('.getting-started-step .step-title').allInnerTexts();
  assert.deepStrictEqual(titles, [
    'Write a budget and hover on it',
    'Read the Problems panel',
    'Plan a compute budget',
    'Open the chart',
    'Check configs in CI',
  ]);

  // Step 1: the button opens a new budget file; the completion list fills it; the hover explains it.
  await showStep(page, 'hover', 'svg text');
  assert.strictEqual(await step(page, 'hover').getAttribute('aria-checked'), 'false');
  await clickStepButton(page, 'Create a budget file');
  await page.locator('.tabs-container .tab.active', { hasText: 'Untitled' }).waitFor();
  await page.locator('.statusbar-item', { hasText: 'Compute Budget' }).first().waitFor();
  await page.keyboard.press('Control+Space');
  await page.locator('.suggest-widget .monaco-list-row.focused', { hasText: 'Example budget' }).waitFor();
  await page.keyboard.press('Enter');
  // Leave the snippet's placeholders as they are.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await helpers.waitForInline('tok/param');
  assert.match(await helpers.editorText(), /parameters: 7B[\s\S]*tokens: 2T[\s\S]*accelerator: H100/);
  const hover = await helpers.hoverAt('tokens', 'Training compute');
  assert.match(hover, /8\.4 × 10²² FLOP/);
  await helpers.screenshot('walkthrough-example-budget-hover');

  await page.locator('.tabs-container .tab', { hasText: 'Welcome' }).click();
  await stepDone(page, 'hover');

  // Step 2: its button opens the Problems panel, which checks the step off.
  await showStep(page, 'problems', 'svg text');
  await clickStepButton(page, 'Open the Problems panel');
  await page.locator('.markers-panel').waitFor({ state: 'visible' });
  await stepDone(page, 'problems');
  await helpers.screenshot('walkthrough-problems-step-done');
};
