// Steps of the extension's walkthrough, as the Welcome page shows them (shared by the walkthrough specs).

const CATEGORY = 'compute-budget.compute-budget#getting-started';

/** The button of a step, by its id in package.json. */
const step = (page, id) => page.locator(`.getting-started-step[data-step-id="${CATEGORY}#${id}"]`);

/** Waits until the step shows as done (its checkbox ticked). */
const stepDone = (page, id) => page.locator(`.getting-started-step[data-step-id="${CATEGORY}#${id}"][aria-checked="true"]`).waitFor();

/** Welcome: Open Walkthrough…, then ours by its title. */
async function openWalkthrough(page, helpers) {
  await helpers.runCommand('Welcome: Open Walkthrough...');
  const quickInput = page.locator('.quick-input-widget');
  await quickInput.locator('input[placeholder^="Select a walkthrough"]').waitFor();
  await page.keyboard.type('Get started with Compute Budget');
  await quickInput.locator('.monaco-list-row.focused', { hasText: 'Compute Budget' }).waitFor();
  await page.keyboard.press('Enter');
  await step(page, 'hover').waitFor();
}

/** Selects a step (unless it is open already) and waits until its media shows `mediaSelector`; resolves with the media's frame. */
async function showStep(page, id, mediaSelector) {
  const button = step(page, id);
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await page.locator(`.getting-started-step.expanded[data-step-id="${CATEGORY}#${id}"]`).waitFor();
  const media = page.frameLocator('.getting-started-media iframe.webview.ready').frameLocator('#active-frame');
  await media.locator(mediaSelector).first().waitFor();
  return media;
}

/** Clicks the button (a command link) in the open step's description. */
async function clickStepButton(page, label) {
  await page.locator('.getting-started-step.expanded .monaco-button', { hasText: label }).click();
}

module.exports = { step, stepDone, openWalkthrough, showStep, clickStepButton };
