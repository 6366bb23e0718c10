// Someone adds to a plain budget file by completion: under hardware: the list offers the keys of
// that section with their descriptions, accepting one inserts it with a value to fill in, and at
// the top level the list offers the sections and leaves out the keys that belong beside an accelerator.
const assert = require('assert');

/**
 * Asks for suggestions (Ctrl+Space) and resolves with the labels of the rows shown. Under load the
 * keys can arrive before the editor has focus back, so it asks again (at most three times) until
 * the list shows; each try waits for the list, not for a time.
 */
async function suggestions(page) {
  const row = page.locator('.suggest-widget .monaco-list-row').first();
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+Space');
    try {
      await row.waitFor({ state: 'visible', timeout: 10_000 });
      return page.locator('.suggest-widget .monaco-list-row .label-name').allInnerTexts();
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

module.exports = async function budgetCompletion(page, helpers) {
  await helpers.openFile('budget/hardware-only.budget.yaml');
  await helpers.waitForStatusBarItem('FLOP');
  // The end of `utilisation: 0.4`, inside the hardware section; a new line keeps its indentation.
  await helpers.goToLine(7);
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-line').nth(8).waitFor();
  // The hardware keys not yet written, in the schema's order, each with its description.
  const labels = await suggestions(page);
  assert.deepStrictEqual(labels.slice(0, 6), ['num_nodes', 'devices', 'hours', 'max_time', 'precision', 'fp8']);
  assert.ok(!labels.includes('tokens'), labels.join(', '));
  const details = page.locator('.suggest-details', { hasText: 'Nodes in the run' });
  if (!(await details.isVisible())) await page.keyboard.press('Control+Space');
  await details.waitFor({ state: 'visible' });
  // The pane is laid out before its Markdown arrives the first time it opens (it shows two lines);
  // opened again, it is sized to the description.
  await page.keyboard.press('Escape');
  await suggestions(page);
  await page.waitForFunction(() => (document.querySelector('.suggest-details')?.getBoundingClientRect().height ?? 0) > 80);
  await helpers.screenshot('budget-completion-hardware');
  await page.keyboard.type('prec');
  await page.locator('.suggest-widget .monaco-list-row.focused', { hasText: 'precision' }).waitFor();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  assert.match(await helpers.editorText(), /utilisation: 0\.4\n {2}precision: bf16/);

  // A new line at the top level: sections and run-wide keys, not `count` (only beside an accelerator).
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+Tab');
  const top = await suggestions(page);
  assert.ok(top.includes('model') && top.includes('training'), top.join(', '));
  assert.ok(!top.includes('count') && !top.includes('hardware'), top.join(', '));
  await helpers.screenshot('budget-completion-top-level');
  await page.keyboard.press('Escape');
};
