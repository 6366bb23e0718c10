// A person who must tell a regulator about a run exports the compute statement of a budget that
// states both the model and the cluster (Llama 2 7B as published), to hand to a compliance colleague.
const assert = require('assert');

module.exports = async function computeStatement(page, helpers) {
  await helpers.openFile('regulatory/llama-2-7b-both.budget.yaml');
  await helpers.waitForStatusBarItem('FLOP');
  await helpers.runCommand('Compute Budget: Export compute statement');
  await page.locator('.editor-group-container.active .view-line', { hasText: 'Training compute statement' }).first().waitFor();
  // Markdown wraps long lines in the editor: read the text as one run of words.
  const statement = (await helpers.editorText()).replace(/\s+/g, ' ');
  assert.match(statement, /8\.1 × 10²² FLOP/);
  assert.match(statement, /Architecture-based\*\*: 6 × N × D = 8\.1 × 10²² FLOP/);
  assert.match(statement, /Hardware-based\*\*: accelerators × time × peak × utilisation = 8\.3 × 10²² FLOP/);
  assert.match(statement, /±30%/);
  // Markdown: Open Preview to the Side (its palette title also matches the locked preview first).
  await page.keyboard.press('Control+K');
  await page.keyboard.press('V');
  await page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame').locator('h1').first().waitFor();
  await helpers.screenshot('compute-statement');
};
