// A person runs the commands that open something beside the config, one after another, from
// whichever group has focus: the statement, the chart, the statement again. They share one side
// group; the editor is never split into a third, fourth, ... group.
const assert = require('assert');

/** Opens a file through Quick Open in the focused group (where it may be open in another group too). */
async function openHere(page, helpers, relPath) {
  await helpers.openQuickInput('Control+P');
  await helpers.pick(relPath, relPath.split('/').pop());
  await page.locator('.editor-group-container.active .tabs-container .tab.active', { hasText: relPath.split('/').pop() }).waitFor();
}

module.exports = async function sideGroup(page, helpers) {
  const groups = page.locator('.part.editor:not(.modal-editor-part) .editor-group-container');
  await helpers.openFile('generic/chinchilla-70b.yaml');
  await helpers.waitForStatusBarItem('FLOP');

  // The statement opens beside the config and takes the focus.
  await helpers.runCommand('Compute Budget: Export compute statement');
  await page.locator('.tabs-container .tab.active', { hasText: 'Untitled' }).waitFor();
  assert.equal(await groups.count(), 2);

  // The config opened again from the side group (Quick Open opens it where the focus is), and the
  // statement asked for again: it goes to the other open group, not to a new third one.
  await openHere(page, helpers, 'generic/chinchilla-70b.yaml');
  await helpers.runCommand('Compute Budget: Export compute statement');
  await page.locator('.tabs-container .tab', { hasText: 'Untitled-2' }).waitFor();
  assert.equal(await groups.count(), 2, 'the second statement opened a third editor group');

  // The chart, from the config, joins them.
  await openHere(page, helpers, 'generic/chinchilla-70b.yaml');
  await helpers.runCommand('Compute Budget: Show chart');
  await helpers.waitForChart('allocation', 'vscode-dark');
  assert.equal(await groups.count(), 2, 'the chart opened a third editor group');
  await helpers.screenshot('side-group');
};
