// Headless Chromium from Debian, driven by playwright-core. Playwright's own browser download
// (`npx playwright install`) cannot work on machines that reach only npm and Debian.
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');
const { paths } = require('./paths');

const CHROMIUM_ARGS = [
  '--no-sandbox', // we run as root in CI; Chromium's sandbox refuses root
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

// Chromium writes crash-report folders under $XDG_CONFIG_HOME even with a temp profile:
// keep them out of $HOME.
const CHROMIUM_HOME = path.join(os.tmpdir(), 'compute-budget-chromium');

/** Resolves to a launched browser; close it with `browser.close()`. */
function launchBrowser() {
  return chromium.launch({
    executablePath: paths.chromium,
    headless: true,
    args: CHROMIUM_ARGS,
    env: { ...process.env, XDG_CONFIG_HOME: path.join(CHROMIUM_HOME, 'config'), XDG_CACHE_HOME: path.join(CHROMIUM_HOME, 'cache') },
  });
}

module.exports = { launchBrowser };
