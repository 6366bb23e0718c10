// A person installs the packaged extension (dist-vsix/*.vsix) and opens a training config: the
// extension activates from the VSIX's minified bundles and the hover shows its figures. Run by
// `npm run test:package` (run-e2e.js --vsix), which installs the VSIX instead of linking the repo.
const assert = require('assert');

module.exports = async function installedVsix(page, helpers) {
  await helpers.openFile('generic/llama-2-7b-run.yaml');
  // The status bar item: the host bundle activated and its analysis worker answered.
  const status = await helpers.waitForStatusBarItem('FLOP');
  assert.match(status, /8\.1 × 10²² FLOP/);

  const hover = await helpers.hoverAt('tokens', 'Training tokens');
  assert.match(hover, /2,000,000,000,000/);
  assert.match(hover, /6,738,415,616/);
  assert.match(hover, /EU AI Act systemic risk/);
  await helpers.screenshot('vsix-hover-tokens-llama-2-7b-run');

  // The Extensions view lists it as installed, with the packaged name, icon and description.
  await helpers.runCommand('Extensions: Show Installed Extensions');
  const entry = page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'Compute Budget' }).first();
  await entry.waitFor();
  assert.match(await entry.innerText(), /Training compute, tokens per parameter/);
  await helpers.screenshot('vsix-installed-extensions');
};
