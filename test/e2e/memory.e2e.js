// A person opens a torchtitan config that names its accelerator (one node of H100 80GB): the
// hover on a parallelism key splits the estimated peak per device into its parts, the inline
// summary says whether it fits, and the out-of-memory diagnostic offers its changes as quick
// fixes, each with the peak it would give. In dark and in light.
const assert = require('assert');

module.exports = async function memory(page, helpers) {
  await helpers.openFile('memory/llama3_8b_one_node.toml');
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
    await helpers.goToLine(43);
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
    await helpers.goToLine(34);
    const fix = await helpers.quickFix('GiB');
    assert.match(await fix.innerText(), /GiB/);
    await helpers.screenshot(`memory-out-of-memory-fixes-${slug}`);
    await page.keyboard.press('Escape');
  }
};
