// A person plans a budget from the open config through the numbered steps (going back once), then
// writes the plan into the config from the plan view's own button: the choices keep the file honest (its architecture fixes 6.74B
// parameters, so a 32B plan's tokens are not offered), VS Code previews the diff, and applying it
// changes only the tokens. Then a diagnostic's code link in the Problems panel opens its page.
const assert = require('assert');

module.exports = async function planWriteBack(page, helpers) {
  await helpers.openFile('generic/llama-2-7b-run.yaml');
  await helpers.waitForStatusBarItem('FLOP');

  const quickInput = page.locator('.quick-input-widget');
  const title = quickInput.locator('.quick-input-title');
  await helpers.runCommand('Compute Budget: Plan compute budget');
  // The count is the path's under the cursor: two steps from this config's compute, three from a
  // FLOP budget, already on the first step, so taking a path never makes it jump.
  await title.filter({ hasText: '(1/2)' }).waitFor();
  await page.keyboard.press('ArrowDown');
  await title.filter({ hasText: '(1/3)' }).waitFor();
  await quickInput.locator('.monaco-list-row', { hasText: 'A compute budget in FLOP' }).click();
  await title.filter({ hasText: '2/3' }).waitFor();
  const input = quickInput.locator('input.input');
  await input.fill('1.2e23');
  await page.keyboard.press('Enter');
  await title.filter({ hasText: '3/3' }).waitFor();
  await helpers.screenshot('plan-steps-target');

  // Back to the budget: the value typed before is still there.
  await quickInput.locator('.codicon-quick-input-back').click();
  await title.filter({ hasText: '2/3' }).waitFor();
  assert.equal(await input.inputValue(), '1.2e23');
  await page.keyboard.press('Enter');
  await quickInput.locator('.monaco-list-row', { hasText: 'Chinchilla-optimal' }).click();

  // 1.2e23 FLOP at 20:1 is 31.6B parameters on 632B tokens; the file's model is 6.74B. The offer
  // sits at the top of the plan view, not in a notification that hides before the plan is read.
  const frame = helpers.chartFrame();
  await frame.locator('#subtitle', { hasText: '31.6B parameters' }).waitFor();
  const offer = frame.locator('#write-back');
  await offer.waitFor({ state: 'visible' });
  assert.match(await offer.innerText(), /fixes the model at 6\.74B parameters/);
  assert.equal(await page.locator('.notification-toast', { hasText: 'Write to' }).count(), 0, 'a toast still offers the write-back');
  await offer.scrollIntoViewIfNeeded();
  await helpers.screenshot('plan-write-back-offer');
  await offer.locator('#write-back-button', { hasText: 'Write to llama-2-7b-run.yaml' }).click();

  // The write-back's own choices, not the objective list the quick input showed a moment before.
  await quickInput.locator('.monaco-list-row', { hasText: 'Train this 6.74B model' }).first().waitFor();
  const choices = await quickInput.locator('.monaco-list-row').allInnerTexts();
  assert.ok(
    choices.some((text) => /Train this 6\.74B model Chinchilla-optimally: 135B tokens/.test(text)),
    choices.join(' | '),
  );
  assert.ok(
    choices.some((text) => /Spend the plan's 1\.2 × 10²³ FLOP on this 6\.74B model/.test(text)),
    choices.join(' | '),
  );
  assert.ok(!choices.some((text) => /632B/.test(text)), `the 31.6B plan's own tokens were offered for a 6.74B model: ${choices.join(' | ')}`);
  await helpers.screenshot('plan-write-back-choices');
  await quickInput.locator('.monaco-list-row', { hasText: 'Chinchilla-optimally' }).click();

  // A diff shows the change before it is made, with one question.
  const write = page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Write to llama-2-7b-run.yaml' });
  await write.waitFor({ state: 'visible' });
  await page.locator('.tabs-container .tab', { hasText: 'with the plan written' }).waitFor();
  await page
    .locator('.editor-instance .modified-in-monaco-diff-editor .view-line, .monaco-diff-editor .modified .view-line', { hasText: 'tokens: 135B' })
    .first()
    .waitFor();
  await helpers.screenshot('plan-write-back-preview');
  await write.click();
  await page.locator('.view-line', { hasText: 'tokens: 135B' }).first().waitFor();
  // The button is in the chart's group, so the diff opened there, beside the config; the config's
  // own editor keeps its architecture line.
  await page.locator('.view-line', { hasText: 'architecture: meta-llama/Llama-2-7b-hf' }).first().waitFor();

  // A diagnostic's code opens the page for that code.
  await helpers.openFile('bad/nonsense-values.yaml');
  await helpers.openProblems(3);
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'negative-value' }).first().hover();
  await page.locator('.markers-panel a', { hasText: 'negative-value' }).first().click();
  await page.locator('.tabs-container .tab.active', { hasText: 'negative-value.md' }).waitFor();
  await page.locator('.view-line', { hasText: 'A size or count below zero' }).first().waitFor();
  await helpers.screenshot('diagnostic-code-page');
};
