import * as fs from 'fs';
import * as path from 'path';
import type { DocPage } from '../src/core/docs/diagnosticDocs';

/** The repository's root, from out/test/ where tsc puts this file. */
export const ROOT = path.resolve(__dirname, '../..');

/** Every docs/*.md page in full, in the order esbuild.js bundles them (by name). */
export function docPages(): DocPage[] {
  const folder = path.join(ROOT, 'docs');
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ page: `docs/${name}`, text: fs.readFileSync(path.join(folder, name), 'utf8') }));
}
