import assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';
import { insideBoundary } from '../../../src/core/resources/boundary';
import { resolveReference, ResourceLookups } from '../../../src/core/resources/resources';

describe('the workspace boundary', () => {
  it('holds paths resolved inside the folder, in every form a config is named in', () => {
    assert.ok(insideBoundary('/ws', '/ws/configs/base.yml'));
    assert.ok(insideBoundary('/ws/', '/ws/base.yml'));
    assert.ok(insideBoundary('.', 'configs/base.yml'));
    assert.ok(insideBoundary('configs', 'configs/base.yml'));
    assert.ok(insideBoundary('..', '../other/base.yml'));
    assert.ok(insideBoundary('file:///ws', 'file:///ws/base.yml'));
    assert.ok(insideBoundary('vscode-vfs://github/o/r', 'vscode-vfs://github/o/r/base.yml'));
  });

  it('refuses absolute, file:// and ..-escaping references, and the folder itself', () => {
    const from = '/ws/configs/run.yml';
    for (const reference of ['/etc/passwd', '../../secret/creds.yml', 'file:///etc/passwd', '../../ws2/base.yml', '/ws', '..'])
      assert.equal(insideBoundary('/ws', resolveReference(from, reference)), false, reference);
    assert.equal(insideBoundary('.', resolveReference('run.yml', '../secret.yml')), false);
    assert.equal(insideBoundary('.', resolveReference('run.yml', '/etc/passwd')), false);
    assert.equal(insideBoundary('.', 'file:///etc/passwd'), false);
    assert.equal(insideBoundary('configs', resolveReference('configs/run.yml', '../x.yml')), false);
    assert.equal(insideBoundary('/ws', '/wsx/base.yml'), false, 'a folder whose name starts like the boundary');
    assert.equal(insideBoundary('file:///ws', 'file:///etc/passwd'), false);
  });

  it('holds nothing inside an empty boundary (Restricted Mode: only the open file)', () => {
    assert.equal(insideBoundary('', 'base.yml'), false);
    assert.equal(insideBoundary('', '/ws/base.yml'), false);
  });

  it('never asks the host for a path outside the boundary', () => {
    const asked: string[] = [];
    const lookups = new ResourceLookups({ boundary: '/ws', file: (path) => (asked.push(path), undefined), modelConfig: () => null });
    assert.equal(lookups.file('/secret/creds.yml'), null);
    assert.equal(lookups.tokenizer('/secret/tokenizer.json'), null);
    assert.deepEqual(asked, []);
    assert.deepEqual(lookups.pending.files, []);
  });

  describe('an include that points outside', () => {
    const SECRET = 'model_name: sk-live-TOKEN-0123456789\nparameters: 7B\n';
    const run = (files: Record<string, string | null>, text: string, boundary: string | null = '/ws') =>
      analyze(text, '/ws/configs/run.yml', {
        resources: { boundary: boundary ?? undefined, file: (path) => (Object.hasOwn(files, path) ? files[path] : undefined), modelConfig: () => null },
      });

    for (const reference of ['../../secret/creds.yml', '/secret/creds.yml', 'file:///secret/creds.yml']) {
      it(`gets one diagnostic, the same whether or not ${reference} exists, and none of its values`, () => {
        const text = `base_config: ${reference}\nper_device_batch_size: 2\nsteps: 100\n`;
        const there = run({ '/secret/creds.yml': SECRET, 'file:///secret/creds.yml': SECRET }, text);
        const absent = run({ '/secret/creds.yml': null, 'file:///secret/creds.yml': null }, text);
        const messages = (analysis: typeof there) => analysis.findings.filter((finding) => finding.code === 'missing-file').map((finding) => finding.message);
        assert.equal(messages(there).length, 1);
        assert.match(messages(there)[0]!, /outside the workspace folder/);
        assert.deepEqual(messages(there), messages(absent));
        assert.doesNotMatch(JSON.stringify(there), /TOKEN/);
        assert.deepEqual(there.pending.files, []);
      });
    }

    it('is the reported leak: without a boundary the token reaches a message', () => {
      const open = run({ '/secret/creds.yml': SECRET }, 'base_config: ../../secret/creds.yml\nper_device_batch_size: 2\nsteps: 100\n', null);
      assert.match(JSON.stringify(open.findings), /TOKEN/);
    });

    it('refuses an !include and a prior_config alike', () => {
      const levanter =
        'data: !include ../../secret/creds.yml\nmodel:\n  type: gpt2\n  hidden_dim: 768\n  num_layers: 12\n  num_heads: 12\n  seq_len: 1024\ntrainer:\n  num_train_steps: 10\n  train_batch_size: 8\n';
      const include = run({ '/secret/creds.yml': 'tokenizer: sk-live-TOKEN\nvocab_size: 7\n' }, levanter);
      assert.equal(include.framework, 'levanter');
      assert.match(include.findings.find((item) => item.code === 'missing-file')?.message ?? '', /^!include .* outside the workspace folder/);
      assert.doesNotMatch(JSON.stringify(include), /TOKEN/);
      const prior = run({ '/secret/a.budget.yaml': 'parameters: 70B\ntokens: 9T\n' }, 'prior_config: ../../secret/a.budget.yaml\nparameters: 7B\ntokens: 1T\n');
      const finding = prior.findings.find((item) => item.code === 'missing-file');
      assert.match(finding?.message ?? '', /outside the workspace folder/);
      assert.deepEqual(prior.pending.files, []);
    });

    it('still reads a file inside the folder', () => {
      const inside = run({ '/ws/base.yml': 'steps: 10\n' }, 'base_config: ../base.yml\n');
      assert.equal(
        inside.findings.some((finding) => finding.code === 'missing-file'),
        false,
      );
    });
  });
});
