// esbuild bundles `.md` files as text (loader `text` in esbuild.js): the README's diagnostics
// section travels inside the extension, whatever the package calls the file.
declare module '*.md' {
  const text: string;
  export default text;
}
