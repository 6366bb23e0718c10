import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { cachedConfig, cleanToken, hubSettings, HuggingFaceModels, MAX_CONFIG_BYTES } from '../../src/node/huggingFace';

const CONFIG = JSON.stringify({
  model_type: 'llama',
  hidden_size: 64,
  num_hidden_layers: 2,
  num_attention_heads: 4,
  num_key_value_heads: 2,
  intermediate_size: 128,
  vocab_size: 256,
  tie_word_embeddings: false,
});

/** Lays out a Hugging Face cache entry as huggingface_hub writes it. */
function cacheModel(cache: string, id: string, snapshots: Record<string, string | undefined>, main?: string): void {
  const folder = path.join(cache, `models--${id.replace('/', '--')}`);
  for (const [hash, config] of Object.entries(snapshots)) {
    fs.mkdirSync(path.join(folder, 'snapshots', hash), { recursive: true });
    if (config !== undefined) fs.writeFileSync(path.join(folder, 'snapshots', hash, 'config.json'), config);
  }
  if (main) {
    fs.mkdirSync(path.join(folder, 'refs'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'refs', 'main'), main);
  }
}

interface Hub {
  readonly endpoint: string;
  readonly requests: { url: string; authorization: string | undefined }[];
  close(): Promise<void>;
}

