// The `### <code>` sections of every docs/*.md page, gathered at build time by esbuild.js (plugin
// `doc-sections`): diagnostic code links and SARIF rules show them in a packaged VSIX, in
// development and in the browser, whatever the package does with the docs folder.
declare module 'compute-budget:doc-sections' {
  const pages: readonly { readonly page: string; readonly text: string }[];
  export default pages;
}
