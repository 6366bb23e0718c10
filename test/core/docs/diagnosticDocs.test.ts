import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnosticPage, diagnosticSection } from '../../../src/core/docs/diagnosticDocs';
import { FINDING_CODES } from '../../../src/core/analysis/findings';

const readme = readFileSync(join(__dirname, '..', '..', '..', '..', 'README.md'), 'utf8');

describe('the documentation a diagnostic code links to', () => {
  it('finds a section in the README for every code the engine can report', () => {
    const missing = FINDING_CODES.filter((code) => !diagnosticSection(readme, code));
    assert.deepEqual(missing, []);
  });

  it('cuts out exactly the code’s own section, not the next one', () => {
    const page = diagnosticPage(readme, 'negative-value');
    assert.match(page, /^# `negative-value`/);
    assert.match(page, /A size or count below zero/);
    assert.doesNotMatch(page, /### out-of-range|beyond any real training run/i);
  });

  it('answers an unknown or hostile code with a page that says so', () => {
    assert.match(diagnosticPage(readme, '../../etc/passwd'), /No documentation is bundled/);
    assert.match(diagnosticPage(readme, 'a(b'), /unknown code/);
  });
});
