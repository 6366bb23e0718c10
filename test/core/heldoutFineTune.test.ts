import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../src/core/analyze';

const HELDOUT = path.resolve(__dirname, '../../../test/examples/heldout-fine-tune');

interface Entry {
  readonly file: string;
  readonly source: string;
  readonly facts: Record<string, number>;
  readonly trainer: string;
  readonly method: string;
  /** Adapter parameters that train; null for a run that trains every weight (full, GaLore). */
  readonly trainable: number | null;
  readonly tokens: number;
}

const manifest = JSON.parse(fs.readFileSync(path.join(HELDOUT, 'manifest.json'), 'utf8')) as { files: Entry[] };
const within = (actual: number | null | undefined, expected: number | null) =>
  expected === null ? actual === null || actual === undefined : typeof actual === 'number' && Math.abs(actual - expected) <= 0.01 * expected;
/** Advice a fine-tune must never get, and the warning a modifier below one third must never get. */
const NEVER = ['under-trained', 'overtrained-diminishing', 'overtrained-negligible', 'threshold-crossed'];

function measure(entry: Entry) {
  const file = path.join(HELDOUT, entry.file);
  const analysis = analyze(fs.readFileSync(file, 'utf8'), file, { facts: entry.facts });
  const misses = [
    analysis.fineTune?.trainer === entry.trainer ? '' : `trainer ${analysis.fineTune?.trainer ?? 'none'} (want ${entry.trainer})`,
    analysis.fineTune?.method === entry.method ? '' : `method ${analysis.fineTune?.method ?? 'none'} (want ${entry.method})`,
    within(analysis.adapter?.trainable, entry.trainable) ? '' : `trainable ${analysis.adapter?.trainable ?? 'none'} (want ${entry.trainable ?? 'none'})`,
    within(analysis.tokens, entry.tokens) ? '' : `tokens ${analysis.tokens ?? 'none'} (want ${entry.tokens})`,
  ].filter(Boolean);
  return { entry, analysis, misses };
}

describe('Held-out fine-tuning recipes (examples the fine-tune readers were not built on)', () => {
  const results = manifest.files.map(measure);

  it('reports its pass rate: trainer, method, trainable parameters and tokens all right', () => {
    const passed = results.filter((result) => result.misses.length === 0);
    const lines = results.map(
      (result) => `  ${result.misses.length ? 'FAIL' : 'pass'} ${result.entry.file}${result.misses.length ? `: ${result.misses.join('; ')}` : ''}`,
    );
    console.log(`      held-out fine-tune pass rate: ${passed.length}/${results.length}\n${lines.join('\n')}`);
    assert.ok(manifest.files.length >= 8);
  });

  it('gives no error, no pretraining advice and no threshold-crossed warning on any of them', () => {
    for (const { analysis, entry } of results) {
      const wrong = analysis.findings.filter((finding) => finding.severity === 'error' || NEVER.includes(finding.code));
      assert.deepEqual(
        wrong.map((finding) => `${finding.code}: ${finding.message}`),
        [],
        entry.file,
      );
      assert.ok(analysis.fineTune, `${entry.file} is read as a fine-tune`);
    }
  });
});
