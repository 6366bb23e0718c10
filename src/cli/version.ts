// Bundled by esbuild and compiled by tsc (`resolveJsonModule`): the version is fixed at build time,
// so a copied `dist/cli.js` still knows it. Only `version` is imported, so only it is bundled.
import { version } from '../../package.json';

/** The package version, as `compute-budget --version` prints it. */
export const VERSION: string = version;
