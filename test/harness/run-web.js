#!/usr/bin/env node
// The browser entry in a real browser: the specs of test/web/*.e2e.js run as run-e2e.js runs its
// own, against code-server with the extension installed, but with the user setting
// `remote.extensionKind` set to ["web"] for it. The workbench then runs the extension in the
// browser's web worker extension host from its `browser` entry (dist/web/extension.js), as
// vscode.dev and github.dev do, instead of in the Node extension host on the server.
//   node test/harness/run-web.js [--extension <folder>] [spec files...]
// @vscode/test-web is not used: it downloads a VS Code web build from Microsoft, which these
// machines cannot reach; code-server carries that same web workbench and its worker host.
const fs = require('fs');
const path = require('path');
const { runMain } = require('./exit');
const { extensionPath, requireFile, paths } = require('./paths');
const { runSpecs, specFiles } = require('./run-e2e');

async function main() {
  const extension = extensionPath();
  const manifest = JSON.parse(fs.readFileSync(path.join(extension, 'package.json'), 'utf8'));
  if (!manifest.browser) throw Object.assign(new Error(`${extension}/package.json has no "browser" entry`), { name: 'MissingPrerequisite' });
  requireFile(path.resolve(extension, manifest.browser), 'run `npm run build` first');
  const files = specFiles(process.argv, path.join(paths.repoRoot, 'test', 'web'));
  const settings = { 'remote.extensionKind': { [`${manifest.publisher}.${manifest.name}`]: ['web'] } };
  return runSpecs(files, { extension, settings, label: 'web' });
}

runMain(main, 'web harness');
