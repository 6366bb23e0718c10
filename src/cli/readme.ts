// esbuild bundles `.md` files as text (loader `text` in esbuild.js), so dist/cli.js carries the
// README: each SARIF rule's help is the README's section for its code, as the editor's code links show.
import readme from '../../README.md';

export const README: string = readme;
