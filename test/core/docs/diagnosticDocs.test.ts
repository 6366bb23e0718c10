import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { diagnosticPage, diagnosticSection, type DocPage } from '../../../src/core/docs/diagnosticDocs';
import { FINDING_CODES } from '../../../src/core/analysis/findings';
import { LAB_FINDING_CODES } from '../../../src/core/lab/findings';
import { docPages, ROOT } from '../../docPages';

const pages = docPages();

/** esbuild.js's cut: what the bundles carry of each page (only its `### <code>` sections). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { codeSections } = require(join(ROOT, 'esbuild.js')) as { codeSections: (markdown: string) => string };
const bundled: DocPage[] = pages.map(({ page, text }) => ({ page, text: codeSections(text) }));

describe('the documentation a diagnostic code links to', () => {
  it('finds a section on docs/diagnostics.md for every code the engine can report', () => {
    const diagnostics = pages.filter((page) => page.page === 'docs/diagnostics.md');
    assert.equal(diagnostics.length, 1);
    assert.deepEqual(
      FINDING_CODES.filter((code) => !diagnosticSection(diagnostics, code)),
      [],
    );
  });

  it('finds a section on docs/lab.md for every code the scaling-law lab can report', () => {
    const lab = pages.filter((page) => page.page === 'docs/lab.md');
    assert.deepEqual(
      LAB_FINDING_CODES.filter((code) => !diagnosticSection(lab, code)),
      [],
    );
  });

  it('bundles the same words for every code as the pages say, and no page text beyond the code sections', () => {
    for (const code of [...FINDING_CODES, ...LAB_FINDING_CODES]) assert.deepEqual(diagnosticSection(bundled, code), diagnosticSection(pages, code), code);
    const all = bundled.map((page) => page.text).join('\n');
    assert.doesNotMatch(all, /^# Diagnostics reference/m);
    assert.ok(all.length < pages.map((page) => page.text).join('\n').length / 2, 'the cut keeps code sections only');
  });

  it('cuts out exactly the code’s own section, not the next one', () => {
    const page = diagnosticPage(pages, 'negative-value');
    assert.match(page, /^# `negative-value`/);
    assert.match(page, /A size or count below zero/);
    assert.match(page, /From the Compute Budget documentation, docs\/diagnostics\.md\./);
    assert.doesNotMatch(page, /### out-of-range|too large to be real/i);
  });

  it('takes a code from any docs page that documents it, so a new page can bring its own codes', () => {
    const own: DocPage[] = [
      { page: 'docs/a.md', text: '# A\n\n### some-code\nFirst page.\n' },
      { page: 'docs/memory.md', text: '# Memory\n\n## Codes\n\n### memory-over-budget\nThe run does not fit.\n\n## Next\nNot part of it.\n' },
    ];
    for (const set of [own, own.map(({ page, text }) => ({ page, text: codeSections(text) }))]) {
      assert.deepEqual(diagnosticSection(set, 'memory-over-budget'), { page: 'docs/memory.md', body: 'The run does not fit.' });
      assert.match(diagnosticPage(set, 'memory-over-budget'), /docs\/memory\.md/);
    }
  });

  it('does not end a section at a comment line inside a fenced example, in the pages or in the cut', () => {
    const text = '### missing-tokens\nAdd a comment:\n\n```yaml\n# compute-budget: tokens=2T\n```\n\nThen save.\n\n### next-code\nOther.\n';
    for (const page of [
      { page: 'docs/x.md', text },
      { page: 'docs/x.md', text: codeSections(text) },
    ]) {
      const section = diagnosticSection([page], 'missing-tokens')!.body;
      assert.match(section, /# compute-budget: tokens=2T\n```\n\nThen save\.$/);
    }
  });

  it('reads a page written with Windows line ends', () => {
    const text = '### too-deep\r\nNesting deeper than 64 levels.\r\n\r\n### other\r\nNo.\r\n';
    assert.match(diagnosticSection([{ page: 'docs/x.md', text }], 'too-deep')!.body, /^Nesting deeper than 64 levels\.$/);
    assert.match(codeSections(text), /### too-deep/);
  });

  it('answers an unknown or hostile code with a page that says so', () => {
    assert.match(diagnosticPage(pages, '../../etc/passwd'), /No documentation is bundled/);
    assert.match(diagnosticPage(pages, 'a(b'), /unknown code/);
    assert.match(
      diagnosticPage(pages, 'no-such-code'),
      /^# `unknown code`.*\n\nNo documentation is bundled for this code\. The page docs\/diagnostics\.md lists every code\./,
    );
  });
});
