// A person opens a torchtitan config that names its accelerator (one node of H100 80GB): the
// hover on a parallelism key splits the estimated peak per device into its parts, the inline
// summary says whether it fits, and the out-of-memory diagnostic offers its changes as quick
// fixes, each with the peak it would give; the chart panel stacks the parts against the
// accelerator's memory. In dark and in light.
const assert = require('assert');
const fs = require('fs');
const path = require('path');

const FILE = 'memory/llama3_8b_one_node.toml';
/** The line a key is written on, found by its name, so that editing the example does not move the spec's pointer. */
function lineOf(key) {
  const lines = fs.readFileSync(path.join(__dirname, '..', 'examples', FILE), 'utf8').split('\n');
  const index = lines.findIndex((line) => line.trimStart().startsWith(`${key} =`));
  assert.ok(index >= 0, `${key} is not in ${FILE}`);
  return index + 1;
}

module.exports = async function memory(page, helpers) {
  await helpers.openFile(FILE);
  await helpers.waitForStatusBarItem('FLOP');
  await helpers.waitForInline('per device');
  const inline = await helpers.inlineTexts();
  assert.ok(
    inline.some((text) => /[\d.]+ GiB of [\d.]+ per device · does not fit/.test(text)),
    inline.join(' | '),
  );

  for (const theme of ['Dark Modern', 'Light Modern']) {
    await helpers.pickTheme(theme);
    const slug = theme.startsWith('Dark') ? 'dark' : 'light';
    await page.locator(`.monaco-workbench.${slug === 'light' ? 'vs' : 'vs-dark'}`).waitFor();
    await helpers.goToLine(lineOf('tensor_parallel_degree'));
    const hover = await helpers.hoverAt('tensor_parallel_degree', 'Memory per device');
    assert.match(hover, /peak [\d.]+ GiB of [\d.]+ \(NVIDIA H100[^)]*\), does not fit/);
    assert.match(hover, /weights [\d.]+ · gradients [\d.]+ · optimizer [\d.]+ · activations [\d.]+ · logits [\d.]+ · other [\d.]+ GiB/);
    const row = hover.split('\n').find((line) => line.startsWith('Memory per device')) ?? '';
    assert.doesNotMatch(row, /\de[+-]?\d/, row);
    await page.locator('.monaco-hover td', { hasText: 'Memory per device' }).first().scrollIntoViewIfNeeded();
    await helpers.screenshot(`memory-hover-${slug}`);
    await page.keyboard.press('Escape');

    const problems = await helpers.openProblems(2);
    assert.ok(
      problems.some((row) => /out-of-memory/.test(row)),
      problems.join(' | '),
    );
    // The diagnostic sits at local_batch_size (the micro-batch decides the activations): fixes at its line.
    await helpers.goToLine(lineOf('local_batch_size'));
    const fix = await helpers.quickFix('GiB');
    assert.match(await fix.innerText(), /GiB/);
    await helpers.screenshot(`memory-out-of-memory-fixes-${slug}`);
    await page.keyboard.press('Escape');
  }

  // The chart panel stacks the same parts against the H100's memory and its 90% line.
  // Hide the Problems panel (Ctrl+J toggles the panel) so the chart has the window's height.
  await page.keyboard.press('Control+J');
  await page.locator('.markers-panel').waitFor({ state: 'hidden' });
  await helpers.runCommand('Compute Budget: Show chart');
  const frame = helpers.chartFrame();
  for (const [theme, slug, body] of [
    ['Light Modern', 'light', 'vscode-light'],
    ['Dark Modern', 'dark', 'vscode-dark'],
  ]) {
    await helpers.pickTheme(theme);
    await helpers.waitForChart('allocation', body);
    const bar = frame.locator('#memory');
    await bar.waitFor();
    assert.match(
      await bar.locator('.memory-summary').textContent(),
      /^Peak [\d.]+ GiB against the [\d.]+ GiB of NVIDIA H100 .*: does not fit\. Weights [\d.]+ GiB/,
    );
    assert.equal(await bar.locator('.memory-part').count(), 6 - (await bar.locator('.memory-legend li', { hasText: / 0 MiB$/ }).count()));
    assert.equal(await bar.locator('.memory-line').count(), 2);
    await bar.scrollIntoViewIfNeeded();
    await helpers.screenshot(`memory-bar-${slug}`);
  }
};
