#!/usr/bin/env node
// What `npm run package` built: the VSIX's size and file count, each bundle's size inside it, the
// host entry against its target, and the host entry's biggest inputs (from the metafile that
// `node esbuild.js --metafile` writes). Fails if the VSIX holds what must not ship (source maps,
// sources, tests, tools) or lacks what the manifest names.
//   node test/harness/package-report.js [file.vsix]   (default: dist-vsix/<name>-<version>.vsix)
const fs = require('fs');
const path = require('path');
// yauzl is what @vscode/vsce itself reads VSIX files with (a dependency of it).
const yauzl = require('yauzl');
const { runMain } = require('./exit');
const { paths } = require('./paths');

const HOST_ENTRY_TARGET = 200 * 1024;
/**
 * Nothing under these, and no source map, belongs in the VSIX (the README's screenshots and the docs
 * pages it links to do: its details page shows them; docs/ci/ is for a repository, not the editor).
 */
const MUST_NOT_SHIP = [
  /\.map$/,
  /^extension\/(src|test|out|\.tools|test-artifacts|node_modules|dist-vsix)\//,
  /^extension\/docs\/(?!screenshots\/[^/]+\.png$|[^/]+\.md$)/,
  /^extension\/dist\/cli\.js$/,
];

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** Every entry of a zip: name, size inside the zip, size unpacked. */
function zipEntries(file) {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const entries = [];
      zip.on('entry', (entry) => {
        entries.push({ name: entry.fileName, compressed: entry.compressedSize, size: entry.uncompressedSize });
        zip.readEntry();
      });
      zip.once('end', () => resolve(entries));
      zip.once('error', reject);
      zip.readEntry();
    });
  });
}

/** The inputs that take most of a bundle, grouped by npm package or by source folder. */
function biggestInputs(metafile, count, bytes) {
  const meta = JSON.parse(fs.readFileSync(metafile, 'utf8'));
  const output = Object.values(meta.outputs).find((out) => out.entryPoint);
  if (output.bytes !== bytes) return undefined; // the metafile of another build than the VSIX's
  const groups = new Map();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const npm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
    const key = npm ? `npm ${npm[1]}` : input.split('/').slice(0, 3).join('/');
    groups.set(key, (groups.get(key) || 0) + bytesInOutput);
  }
  return [...groups].sort((a, b) => b[1] - a[1]).slice(0, count);
}

async function main() {
  const manifest = JSON.parse(fs.readFileSync(path.join(paths.repoRoot, 'package.json'), 'utf8'));
  const vsix = path.resolve(process.argv[2] || path.join(paths.repoRoot, 'dist-vsix', `${manifest.name}-${manifest.version}.vsix`));
  const entries = (await zipEntries(vsix)).filter((entry) => !entry.name.endsWith('/'));
  const files = entries.filter((entry) => entry.name.startsWith('extension/'));
  console.log(
    `\nVSIX ${path.relative(process.cwd(), vsix)}: ${kb(fs.statSync(vsix).size)}, ${files.length} files of the extension (${entries.length} entries with the manifest)`,
  );

  const bundles = files.filter((entry) => entry.name.startsWith('extension/dist/')).sort((a, b) => b.size - a.size);
  console.log('  bundle                              unpacked   in the VSIX');
  for (const entry of bundles)
    console.log(`  ${entry.name.slice('extension/'.length).padEnd(34)} ${kb(entry.size).padStart(10)} ${kb(entry.compressed).padStart(12)}`);

  const problems = [];
  const main = `extension/${path.posix.normalize(manifest.main)}`;
  const host = files.find((entry) => entry.name === main);
  if (!host) problems.push(`the manifest's main (${manifest.main}) is not in the VSIX`);
  else
    console.log(
      `Host entry ${manifest.main}: ${kb(host.size)} (target ≤ ${kb(HOST_ENTRY_TARGET)}: ${host.size <= HOST_ENTRY_TARGET ? 'met' : `over by ${kb(host.size - HOST_ENTRY_TARGET)}`})`,
    );
  if (manifest.icon && !files.some((entry) => entry.name === `extension/${manifest.icon}`)) problems.push(`the icon ${manifest.icon} is not in the VSIX`);
  for (const entry of files) if (MUST_NOT_SHIP.some((pattern) => pattern.test(entry.name))) problems.push(`${entry.name} must not ship`);

  const metafile = path.join(paths.repoRoot, 'out', 'esbuild', `${path.basename(manifest.main, '.js')}.meta.json`);
  const inputs = host && fs.existsSync(metafile) ? biggestInputs(metafile, 8, host.size) : undefined;
  if (inputs) {
    console.log(`Host entry's biggest inputs (${path.relative(paths.repoRoot, metafile)}):`);
    for (const [input, bytes] of inputs) console.log(`  ${kb(bytes).padStart(9)}  ${input}`);
  } else if (host) console.log('(No metafile of this build: `node esbuild.js --production --metafile` writes it, as `npm run package` does.)');
  for (const problem of problems) console.error(`✘ ${problem}`);
  return problems.length ? 1 : 0;
}

runMain(main, 'package report');
