// A person opens a Hugging Face config.json, which holds the model but not the training run and
// cannot hold a comment. The missing-tokens diagnostic's quick fix writes the tokens into the
// workspace's .compute-budget.yaml for this file, shows it beside the config, and the config's
// compute appears. Then the palette's "Add a fact" command adds the GPU count the same way.
const assert = require('assert');

module.exports = async function workspaceFacts(page, helpers) {
  await helpers.openFile('huggingface/llama-2-7b.config.json');
  await helpers.waitForInline('6.74B params');

  // F8 goes to the first problem (the only one: missing tokens); Ctrl+. opens its quick fixes.
  const editor = page.locator('.editor-group-container.active .monaco-editor').first();
  await editor.locator('.view-line').first().click();
  await page.keyboard.press('F8');
  const peek = page.locator('.marker-widget', { hasText: 'not how many tokens' });
  await peek.waitFor({ state: 'visible' });
  await page.keyboard.press('Escape');
  const fix = await helpers.quickFix('Add tokens for this file in .compute-budget.yaml');
  await helpers.screenshot('workspace-facts-quick-fix');

  await fix.click();
  const input = page.locator('.quick-input-widget input.input');
  await page.locator('.quick-input-widget', { hasText: 'written in .compute-budget.yaml for this file' }).waitFor({ state: 'visible' });
  assert.equal(await input.inputValue(), '134768312320'); // Chinchilla-optimal: 20 × 6,738,415,616
  await input.fill('2T');
  await page.keyboard.press('Enter');

  // The facts file opens beside the config with the new entry selected.
  await page.locator('.tabs-container .tab.active', { hasText: '.compute-budget.yaml' }).waitFor();
  await page.locator('.editor-group-container.active .view-line', { hasText: '"huggingface/llama-2-7b.config.json": { tokens: 2T }' }).waitFor();
  const text = await helpers.editorText();
  assert.match(text, /^# Facts the configs themselves do not hold/);
  // The config, still open in the other group, now has its compute.
  await page.locator('.editor-group-container:not(.active) .view-lines').first().waitFor();
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.editor-group-container:not(.active) .view-lines span')].some((span) =>
      (getComputedStyle(span, '::after').content || '').includes('FLOP'),
    ),
  );
  // Side by side, without the explorer (Ctrl+B), as a person would look at the two.
  await page.keyboard.press('Control+B');
  await page.locator('.part.sidebar').waitFor({ state: 'hidden' });
  await helpers.screenshot('workspace-facts-file-beside-config');

  // The palette command, on the JSON config: which fact, then its value.
  await page.locator('.tabs-container .tab', { hasText: 'llama-2-7b.config.json' }).click();
  await page.locator('.tabs-container .tab.active', { hasText: 'llama-2-7b.config.json' }).waitFor();
  await helpers.runCommand('Compute Budget: Add a fact the config does not hold');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'gpus' }).first().click();
  await page.locator('.quick-input-widget', { hasText: 'Value for gpus' }).waitFor({ state: 'visible' });
  await input.fill('1024');
  await page.keyboard.press('Enter');
  await page.locator('.editor-group-container.active .view-line', { hasText: '{ tokens: 2T, gpus: 1024 }' }).waitFor();
  await helpers.screenshot('workspace-facts-palette-gpus');
};
