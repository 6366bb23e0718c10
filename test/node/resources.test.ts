import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { MAX_RESOURCE_ROUNDS, ResourceCache, ResourceLookups, withResources, type ResourceHost, type Resources } from '../../src/core/resources/resources';
import { MAX_INCLUDED_BYTES, NodeResourceHost } from '../../src/node/resourceHost';

/** A host that serves files from a table and counts what it was asked. */
function tableHost(files: Record<string, string>): ResourceHost & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    readFile: (file) => {
      asked.push(file);
      return Promise.resolve(files[file] ?? null);
    },
    modelConfig: (id) => {
      asked.push(id);
      return Promise.resolve(id === 'org/known' ? { text: '{}', source: 'Hugging Face cache' } : null);
    },
  };
}

/** An "analysis" that follows a chain of files, each naming the next, as includes do. */
function follow(first: string) {
  return (resources: Resources) => {
    const lookups = new ResourceLookups(resources);
    const chain: string[] = [];
    let next: string | null | undefined = first;
    while (next) {
      chain.push(next);
      next = lookups.file(next);
    }
    return { chain, pending: lookups.pending };
  };
}

describe('resources a config points at', () => {
  describe('withResources', () => {
    it('analyses again until nothing is pending, one round per level of inclusion', async () => {
      const host = tableHost({ a: 'b', b: 'c', c: '' });
      const result = await withResources(follow('a'), new ResourceCache(), host);
      assert.deepEqual(result.chain, ['a', 'b', 'c']);
      assert.deepEqual(result.pending, { files: [], models: [] });
      assert.deepEqual(host.asked, ['a', 'b', 'c']);
    });

    it(`stops after ${MAX_RESOURCE_ROUNDS} rounds however deep the chain goes`, async () => {
      const files: Record<string, string> = {};
      for (let i = 0; i < 40; i++) files[`f${i}`] = `f${i + 1}`;
      const host = tableHost(files);
      const result = await withResources(follow('f0'), new ResourceCache(), host);
      assert.equal(host.asked.length, MAX_RESOURCE_ROUNDS);
      assert.ok(result.pending.files.length > 0);
    });

    it('records a missing file or unknown model as null and does not ask twice', async () => {
      const cache = new ResourceCache();
      const host = tableHost({});
      const run = (resources: Resources) => {
        const lookups = new ResourceLookups(resources);
        return {
          file: lookups.file('missing'),
          known: lookups.modelConfig('org/known'),
          unknown: lookups.modelConfig('org/unknown'),
          pending: lookups.pending,
        };
      };
      const first = await withResources(run, cache, host);
      assert.equal(first.file, null);
      assert.equal(first.known?.source, 'Hugging Face cache');
      assert.equal(first.unknown, null);
      await withResources(run, cache, host);
      assert.deepEqual(host.asked.sort(), ['missing', 'org/known', 'org/unknown']);
    });

    it('sees an answer another analysis fetched while it waited, and reads a forgotten file again', async () => {
      const cache = new ResourceCache();
      const host = tableHost({ 'common.yaml': '' });
      const [one, two] = await Promise.all([withResources(follow('common.yaml'), cache, host), withResources(follow('common.yaml'), cache, host)]);
      assert.deepEqual([one.pending.files, two.pending.files], [[], []]);
      assert.deepEqual(host.asked, ['common.yaml']);
      assert.equal(cache.forgetFile('common.yaml'), true);
      assert.equal(cache.forgetFile('never-read'), false);
      await withResources(follow('common.yaml'), cache, host);
      assert.deepEqual(host.asked, ['common.yaml', 'common.yaml']);
    });
  });

  describe('the Node host', () => {
    let folder: string;
    const host = new NodeResourceHost({ allowNetwork: false, env: { HF_HUB_CACHE: path.join(os.tmpdir(), 'compute-budget-no-cache') } });
    before(() => {
      folder = fs.mkdtempSync(path.join(os.tmpdir(), 'compute-budget-host-'));
    });
    after(() => fs.rmSync(folder, { recursive: true, force: true }));

    it('reads a file by path or file: URI, and answers null for a folder, a missing file or another scheme', async () => {
      const file = path.join(folder, 'base.yaml');
      fs.writeFileSync(file, 'hidden_size: 64\n');
      assert.equal(await host.readFile(file), 'hidden_size: 64\n');
      assert.equal(await host.readFile(pathToFileURL(file).href), 'hidden_size: 64\n');
      assert.equal(await host.readFile(folder), null);
      assert.equal(await host.readFile(path.join(folder, 'absent.yaml')), null);
      assert.equal(await host.readFile('https://example.invalid/base.yaml'), null);
    });

    it('does not read a file larger than the engine would analyse', async () => {
      const file = path.join(folder, 'huge.yaml');
      fs.writeFileSync(file, '');
      fs.truncateSync(file, MAX_INCLUDED_BYTES + 1);
      assert.equal(await host.readFile(file), null);
    });

    it('answers null for a model neither the cache nor (offline) the Hub has', async () => {
      assert.equal(await host.modelConfig('org/nowhere'), null);
    });
  });
});
