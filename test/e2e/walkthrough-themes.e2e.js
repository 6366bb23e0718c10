// The walkthrough's media in a light and a dark theme: each step's picture is drawn in the theme's
// own colours (SVG presentation attributes with --vscode-* variables), and the CI step's page is
// Markdown. Saves each step whole and its media alone, to be looked at. The theme is set in the
// settings, not through the picker: the Welcome page focuses its selected step a moment after
// showing it, which closes a picker opened in that moment (the cause of this spec's old failures).
const assert = require('assert');
const { openWalkthrough, showStep } = require('../e2e/walkthrough-helpers');

// Each step's media is waited for by something only it shows: the media frame is reused from step to
// step, so a selector the previous step's picture also matches could pass before the new one is in.
const STEPS = [
  ['hover', 'svg text'],
  ['problems', 'svg text >> text="PROBLEMS"'],
  ['plan', 'svg text >> text="What do you have?"'],
  ['chart', 'svg text >> text="Parameters (N, active)"'],
  ['ci', 'code'],
];

module.exports = async function walkthroughThemes(page, helpers) {
  await openWalkthrough(page, helpers);
  const backgrounds = {};
  for (const [theme, label] of [
    ['light', 'Default Light Modern'],
    ['dark', 'Default Dark Modern'],
  ]) {
    await helpers.setTheme(label, theme === 'light' ? 'vs' : 'vs-dark');
    for (const [id, selector] of STEPS) {
      const media = await showStep(page, id, selector);
      // The picture's background as the browser computed it: the theme's colour, not the SVG's fallback.
      if (id === 'hover')
        backgrounds[theme] = await media
          .locator('svg rect')
          .first()
          .evaluate((rect) => getComputedStyle(rect).fill);
      // The media match the product: the planner's own words, the chart's own axes.
      if (id === 'plan') assert.ok((await media.locator('svg').innerHTML()).includes('What do you have?'), 'the planner mock-up has other words');
      if (id === 'chart') {
        const svg = await media.locator('svg').innerHTML();
        assert.ok(svg.includes('Parameters (N, active)') && svg.includes('Training tokens (D)'), 'the chart mock-up has other axes than the chart');
      }
      const file = await helpers.screenshot(`walkthrough-${id}-step-${theme}`);
      await page.locator('.getting-started-media').screenshot({ path: file.replace(/\.png$/, '-media.png') });
    }
  }
  assert.notStrictEqual(backgrounds.light, backgrounds.dark, `the media follows the theme: ${JSON.stringify(backgrounds)}`);
};