/** A local stand-in for the Hub: `/<org>/<name>/resolve/main/config.json`, answers by model id. */
async function startHub(answers: Record<string, (response: http.ServerResponse) => void>): Promise<Hub> {
  const requests: Hub['requests'] = [];
  const server = http.createServer((request, response) => {
    requests.push({ url: request.url ?? '', authorization: request.headers.authorization });
    const match = /^\/([^/]+\/[^/]+)\/resolve\/main\/config\.json$/.exec(request.url ?? '');
    const answer = match && answers[match[1]];
    if (answer) answer(response);
    else response.writeHead(404).end('Entry not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('Hugging Face models for the Node host', () => {
  let root: string;
  let cache: string;
  const env = (extra: Record<string, string> = {}) => ({ HF_HUB_CACHE: cache, HF_HOME: path.join(root, 'home'), ...extra });

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'compute-budget-hf-'));
    cache = path.join(root, 'hub');
    fs.mkdirSync(cache);
  });

  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  describe('settings, as huggingface_hub reads its environment', () => {
    it('takes HF_HUB_CACHE over HF_HOME/hub over ~/.cache/huggingface/hub', () => {
      assert.equal(hubSettings({ HF_HUB_CACHE: '/a', HF_HOME: '/b' }, '/home/u').cache, '/a');
      assert.equal(hubSettings({ HF_HOME: '/b' }, '/home/u').cache, path.join('/b', 'hub'));
      assert.equal(hubSettings({}, '/home/u').cache, path.join('/home/u', '.cache', 'huggingface', 'hub'));
      assert.equal(hubSettings({ XDG_CACHE_HOME: '/x' }, '/home/u').cache, path.join('/x', 'huggingface', 'hub'));
      assert.equal(hubSettings({ HF_HUB_CACHE: '~/models' }, '/home/u').cache, '/home/u/models');
    });

    it('finds the token in HF_TOKEN, then HF_TOKEN_PATH, then HF_HOME/token', () => {
      assert.equal(hubSettings({ HF_TOKEN: ' hf_abc\n' }).envToken, 'hf_abc');
      assert.equal(hubSettings({ HF_TOKEN: '', HUGGING_FACE_HUB_TOKEN: 'hf_old' }).envToken, 'hf_old');
      assert.equal(hubSettings({ HF_TOKEN_PATH: '/t/token', HF_HOME: '/b' }).tokenPath, '/t/token');
      assert.equal(hubSettings({ HF_HOME: '/b' }).tokenPath, path.join('/b', 'token'));
      assert.equal(cleanToken('  \r\n'), undefined);
    });

    it('reads HF_HUB_OFFLINE (and TRANSFORMERS_OFFLINE) as 1/ON/YES/TRUE, and strips HF_ENDPOINT', () => {
      for (const value of ['1', 'on', 'YES', 'true']) assert.equal(hubSettings({ HF_HUB_OFFLINE: value }).offline, true, value);
      assert.equal(hubSettings({ HF_HUB_OFFLINE: '0' }).offline, false);
      assert.equal(hubSettings({ TRANSFORMERS_OFFLINE: '1' }).offline, true);
      assert.equal(hubSettings({ HF_ENDPOINT: 'http://mirror.local//' }).endpoint, 'http://mirror.local');
      assert.equal(hubSettings({}).endpoint, 'https://huggingface.co');
    });
  });

  describe('the local cache', () => {
    it('reads the snapshot refs/main names', async () => {
      cacheModel(cache, 'org/model', { aaaa1111: '{"old": true}', bbbb2222: CONFIG }, 'bbbb2222\n');
      assert.equal(await cachedConfig(cache, 'org/model'), CONFIG);
      const models = new HuggingFaceModels({ allowNetwork: false, env: env() });
      assert.deepEqual(await models.modelConfig('org/model'), { text: CONFIG, source: 'Hugging Face cache' });
    });

    it('falls back to the newest snapshot with a config.json when refs/main is missing or points nowhere', async () => {
      cacheModel(cache, 'org/pinned', { cccc3333: '{"older": true}', dddd4444: CONFIG, eeee5555: undefined });
      const older = path.join(cache, 'models--org--pinned', 'snapshots', 'cccc3333', 'config.json');
      fs.utimesSync(older, new Date(2020, 0, 1), new Date(2020, 0, 1));
      assert.equal(await cachedConfig(cache, 'org/pinned'), CONFIG);
      cacheModel(cache, 'org/stale', { ffff6666: CONFIG }, 'deadbeef');
      assert.equal(await cachedConfig(cache, 'org/stale'), CONFIG);
    });

    it('answers null for a model it does not hold, a config that is not JSON, and ids that are not ids', async () => {
      cacheModel(cache, 'org/broken', { abcd1234: '{ not json' }, 'abcd1234');
      assert.equal(await cachedConfig(cache, 'org/absent'), null);
      assert.equal(await cachedConfig(cache, 'org/broken'), null);
      for (const id of ['../etc', 'org/..', 'org/a--b', 'no-slash', 'a/b/c']) assert.equal(await cachedConfig(cache, id), null, id);
    });

    it('does not read a config.json larger than a config can be', async () => {
      cacheModel(cache, 'org/huge', { abcd1234: `{"pad": "${'x'.repeat(MAX_CONFIG_BYTES)}"}` }, 'abcd1234');
      assert.equal(await cachedConfig(cache, 'org/huge'), null);
    });
  });

  describe('the Hub', () => {
    let hub: Hub | undefined;
    afterEach(async () => {
      await hub?.close();
      hub = undefined;
    });

    it('is asked only when the network is allowed and the cache lacks the model', async () => {
      hub = await startHub({ 'org/remote': (response) => response.writeHead(200, { 'content-type': 'application/json' }).end(CONFIG) });
      cacheModel(cache, 'org/local', { abcd1234: CONFIG }, 'abcd1234');
      const offline = new HuggingFaceModels({ allowNetwork: false, env: env({ HF_ENDPOINT: hub.endpoint }) });
      assert.equal(await offline.modelConfig('org/remote'), null);
      const online = new HuggingFaceModels({ allowNetwork: true, env: env({ HF_ENDPOINT: hub.endpoint }) });
      assert.equal((await online.modelConfig('org/local'))?.source, 'Hugging Face cache');
      assert.deepEqual(await online.modelConfig('org/remote'), { text: CONFIG, source: 'Hugging Face Hub' });
      assert.deepEqual(
        hub.requests.map((request) => request.url),
        ['/org/remote/resolve/main/config.json'],
      );
    });

    it('sends the token as a bearer header: HF_TOKEN first, else the token file', async () => {
      hub = await startHub({ 'org/gated': (response) => response.writeHead(200).end(CONFIG) });
      await new HuggingFaceModels({ allowNetwork: true, env: env({ HF_ENDPOINT: hub.endpoint, HF_TOKEN: 'hf_from_env' }) }).modelConfig('org/gated');
      fs.mkdirSync(path.join(root, 'home'), { recursive: true });
      fs.writeFileSync(path.join(root, 'home', 'token'), 'hf_from_file\n');
      await new HuggingFaceModels({ allowNetwork: true, env: env({ HF_ENDPOINT: hub.endpoint }) }).modelConfig('org/gated');
      fs.writeFileSync(path.join(root, 'other-token'), 'hf_from_path');
      await new HuggingFaceModels({ allowNetwork: true, env: env({ HF_ENDPOINT: hub.endpoint, HF_TOKEN_PATH: path.join(root, 'other-token') }) }).modelConfig(
        'org/gated',
      );
      await new HuggingFaceModels({
        allowNetwork: true,
        env: env({ HF_ENDPOINT: hub.endpoint, HF_TOKEN: 'hf_x', HF_HUB_DISABLE_IMPLICIT_TOKEN: '1' }),
      }).modelConfig('org/gated');
      assert.deepEqual(
        hub.requests.map((request) => request.authorization),
        ['Bearer hf_from_env', 'Bearer hf_from_file', 'Bearer hf_from_path', undefined],
      );
    });

    it('answers null for 401, 404, a server error, a body that is not a JSON object, and a huge body', async () => {
      hub = await startHub({
        'org/private': (response) => response.writeHead(401).end('unauthorized'),
        'org/error': (response) => response.writeHead(500).end('oops'),
        'org/html': (response) => response.writeHead(200).end('<html></html>'),
        'org/huge': (response) => response.writeHead(200, { 'content-length': String(MAX_CONFIG_BYTES * 4) }).end(),
        'org/endless': (response) => {
          response.writeHead(200);
          const chunk = 'x'.repeat(64 * 1024);
          for (let i = 0; i < 20; i++) response.write(chunk);
          response.end();
        },
      });
      const models = new HuggingFaceModels({ allowNetwork: true, env: env({ HF_ENDPOINT: hub.endpoint }) });
      for (const id of ['org/private', 'org/missing', 'org/error', 'org/html', 'org/huge', 'org/endless']) assert.equal(await models.modelConfig(id), null, id);
    });

    it('gives up on a Hub that does not answer within HF_HUB_DOWNLOAD_TIMEOUT', async () => {
      hub = await startHub({ 'org/slow': () => undefined });
      const models = new HuggingFaceModels({ allowNetwork: true, env: env({ HF_ENDPOINT: hub.endpoint, HF_HUB_DOWNLOAD_TIMEOUT: '0.2' }) });
      const started = Date.now();
      assert.equal(await models.modelConfig('org/slow'), null);
      assert.ok(Date.now() - started < 5000);
    });

    it('is never asked when HF_HUB_OFFLINE is set, whatever the caller allows', async () => {
      hub = await startHub({ 'org/remote': (response) => response.writeHead(200).end(CONFIG) });
      const models = new HuggingFaceModels({ allowNetwork: true, env: env({ HF_ENDPOINT: hub.endpoint, HF_HUB_OFFLINE: '1' }) });
      assert.equal(models.networkAllowed, false);
      assert.equal(await models.modelConfig('org/remote'), null);
      assert.equal(hub.requests.length, 0);
    });

    it('keeps answers, "not found" included, and asks again after a failure that may pass', async () => {
      let calls = 0;
      hub = await startHub({
        'org/flaky': (response) => (++calls === 1 ? response.writeHead(503).end() : response.writeHead(200).end(CONFIG)),
        'org/found': (response) => response.writeHead(200).end(CONFIG),
      });
      const models = new HuggingFaceModels({ allowNetwork: true, env: env({ HF_ENDPOINT: hub.endpoint }) });
      await Promise.all([models.modelConfig('org/found'), models.modelConfig('org/found')]);
      await models.modelConfig('org/absent');
      await models.modelConfig('org/absent');
      assert.equal(await models.modelConfig('org/flaky'), null);
      assert.equal((await models.modelConfig('org/flaky'))?.source, 'Hugging Face Hub');
      assert.deepEqual(
        hub.requests.map((request) => request.url.split('/')[2]),
        ['found', 'absent', 'flaky', 'flaky'],
      );
    });
  });
});
