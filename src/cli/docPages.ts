// esbuild gathers the `### <code>` sections of docs/*.md into dist/cli.js (plugin `doc-sections`
// in esbuild.js): each SARIF rule's help is its code's section, as the editor's code links show.
import pages from 'compute-budget:doc-sections';
import type { DocPage } from '../core/docs/diagnosticDocs';

export const DOC_PAGES: readonly DocPage[] = pages;
