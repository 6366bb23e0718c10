// One build script for every bundle the extension ships.
//   node esbuild.js               development build
//   node esbuild.js --production  minified, no source maps (what a .vsix ships)
//   node esbuild.js --watch       rebuild on change, with problem-matcher friendly output
const esbuild = require('esbuild');
const fs = require('fs');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints errors in the shape VS Code's `$esbuild-watch` problem matcher reads. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => {
      if (watch) console.log('[watch] build started');
    });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      if (watch) console.log('[watch] build finished');
    });
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'silent',
  plugins: [problemMatcher],
  // jsonc-parser's UMD build hides its modules from bundlers; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  // The README's diagnostics section is bundled as text: the Problems panel's code links show it.
  loader: { '.md': 'text' },
};

const bundles = [
  // The extension host side (desktop and code-server): Node, CommonJS, `vscode` provided by the host.
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node18', external: ['vscode'] },
  // The analysis worker thread the host hands texts to, so no analysis blocks the editor.
  { ...common, entryPoints: ['src/node/analysisWorker.ts'], outfile: 'dist/analysisWorker.js', platform: 'node', format: 'cjs', target: 'node18' },
  // The scaling-law lab's worker thread: runs files are fitted there, off the host's thread.
  { ...common, entryPoints: ['src/extension/lab/fitWorker.ts'], outfile: 'dist/labWorker.js', platform: 'node', format: 'cjs', target: 'node18' },
  // The command line: the same core, no editor.
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node18', banner: { js: '#!/usr/bin/env node' } },
  // The chart webview's own script (Chart.js inside): the page loads nothing else.
  { ...common, entryPoints: ['src/webview/chart/main.ts'], outfile: 'dist/webview/chart.js', platform: 'browser', format: 'iife', target: 'es2020' },
];

async function main() {
  const contexts = await Promise.all(bundles.map((options) => esbuild.context(options)));
  if (watch) {
    await Promise.all(contexts.map((context) => context.watch()));
    return;
  }
  await Promise.all(contexts.map((context) => context.rebuild()));
  await Promise.all(contexts.map((context) => context.dispose()));
  if (fs.existsSync('dist/cli.js')) fs.chmodSync('dist/cli.js', 0o755);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
