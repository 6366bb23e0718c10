// One build script for every bundle the extension ships.
//   node esbuild.js               development build
//   node esbuild.js --production  minified, no source maps (what a .vsix ships)
//   node esbuild.js --watch       rebuild on change, with problem-matcher friendly output
//   node esbuild.js --metafile    also write out/esbuild/<bundle>.meta.json (what each bundle holds;
//                                 test/harness/package-report.js prints the biggest inputs)
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const metafile = process.argv.includes('--metafile');
const metaDir = path.join(__dirname, 'out', 'esbuild');

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

/**
 * The `### <code>` sections of every docs/*.md page, as the module `compute-budget:doc-sections`
 * (see src/types/docSections.d.ts): the Problems panel's code links and the SARIF rules show them.
 * Only those sections are bundled, not whole pages of prose. docs/diagnostics.md documents every
 * code; a page that documents its own codes under `### <code>` headings is picked up the same way.
 */
const DOCS_DIR = path.join(__dirname, 'docs');
const docSections = {
  name: 'doc-sections',
  setup(build) {
    build.onResolve({ filter: /^compute-budget:doc-sections$/ }, () => ({ path: DOCS_DIR, namespace: 'doc-sections' }));
    build.onLoad({ filter: /.*/, namespace: 'doc-sections' }, async () => {
      const names = (await fs.promises.readdir(DOCS_DIR)).filter((name) => name.endsWith('.md')).sort();
      const files = names.map((name) => path.join(DOCS_DIR, name));
      const pages = [];
      for (const [i, file] of files.entries()) {
        const text = codeSections(await fs.promises.readFile(file, 'utf8'));
        if (text) pages.push({ page: `docs/${names[i]}`, text });
      }
      if (!pages.some((page) => page.page === 'docs/diagnostics.md'))
        return { errors: [{ text: 'docs/diagnostics.md has no "### <code>" section: the diagnostic code links would have nothing to show' }] };
      return { contents: JSON.stringify(pages), loader: 'json', watchDirs: [DOCS_DIR], watchFiles: files };
    });
  },
};

/**
 * Every `### <code>` heading (lower-case words and dashes) with its text up to the next heading of
 * level 1-3, outside fenced code blocks: the cut src/core/docs/diagnosticDocs.ts reads sections from.
 */
function codeSections(markdown) {
  const kept = [];
  let keep = false;
  let fenced = false;
  for (const raw of markdown.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (/^(```|~~~)/.test(line)) fenced = !fenced;
    if (!fenced && /^#{1,3} /.test(line)) keep = /^### [a-z][a-z0-9]*(?:-[a-z0-9]+)*[ \t]*$/.test(line);
    if (keep) kept.push(line);
  }
  return kept.join('\n');
}

/**
 * Our own modules do their work when called, not when imported (no module is imported for its
 * side effects), so they are marked side-effect free: a constant imported from a module then
 * no longer brings that module's own imports into the bundle (the host imported one constant
 * from core/analyze.ts through node/resourceHost.ts and got the whole engine with it).
 */
const ownSourcesPure = {
  name: 'own-sources-pure',
  setup(build) {
    const src = path.join(__dirname, 'src') + path.sep;
    build.onResolve({ filter: /^\./ }, async (args) => {
      if (args.pluginData === ownSourcesPure || !args.importer.startsWith(src)) return undefined;
      const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: ownSourcesPure });
      if (resolved.errors.length || !resolved.path.startsWith(src) || !resolved.path.endsWith('.ts')) return resolved;
      return { ...resolved, sideEffects: false };
    });
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'silent',
  metafile,
  plugins: [problemMatcher, docSections, ownSourcesPure],
  // jsonc-parser's UMD build hides its modules from bundlers; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
};

const bundles = [
  // The extension host side (desktop and code-server): Node, CommonJS, `vscode` provided by the host.
  {
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
  },
  // The browser entry (vscode.dev, github.dev): a web worker, no Node built-ins; without polyfills, esbuild fails on any that sneaks in.
  // Packages' browser builds first (papaparse's main build requires Node's stream for a mode we never use).
  {
    ...common,
    entryPoints: ['src/web/extension.ts'],
    outfile: 'dist/web/extension.js',
    platform: 'browser',
    format: 'cjs',
    target: 'es2020',
    external: ['vscode'],
    mainFields: ['browser', 'module', 'main'],
  },
  // The analysis worker thread the host hands texts to, so no analysis blocks the editor.
  { ...common, entryPoints: ['src/node/analysisWorker.ts'], outfile: 'dist/analysisWorker.js', platform: 'node', format: 'cjs', target: 'node18' },
  // The scaling-law lab's worker thread: runs files are fitted there, off the host's thread.
  { ...common, entryPoints: ['src/node/labWorker.ts'], outfile: 'dist/labWorker.js', platform: 'node', format: 'cjs', target: 'node18' },
  // The browser's .compute-budget.yaml worker, started by the web extension host (src/web/webFactsEngine.ts).
  { ...common, entryPoints: ['src/web/factsWorker.ts'], outfile: 'dist/web/factsWorker.js', platform: 'browser', format: 'iife', target: 'es2020' },
  // The .compute-budget.yaml worker thread (YAML and glob matching): the host posts facts files' texts, never parses or matches them.
  { ...common, entryPoints: ['src/node/factsWorker.ts'], outfile: 'dist/factsWorker.js', platform: 'node', format: 'cjs', target: 'node18' },
  // The command line: the same core, no editor.
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    banner: { js: '#!/usr/bin/env node' },
  },
  // The chart webview's own script (Chart.js inside): the page loads nothing else.
  { ...common, entryPoints: ['src/webview/chart/main.ts'], outfile: 'dist/webview/chart.js', platform: 'browser', format: 'iife', target: 'es2020' },
];

async function main() {
  const contexts = await Promise.all(bundles.map((options) => esbuild.context(options)));
  if (watch) {
    await Promise.all(contexts.map((context) => context.watch()));
    return;
  }
  const results = await Promise.all(contexts.map((context) => context.rebuild()));
  if (metafile) {
    fs.mkdirSync(metaDir, { recursive: true });
    results.forEach((result, i) =>
      // dist/web/extension.js is web-extension.meta.json: the host's and the browser's entries share a name.
      fs.writeFileSync(
        path.join(metaDir, `${path.relative('dist', bundles[i].outfile).replace(/\.js$/, '').replace(/[\\/]/g, '-')}.meta.json`),
        JSON.stringify(result.metafile),
      ),
    );
  }
  await Promise.all(contexts.map((context) => context.dispose()));
  if (fs.existsSync('dist/cli.js')) fs.chmodSync('dist/cli.js', 0o755);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

// For the unit test that every code's section survives the cut (test/core/docs/diagnosticDocs.test.ts).
module.exports = { codeSections };
