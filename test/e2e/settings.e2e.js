// A person who finds the inline budget distracting turns it off in the Settings editor: it goes
// away from the open config at once, the status bar item stays, and turning it on brings it back.
// The workspace scope is used so the choice stays in this spec's own copy of test/examples/.
const assert = require('assert');

const SETTING = 'computeBudget.decorations.enabled';

/** Opens the Settings editor on the Workspace tab, filtered to the one setting. */
async function openSetting(page, helpers) {
  await helpers.runCommand('Preferences: Open Workspace Settings');
  const editor = page.locator('.settings-editor');
  await editor.waitFor({ state: 'visible' });
  // The search box keeps its text when the editor is opened again: replace it.
  await editor.locator('.search-container .monaco-editor').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(SETTING);
  const item = editor.locator('.setting-item-contents', { hasText: 'Show the inline' }).first();
  await item.waitFor({ state: 'visible' });
  return item.locator('.setting-value-checkbox');
}

/** Clicks the checkbox unless it already shows `checked`, and waits until it does. */
async function setChecked(page, checkbox, checked) {
  if ((await checkbox.getAttribute('aria-checked')) !== String(checked)) await checkbox.click();
  await checkbox.and(page.locator(`[aria-checked="${checked}"]`)).waitFor();
}

/** Closes the Settings editor (VS Code 1.139 opens it as a modal over the editors). */
async function closeSettings(page) {
  await page.keyboard.press('Escape');
  await page.locator('.settings-editor').waitFor({ state: 'hidden' });
}

module.exports = async function settings(page, helpers) {
  await helpers.openFile('generic/llama-2-7b-run.yaml');
  await helpers.waitForStatusBarItem('FLOP');
  await helpers.waitForInline('tok/param');

  const checkbox = await openSetting(page, helpers);
  assert.strictEqual(await checkbox.getAttribute('aria-checked'), 'true', 'the inline budget is on by default');
  await setChecked(page, checkbox, false);
  // The config stays open behind the modal Settings editor: the inline text goes at once.
  await helpers.waitForInline('tok/param', false);
  await helpers.screenshot('settings-inline-budget-off');
  await closeSettings(page);

  assert.deepStrictEqual(
    (await helpers.inlineTexts()).filter((text) => text.startsWith('≈')),
    [],
  );
  // Only the decorations are off: the status bar item still reports the budget.
  assert.match(await helpers.waitForStatusBarItem('FLOP'), /8\.1 × 10²² FLOP/);
  await helpers.screenshot('inline-budget-off-llama-2-7b-run');

  await setChecked(page, await openSetting(page, helpers), true);
  await helpers.waitForInline('tok/param');
  await closeSettings(page);
  assert.ok((await helpers.inlineTexts()).some((text) => text.includes('≈ 6.74B params')));
};
