import assert from 'node:assert/strict';
import type { ReadContext } from '../../../src/core/formats/format';
import type { Finding } from '../../../src/core/analysis/findings';
import { insideInclude, MAX_INCLUDE_DEPTH, overlay, readReferenced } from '../../../src/core/resources/include';
import { ResourceLookups } from '../../../src/core/resources/resources';
import { readYaml } from '../../../src/core/source/yamlTree';
import { getEntry, type MapNode } from '../../../src/core/source/tree';
import { ConfigView } from '../../../src/core/source/view';

const AT = { start: 3, end: 9 };

function context(files: Record<string, string | null>, chain?: string[]): ReadContext {
  const lookups = new ResourceLookups({ file: (path) => files[path], modelConfig: () => null });
  return { facts: [], findings: [] as Finding[], lookups, fileName: '/c/run.yml', includeChain: chain };
}

const map = (text: string) => readYaml(text).root as MapNode;

describe('includes: readReferenced and overlay', () => {
  it('lets a child override its base, merging nested maps key by key', () => {
    const merged = overlay(map('a: 1\nb: 2\nmodel: {x: 1, y: 2}\n'), map('b: 3\nmodel: {y: 4, z: 5}\n'));
    const view = new ConfigView(merged);
    assert.equal(view.text(view.at(['a'])), '1');
    assert.equal(view.text(view.at(['b'])), '3');
    assert.deepEqual(
      ['x', 'y', 'z'].map((key) => view.text(view.at(['model', key]))),
      ['1', '4', '5'],
    );
  });

  it('keeps only the last of a key written twice in the child', () => {
    const merged = overlay(map('m: {x: 1}\n'), map('m: 1\nm: {y: 2}\n'));
    const view = new ConfigView(merged);
    assert.equal(view.text(view.at(['m', 'x'])), '1');
    assert.equal(view.text(view.at(['m', 'y'])), '2');
  });

  it('reads a referenced file relative to the config, every span moved to the referencing key', () => {
    const ctx = context({ '/c/base.yml': 'steps: 10\n' });
    const read = readReferenced('base.yml', AT, ctx, 'base_config');
    assert.ok(read.ok);
    assert.equal(read.path, '/c/base.yml');
    assert.deepEqual(getEntry(read.root, 'steps')?.keySpan, AT);
    assert.deepEqual(ctx.findings, []);
  });

  it('reports a missing file once, at the referencing key', () => {
    const ctx = context({ '/c/base.yml': null });
    const read = readReferenced('base.yml', AT, ctx, 'base_config');
    assert.deepEqual(read, { ok: false, why: 'missing' });
    assert.deepEqual(
      ctx.findings.map((finding) => [finding.code, finding.span]),
      [['missing-file', AT]],
    );
  });

  it('records a file the host has not read yet as pending, with no finding', () => {
    const ctx = context({});
    assert.deepEqual(readReferenced('base.yml', AT, ctx, 'base_config'), { ok: false, why: 'pending' });
    assert.deepEqual(ctx.lookups.pending.files, ['/c/base.yml']);
    assert.deepEqual(ctx.findings, []);
  });

  it('stops at a cycle', () => {
    const ctx = insideInclude(context({ '/c/run.yml': 'a: 1\n' }), '/c/base.yml');
    assert.deepEqual(readReferenced('run.yml', AT, ctx, 'base_config'), { ok: false, why: 'cycle' });
    assert.equal(ctx.findings[0]?.code, 'missing-file');
  });

  it(`stops past ${MAX_INCLUDE_DEPTH} files deep`, () => {
    const chain = Array.from({ length: MAX_INCLUDE_DEPTH }, (_, i) => `/c/level${i}.yml`);
    const ctx = context({ '/c/next.yml': 'a: 1\n' }, chain);
    assert.deepEqual(readReferenced('next.yml', AT, ctx, 'base_config'), { ok: false, why: 'too-deep' });
    assert.equal(ctx.findings.length, 1);
  });
});
