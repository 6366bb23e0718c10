// A person opens an Axolotl LoRA of Llama-3-8B, states its dataset size, and sees fine-tuning
// figures: the fine-tune's compute against the base's pretraining, never "under-trained".
const assert = require('assert');

module.exports = async function fineTune(page, helpers) {
  await helpers.openFile('axolotl/llama-3-lora-8b.yml');
  await helpers.waitForStatusBarItem('params');
  // The dataset's size is not in the file: say it in the comment the quick fix would write.
  await helpers.goToLine(1);
  await page.keyboard.press('Home');
  await page.keyboard.type('# compute-budget: dataset_tokens=25M\n');
  const status = await helpers.waitForStatusBarItem('fine-tune');
  // 4 epochs × 25M × 95% (5% validation) = 95M tokens; rank-32 LoRA on every linear layer trains
  // 83,886,080 parameters: (4 × 8,030,261,248 + 2 × 83,886,080) × 9.5e7 = 3.1e18.
  assert.match(status, /fine-tune 3\.1 × 10¹⁸ FLOP · 7\.2% EU with base/);
  await helpers.waitForInline('fine-tune');
  const inline = await helpers.inlineTexts();
  assert.ok(
    inline.some((text) => /fine-tune ≈ 3\.1 × 10¹⁸ FLOP · 4\.2 × 10⁻⁴% of base pretraining · 7\.2% of EU 10²⁵ \(base \+ this fine-tune\)/.test(text)),
    inline.join(' | '),
  );
  assert.ok(!inline.some((text) => /Chinchilla|tok\/param/.test(text)), inline.join(' | '));

  const hover = await helpers.hoverAt('base_model', 'fine-tune of');
  assert.match(hover, /Pretraining of meta-llama\/Meta-Llama-3-8B/);
  assert.match(hover, /LoRA adapters \(r = 32\)\s+83,886,080 trainable parameters/);
  assert.doesNotMatch(hover, /under-trained|Predicted loss/);
  // The share of 10²⁵ is mostly the base's: the hover says so in the words of the inline summary.
  assert.match(hover, /Shares of the compute of base \+ this fine-tune/);
  await helpers.screenshot('fine-tune-hover');

  const problems = (await helpers.openProblems()).join('\n');
  assert.doesNotMatch(problems, /under-trained/);
};
