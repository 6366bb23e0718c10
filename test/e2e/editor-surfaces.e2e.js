// A person opens a training config and sees, without doing anything else: the inline budget after
// the model and training lines, the status bar item, a hover on a key, and the Problems panel.
const assert = require('assert');

module.exports = async function editorSurfaces(page, helpers) {
  await helpers.openFile('generic/llama-2-7b-run.yaml');
  // The status bar item is the sign the extension has analysed the file.
  const status = await helpers.waitForStatusBarItem('FLOP');
  assert.match(status, /8\.1 × 10²² FLOP · 0\.81% EU/);

  await helpers.waitForInline('tok/param');
  const inline = await helpers.inlineTexts();
  assert.ok(
    inline.some((text) => text.includes('≈ 8.1 × 10²² FLOP · 297 tok/param · 14.8× Chinchilla · 0.81% of EU 10²⁵')),
    inline.join(' | '),
  );
  assert.ok(
    inline.some((text) => text.includes('≈ 6.74B params')),
    inline.join(' | '),
  );
  await helpers.screenshot('inline-budget-llama-2-7b-run');

  const hover = await helpers.hoverAt('tokens', 'Training tokens');
  assert.match(hover, /2,000,000,000,000/);
  assert.match(hover, /EU AI Act systemic risk/);
  await helpers.screenshot('hover-tokens-llama-2-7b-run');

  await helpers.openFile('bad/nonsense-values.yaml');
  await helpers.openProblems();
  // Only this file's problems (the examples also hold a broken .compute-budget.yaml on purpose).
  await page
    .getByPlaceholder(/^Filter \(e\.g\. text/)
    .first()
    .fill('**/nonsense-values.yaml');
  const markerRows = page.locator('.markers-panel .monaco-list-row');
  await markerRows.filter({ hasText: 'too large to be a number of steps' }).waitFor();
  const rows = await markerRows.allInnerTexts();
  const text = rows.join('\n');
  assert.match(text, /cannot be a number of parameters/);
  assert.match(text, /"banana" is not a number/);
  assert.match(text, /too large to be a number of steps/);
  await helpers.screenshot('problems-nonsense-values');

  await helpers.openFile('huggingface/mixtral-8x7b.config.json');
  await helpers.waitForInline('active');
  const moe = await helpers.inlineTexts();
  assert.ok(
    moe.some((line) => line.includes('≈ 46.7B params (12.9B active)')),
    moe.join(' | '),
  );
  await helpers.hoverAt('num_local_experts', 'Experts');
  await helpers.screenshot('hover-experts-mixtral');
};
