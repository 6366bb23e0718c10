// A person opens real post-training recipes (LLaMA-Factory's LoRA SFT and DPO of
// Llama-3-8B-Instruct), states the dataset size, and reads each trainer's compute in the hover;
// then exports the DPO run's compute statement for a compliance colleague.
const assert = require('assert');

/**
 * Opens a recipe, which bounds its tokens by `max_samples` (an assumed upper bound), and states
 * the dataset's size; waits for the compute with that size (`flops`, as the status bar shows it).
 */
async function withDataset(page, helpers, file, flops) {
  await helpers.openFile(`fine-tune/${file}`);
  await helpers.waitForStatusBarItem('fine-tune');
  await helpers.goToLine(1);
  await page.keyboard.press('Home');
  await page.keyboard.type('# compute-budget: dataset_tokens=1M\n');
  await helpers.waitForStatusBarItem(`fine-tune ${flops} FLOP`);
}

/** Scrolls the open hover down by `pixels` with the mouse wheel, and waits two frames for it to paint. */
async function scrollHover(page, pixels) {
  const box = await page.locator('.monaco-hover').filter({ visible: true }).first().boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + 20, { steps: 3 });
  for (let done = 0; done < pixels; done += 100) {
    await page.mouse.wheel(0, 100);
    await page.evaluate(() => new Promise((resolve) => window.requestAnimationFrame(() => window.requestAnimationFrame(resolve))));
  }
}

module.exports = async function fineTuneRecipes(page, helpers) {
  // LoRA SFT: r = 8 on every linear layer of Llama-3-8B trains 20,971,520 parameters.
  // 3 epochs × 1M × 0.9 (val_size) = 2.7M tokens; (4 × 8,030,261,248 + 2 × 20,971,520) × 2.7M = 8.7 × 10¹⁶.
  await withDataset(page, helpers, 'llama-factory-llama3-lora-sft.yaml', '8.7 × 10¹⁶');
  const lora = await helpers.hoverAt('finetuning_type', 'fine-tune of');
  assert.match(lora, /Trainer\s+sft, lora/);
  assert.match(lora, /LoRA adapters \(r = 8\)\s+20,971,520 trainable parameters/);
  assert.match(lora, /One-third test\s+below one third/);
  assert.doesNotMatch(lora, /under-trained|Predicted loss|Tokens per parameter/);
  assert.match(lora, /10²³\s+723%\s+passed by the base’s pretraining/);
  // The rows below the adapter's derivation: trainer, compute, share of the base, one-third test.
  await scrollHover(page, 300);
  await helpers.screenshot('fine-tune-lora-hover');

  // DPO: the policy on chosen and rejected plus the reference model's forward.
  // The same 2.7M tokens, plus 2·N for the reference: 1.3 × 10¹⁷.
  await withDataset(page, helpers, 'llama-factory-llama3-lora-dpo.yaml', '1.3 × 10¹⁷');
  const dpo = await helpers.hoverAt('num_train_epochs', 'fine-tune of');
  assert.match(dpo, /Trainer\s+dpo, lora \(stage: dpo\)/);
  assert.match(dpo, /2·N reference forward/);
  await scrollHover(page, 300);
  await helpers.screenshot('fine-tune-dpo-hover');

  await helpers.runCommand('Compute Budget: Export compute statement');
  await page.locator('.editor-group-container.active .view-line', { hasText: 'Training compute statement' }).first().waitFor();
  const statement = (await helpers.editorText()).replace(/\s+/g, ' ');
  // The editor shows the top of the document: the model, as written and as resolved, and the trainer.
  assert.match(statement, /As written: meta-llama\/ ?Meta-Llama-3-8B-Instruct/);
  assert.match(statement, /Trainer: dpo, lora; per token of D: \(4·N \+ 2·N\\_trainable\) \+ 2·N/);
  await page.keyboard.press('Control+K');
  await page.keyboard.press('V');
  const preview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  await preview.locator('h1').first().waitFor();
  // Show the modification: trainer, base and the one-third test's conclusion.
  await page.keyboard.press('Control+B'); // hide the side bar: room for the preview
  await preview.locator('h2', { hasText: 'Modification of a base model' }).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
  await page.evaluate(() => new Promise((resolve) => window.requestAnimationFrame(() => window.requestAnimationFrame(resolve))));
  await helpers.screenshot('fine-tune-statement');

  // No threshold warning to a modifier below one third, no pre-training advice.
  const problems = (await helpers.openProblems()).join('\n');
  assert.doesNotMatch(problems, /threshold-crossed|under-trained/);
};
