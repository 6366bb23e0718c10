// A person opens a real torchtitan TOML config whose shard degree (-1) leaves the GPU count open:
// the parameter count shows at once, the quick fix asks for the GPU count and writes it as a
// comment torchtitan ignores, and then the whole budget appears.
const assert = require('assert');

module.exports = async function torchtitanToml(page, helpers) {
  await helpers.openFile('torchtitan/llama3_8b.toml');
  const status = await helpers.waitForStatusBarItem('params');
  assert.match(status, /8\.03B params · tokens\?/);
  await helpers.waitForInline('params');
  const hover = await helpers.hoverAt('flavor', '8,030,261,248');
  assert.match(hover, /torchtitan|llama3/i);
  await helpers.screenshot('hover-flavor-torchtitan-toml');

  await helpers.goToLine(40);
  await (await helpers.quickFix('Add the number of GPUs')).click();
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill('64');
  await page.keyboard.press('Enter');

  const budget = await helpers.waitForStatusBarItem('FLOP');
  // 1,000 steps × (1 × 64 GPUs) × 8,192 tokens = 524,288,000 tokens; 6 × 8.03e9 × 5.24e8 = 2.5e19.
  assert.match(budget, /2\.5 × 10¹⁹ FLOP/);
  await helpers.goToLine(36);
  await helpers.waitForInline('tok/param');
  const inline = await helpers.inlineTexts();
  // 5.24e8 tokens ÷ 8.03e9 parameters: a short run shows its ratio, not a bare 0.
  assert.ok(
    inline.some((text) => text.includes('0.065 tok/param · 0.0033× Chinchilla')),
    inline.join(' | '),
  );
  await helpers.goToLine(1);
  // editorText reads the lines on screen: the top of the file now.
  assert.match(await helpers.editorText(), /^# compute-budget: gpus=64\n# NOTE: this toml config/);
  await helpers.screenshot('torchtitan-toml-after-gpus-fact');
};
