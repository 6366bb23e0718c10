// A person who must tell a regulator about a run opens a budget that states both the model and the
// cluster (Llama 2 7B as published), reads both estimation methods in the hover, and exports the
// compute statement to hand to a compliance colleague.
const assert = require('assert');

module.exports = async function computeStatement(page, helpers) {
  await helpers.openFile('regulatory/llama-2-7b-both.budget.yaml');
  await helpers.waitForStatusBarItem('FLOP');
  // 184,320 A100-hours × 312 TFLOP/s × 40% = 8.3 × 10²², beside 6·N·D = 8.1 × 10²².
  const hover = await helpers.hoverAt('gpu_hours', 'Hardware estimate');
  assert.match(hover, /184,320 NVIDIA A100 \(SXM\) accelerator-hours × 312 TFLOP\/s peak \(BF16\) × 40% utilisation/);
  assert.match(hover, /8\.3 × 10²² FLOP/);
  assert.match(hover, /Counted per component/);
  await helpers.screenshot('hardware-method-hover');
  await page.keyboard.press('Escape');

  await helpers.runCommand('Compute Budget: Export compute statement');
  await page.locator('.editor-group-container.active .view-line', { hasText: 'Training compute statement' }).first().waitFor();
  const statement = await helpers.editorText();
  assert.match(statement, /8\.1 × 10²² FLOP/);
  assert.match(statement, /architecture/);
  assert.match(statement, /hardware/);
  assert.match(statement, /±30%/);
  await helpers.runCommand('Markdown: Open Preview to the Side');
  await page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame').locator('h1').first().waitFor();
  await helpers.screenshot('compute-statement');
};
