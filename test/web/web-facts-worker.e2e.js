// The browser entry's facts files (.compute-budget.yaml) on a worker of their own: the web worker
// extension host starts dist/web/factsWorker.js (src/web/webFactsEngine.ts), so parsing and glob
// matching never run on the extension host's thread. The spec checks that the facts apply in the
// browser and that a worker named "compute-budget facts" runs beside the extension host.
const assert = require('assert');

module.exports = async function webFactsWorker(page, helpers) {
  // workspace-facts/.compute-budget.yaml gives llama-2-7b/config.json its 2T tokens.
  await helpers.openFile('workspace-facts/llama-2-7b/config.json');
  await helpers.waitForInline('tok/param');
  const inline = await helpers.inlineTexts();
  assert.ok(
    inline.some((text) => text.includes('≈ 8.1 × 10²² FLOP')),
    inline.join(' | '),
  );
  const names = [];
  for (const worker of page.workers()) names.push(await worker.evaluate(() => globalThis.name).catch(() => '(gone)'));
  assert.ok(
    names.some((name) => name.includes('compute-budget facts')),
    `no facts worker among the page's workers: ${names.join(' | ')}`,
  );
  await helpers.screenshot('web-facts-worker-llama-2-7b');
};
