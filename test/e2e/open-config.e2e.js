// A person opens a Hugging Face model config in VS Code and sees it in the editor.
const assert = require('assert');

module.exports = async function openConfig(page, helpers) {
  await helpers.openFile('huggingface/llama-2-7b.config.json');
  await page.locator('.editor-group-container.active .view-line', { hasText: 'hidden_size' }).first().waitFor();
  await helpers.screenshot('llama-2-7b-config');
  assert.match(await helpers.editorText(), /"hidden_size": 4096/);
};
