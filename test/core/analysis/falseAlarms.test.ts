import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../../src/core/analyze';

/** Real files a framework loads as they stand (sources in test/examples/flow-indent/README.md and nemo/README.md). */
const EXAMPLES = path.resolve(__dirname, '../../../../test/examples');

function errorsOf(relative: string) {
  const file = path.join(EXAMPLES, relative);
  const analysis = analyze(fs.readFileSync(file, 'utf8'), file, { facts: {} });
  return { analysis, errors: analysis.findings.filter((finding) => finding.severity === 'error').map((finding) => `${finding.code}: ${finding.message}`) };
}

describe('no error on a file its framework loads', () => {
  it('reads a FlagScale YAML whose flow list closes left of its key, as PyYAML does', () => {
    assert.deepEqual(errorsOf('flow-indent/flagscale-8b-tp2.yaml').errors, []);
  });

  it('reads an open-instruct Beaker spec whose quoted launch line spans lines inside a list', () => {
    assert.deepEqual(errorsOf('flow-indent/open-instruct-default_finetune.yaml').errors, []);
  });

  it('never reads NeMo special tokens (spl_tokens.tokens: a list) as a token count', () => {
    const { analysis, errors } = errorsOf('nemo/fast-conformer_aed.yaml');
    assert.deepEqual(errors, []);
    assert.equal(analysis.tokens, null);
  });
});
