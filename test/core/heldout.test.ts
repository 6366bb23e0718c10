import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../src/core/analyze';
import type { Resources } from '../../src/core/resources/resources';

const HELDOUT = path.resolve(__dirname, '../../../test/examples/heldout');

interface Entry {
  readonly file: string;
  readonly source: string;
  readonly facts: Record<string, number>;
  readonly parameters: number;
  readonly tokens: number | null;
}

const manifest = JSON.parse(fs.readFileSync(path.join(HELDOUT, 'manifest.json'), 'utf8')) as { files: Entry[] };

/** Serves files of the held-out folder only, as a host serves a workspace. */
const resources: Resources = {
  file: (file) => (file.startsWith(HELDOUT) && fs.existsSync(file) && fs.statSync(file).isFile() ? fs.readFileSync(file, 'utf8') : null),
  modelConfig: () => null,
};

const within = (actual: number | null | undefined, expected: number | null) =>
  expected === null ? actual === null || actual === undefined : typeof actual === 'number' && Math.abs(actual - expected) <= 0.01 * expected;

function measure(entry: Entry) {
  const file = path.join(HELDOUT, entry.file);
  const analysis = analyze(fs.readFileSync(file, 'utf8'), file, { facts: entry.facts, resources });
  return {
    entry,
    analysis,
    parametersOk: within(analysis.parameters.total, entry.parameters),
    tokensOk: within(analysis.tokens, entry.tokens),
  };
}

describe('Held-out configs (repositories the reader was not built on)', () => {
  const results = manifest.files.map(measure);

  it('reports its pass rate: parameters and tokens both within 1% of the hand-derived numbers', () => {
    const passed = results.filter((result) => result.parametersOk && result.tokensOk);
    const lines = results.map(
      (result) =>
        `  ${result.parametersOk && result.tokensOk ? 'pass' : 'FAIL'} ${result.entry.file}: parameters ${result.analysis.parameters.total ?? 'none'} (want ${result.entry.parameters}), tokens ${result.analysis.tokens ?? 'none'} (want ${result.entry.tokens ?? 'none'})`,
    );
    console.log(`      held-out pass rate: ${passed.length}/${results.length}\n${lines.join('\n')}`);
    assert.ok(manifest.files.length >= 8 && new Set(manifest.files.map((entry) => entry.source.split('@')[0])).size >= 8);
  });

  it('never silent: a held-out file that yields no parameters or no tokens says why in a diagnostic', () => {
    for (const { analysis, entry } of results) {
      const missing = analysis.parameters.total === null || analysis.tokens === null;
      if (missing)
        assert.ok(
          analysis.findings.some((finding) => finding.severity !== 'hint'),
          `${entry.file} is silent`,
        );
    }
  });

  it('gives no error-level diagnostic on any held-out file (they are valid for their frameworks)', () => {
    for (const { analysis, entry } of results) {
      const errors = analysis.findings.filter((finding) => finding.severity === 'error');
      assert.deepEqual(
        errors.map((finding) => finding.message),
        [],
        entry.file,
      );
    }
  });
});
