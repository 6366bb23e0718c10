/**
 * Import rules of the house (`npm run deps`): the engine in src/core stays pure and editor-free,
 * so it runs in a web worker, and nothing in src imports in a circle.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'No import cycles in src, type-only ones included: a cycle means modules that cannot be loaded, or understood, one without the other. ' +
        'A type shared by two modules lives in the layer below both (a types module), so `import type` never closes a circle either.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-vscode-outside-the-adapters',
      severity: 'error',
      comment: 'Only the VS Code adapters import `vscode`: the core, the CLI, the Node adapters and the webview page run without an editor host.',
      from: { path: '^src/(core|cli|node|webview)/' },
      to: { path: '^vscode$|(^|/)node_modules/@types/vscode/' },
    },
    {
      name: 'no-node-builtins-in-the-browser',
      severity: 'error',
      comment: 'The core, the webview page and the web extension run in a browser or web worker: no fs, path, crypto or other Node built-in.',
      from: { path: '^src/(core|webview|web)/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-imports-only-core',
      severity: 'error',
      comment: 'The engine knows nothing of the surfaces built on it: src/core never imports src/extension, src/cli, src/node, src/webview or src/web.',
      from: { path: '^src/core/' },
      to: { path: '^src/(extension|cli|node|webview|web)/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment:
        'An import that resolves to nothing is a typo or a missing dependency (vscode is provided by the editor; compute-budget:doc-sections by esbuild.js, from docs/*.md).',
      from: {},
      to: { couldNotResolve: true, pathNot: '^(vscode|compute-budget:doc-sections)$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are cruised too, so `import type ... from 'vscode'` in the core is caught.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
