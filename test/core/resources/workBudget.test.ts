import assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';
import { MAX_INCLUDED_FILES } from '../../../src/core/resources/workBudget';

/**
 * Included files that include files multiply. The reproducer from issue 21: eight Levanter files
 * of eight `!include` lines each (1.3 KB in all) ran past 120 s. Work is counted, not timed: each
 * file is read from the host once per analysis and the reads stop at the budget with one finding.
 */
describe('the work budget of included files', () => {
  const FILES = 8;
  const files: Record<string, string> = {};
  for (let i = 0; i < FILES; i++) {
    const next = i + 1 < FILES ? `/w/f${i + 1}.yaml` : undefined;
    files[`/w/f${i}.yaml`] = Array.from({ length: 8 }, (_, k) => (next ? `k${k}: !include f${i + 1}.yaml` : `k${k}: 1`)).join('\n') + '\n';
  }
  const root = 'data: !include f0.yaml\nmodel:\n  type: gpt2\n  hidden_dim: 768\ntrainer:\n  num_train_steps: 100\n  train_batch_size: 8\n';

  it('reads eight files of eight !include lines each once apiece and stops at the budget with one finding at an !include key', () => {
    const reads = new Map<string, number>();
    const analysis = analyze(root, '/w/run.yaml', {
      resources: {
        file: (path) => {
          reads.set(path, (reads.get(path) ?? 0) + 1);
          return files[path] ?? null;
        },
        modelConfig: () => null,
      },
    });
    assert.ok(
      [...reads.values()].every((count) => count === 1),
      JSON.stringify([...reads]),
    );
    const stopped = analysis.findings.filter((finding) => /includes pass/.test(finding.message));
    assert.equal(stopped.length, 1, analysis.findings.map((finding) => finding.message).join('\n'));
    assert.match(stopped[0].message, new RegExp(`${MAX_INCLUDED_FILES} reads`));
    assert.equal(stopped[0].code, 'missing-file');
  });

  it('still reads a chain that stays within the budget in full, without a finding', () => {
    const small: Record<string, string> = { '/w/a.yaml': 'x: !include b.yaml\n', '/w/b.yaml': 'y: 1\n' };
    const analysis = analyze('data: !include a.yaml\nmodel:\n  type: gpt2\n', '/w/run.yaml', {
      resources: { file: (path) => small[path] ?? null, modelConfig: () => null },
    });
    assert.deepEqual(
      analysis.findings.filter((finding) => finding.code === 'missing-file'),
      [],
    );
  });
});
