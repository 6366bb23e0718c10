// The browser entry in the web worker extension host (see run-web.js and web-worker-host.e2e.js):
// the chart panel, whose page runs only with the CSP nonce made by Web Crypto.
const assert = require('assert');

module.exports = async function webChart(page, helpers) {
  await helpers.openFile('generic/llama-2-7b-run.yaml');
  await helpers.waitForStatusBarItem('FLOP');
  await helpers.runCommand('Compute Budget: Show chart');
  await helpers.waitForChart('allocation', 'vscode-dark');
  assert.equal(await helpers.chartFrame().locator('#title').textContent(), 'Compute budget: llama-2-7b-run.yaml');
  await helpers.screenshot('web-chart-llama-2-7b-run');
};
