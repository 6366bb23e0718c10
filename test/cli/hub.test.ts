import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import type { FileReport } from '../../src/cli/report';

/**
 * A tiny Llama: 2 layers of width 64, 4 heads of 16, 2 KV heads, MLP 128, vocabulary 256,
 * untied. Counted by hand: embeddings 2 × 256 × 64 = 32,768; attention 64·4·16 + 2·64·2·16 +
 * 4·16·64 = 12,288; MLP 3 × 64 × 128 = 24,576; norms 2 × 64 = 128; per layer 36,992, × 2 =
 * 73,984; final norm 64: 106,816 parameters.
 */
const TINY = JSON.stringify({
  architectures: ['LlamaForCausalLM'],
  model_type: 'llama',
  hidden_size: 64,
  num_hidden_layers: 2,
  num_attention_heads: 4,
  num_key_value_heads: 2,
  intermediate_size: 128,
  vocab_size: 256,
  tie_word_embeddings: false,
});
const TINY_COUNT = 106_816;

const AXOLOTL = (model: string) => `base_model: ${model}\nsequence_len: 2048\nnum_epochs: 1\n# compute-budget: dataset_tokens=1B\n`;

const HF_VARIABLES = [
  'HF_ENDPOINT',
  'HF_HUB_CACHE',
  'HUGGINGFACE_HUB_CACHE',
  'HF_HOME',
  'HF_TOKEN',
  'HUGGING_FACE_HUB_TOKEN',
  'HF_TOKEN_PATH',
  'HF_HUB_OFFLINE',
  'TRANSFORMERS_OFFLINE',
  'HF_HUB_DOWNLOAD_TIMEOUT',
  'HF_HUB_DISABLE_IMPLICIT_TOKEN',
];

/** `analyze --json FILE ...`, with the file's folder as the boundary. */
async function json(file: string, ...argv: string[]): Promise<{ code: number; report: FileReport }> {
  let out = '';
  const code = await main(['analyze', '--json', file, '--root', path.dirname(file), ...argv], (text) => (out += text));
  return { code, report: (JSON.parse(out) as FileReport[])[0]! };
}

describe('compute-budget analyze: models named by Hugging Face id', () => {
  let folder: string;
  let server: http.Server;
  let requests: { url: string; authorization?: string }[];
  const saved = new Map<string, string | undefined>();

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'compute-budget-cli-hub-'));
    server = http.createServer((request, response) => {
      requests.push({ url: request.url ?? '', authorization: request.headers.authorization });
      if (request.url === '/test-org/tiny-llama/resolve/main/config.json') response.writeHead(200, { 'content-type': 'application/json' }).end(TINY);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    for (const name of HF_VARIABLES) saved.set(name, process.env[name]);
  });

  beforeEach(() => {
    requests = [];
    for (const name of HF_VARIABLES) delete process.env[name];
    process.env.HF_ENDPOINT = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    process.env.HF_HOME = path.join(folder, 'home');
    process.env.HF_HUB_CACHE = path.join(folder, 'cache');
  });

  after(async () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const config = (name: string, model: string) => {
    const file = path.join(folder, name);
    fs.writeFileSync(file, AXOLOTL(model));
    return file;
  };

  it('asks the Hub only with --allow-network, and says the architecture came from it', async () => {
    const file = config('hub.yaml', 'test-org/tiny-llama');
    const offline = await json(file);
    assert.equal(offline.report.parameters.total, null);
    assert.equal(requests.length, 0);

    process.env.HF_TOKEN = 'hf_test_token';
    const online = await json(file, '--allow-network');
    assert.equal(online.code, 0);
    assert.equal(online.report.parameters.total, TINY_COUNT);
    assert.deepEqual(requests, [{ url: '/test-org/tiny-llama/resolve/main/config.json', authorization: 'Bearer hf_test_token' }]);
    assert.equal(online.report.sources.namedModel, 'test-org/tiny-llama');
    assert.equal(online.report.sources.modelSource, 'Hugging Face Hub');
    assert.equal(online.report.sources.catalogModel, null);
    assert.ok(online.report.assumptions.some((note) => /from the Hugging Face Hub/.test(note.note)));
    assert.ok(online.report.diagnostics.some((item) => item.code === 'catalog-value' && /from the Hugging Face Hub/.test(item.message)));
  });

  it('lets HF_HUB_OFFLINE win over --allow-network', async () => {
    process.env.HF_HUB_OFFLINE = '1';
    const { report } = await json(config('offline.yaml', 'test-org/tiny-llama'), '--allow-network');
    assert.equal(report.parameters.total, null);
    assert.equal(requests.length, 0);
  });

  it('reads the local Hugging Face cache without the network, and says so in the table', async () => {
    const snapshot = path.join(folder, 'cache', 'models--test-org--cached-llama', 'snapshots', '0123abcd');
    fs.mkdirSync(snapshot, { recursive: true });
    fs.writeFileSync(path.join(snapshot, 'config.json'), TINY);
    fs.mkdirSync(path.join(folder, 'cache', 'models--test-org--cached-llama', 'refs'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'cache', 'models--test-org--cached-llama', 'refs', 'main'), '0123abcd');
    const file = config('cached.yaml', 'test-org/cached-llama');
    const { report } = await json(file);
    assert.equal(report.parameters.total, TINY_COUNT);
    assert.equal(report.sources.modelSource, 'Hugging Face cache');
    let table = '';
    await main(['analyze', file, '--root', folder], (text) => (table += text));
    assert.match(table, /test-org\/cached-llama from the Hugging Face cache/);
    assert.equal(requests.length, 0);
  });

  it('falls back to the built-in catalog for a model the Hub does not have, and says so', async () => {
    const { report } = await json(config('catalog.yaml', 'Qwen/Qwen2.5-0.5B'), '--allow-network');
    assert.equal(report.sources.catalogModel, 'Qwen/Qwen2.5-0.5B');
    assert.equal(report.sources.modelSource, 'built-in catalog');
    assert.deepEqual(
      requests.map((request) => request.url),
      ['/Qwen/Qwen2.5-0.5B/resolve/main/config.json'],
    );
  });
});
