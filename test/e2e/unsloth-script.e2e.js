// A person opens an Unsloth notebook exported to Python (the Llama-3.1-8B Alpaca QLoRA run), says
// it runs on one GPU, and reads in the hover what the script trains: SFTTrainer, QLoRA r = 16 on
// every linear layer, 60 steps, the adapter formula and what the fine-tune adds to its base.
const assert = require('assert');

module.exports = async function unslothScript(page, helpers) {
  // Without the GPU count the tokens are unknown, so the status bar shows no compute yet.
  await helpers.openFile('unsloth/llama3.1-8b-alpaca.py');
  await helpers.goToLine(1);
  await page.keyboard.press('Home');
  await page.keyboard.type('# compute-budget: gpus=1\n');
  // 60 steps × 2 × 4 × 1 GPU × 2,048 = 983,040 tokens; (4 × 8,030,261,248 + 2 × 41,943,040) × 983,040 = 3.2 × 10¹⁶.
  await helpers.waitForStatusBarItem('fine-tune 3.2 × 10¹⁶ FLOP');
  // Line 161 of the edited file: SFTConfig's `max_steps = 60`, one factor of the tokens.
  await helpers.goToLine(161);
  const hover = await helpers.hoverAt('max_steps = 60', 'fine-tune of');
  assert.match(hover, /Trainer\s+sft, qlora/);
  assert.match(hover, /SFTTrainer/);
  assert.match(hover, /41,943,040 trainable parameters/);
  assert.doesNotMatch(hover, /under-trained|Predicted loss|Tokens per parameter/);
  await helpers.screenshot('unsloth-script-hover');
  const problems = (await helpers.openProblems()).join('\n');
  assert.doesNotMatch(problems, /threshold-crossed|under-trained|missing-data-parallel/);
};
