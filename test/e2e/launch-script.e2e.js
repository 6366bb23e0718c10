// A person opens a real Megatron-LM launch script: the shell variables are resolved, the status
// bar and the inline budget appear, and a hover on a flag explains what it contributes.
const assert = require('assert');

module.exports = async function launchScript(page, helpers) {
  await helpers.openFile('megatron-lm/train_llama3_8b_h100_fp8.sh');
  const status = await helpers.waitForStatusBarItem('FLOP');
  assert.match(status, /7\.7 × 10²³ FLOP/);

  await helpers.goToLine(58);
  await helpers.waitForInline('params');
  const inline = await helpers.inlineTexts();
  assert.ok(
    inline.some((text) => text.includes('8.03B params')),
    inline.join(' | '),
  );
  const hover = await helpers.hoverAt('--hidden-size', '8,030,261,248');
  assert.match(hover, /4,096|4096/);
  await helpers.screenshot('hover-hidden-size-megatron-launch-script');

  await helpers.goToLine(83);
  await helpers.waitForInline('tok/param');
  const budget = await helpers.inlineTexts();
  assert.ok(
    budget.some((text) => text.includes('7.7 × 10²³ FLOP')),
    budget.join(' | '),
  );
  await helpers.screenshot('inline-budget-megatron-launch-script');
};
