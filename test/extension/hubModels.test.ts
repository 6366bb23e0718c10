import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Analysis } from '../../src/core/analyze';
import { api, closeAll, hoverText, openUntitled, positionOf, unescapeMarkdown } from './helpers';

/**
 * A tiny Llama in a Hugging Face cache laid out the way huggingface_hub writes it. Counted by
 * hand: embeddings 2 × 256 × 64 = 32,768; attention 64·4·16 + 2·64·2·16 + 4·16·64 = 12,288;
 * MLP 3 × 64 × 128 = 24,576; norms 128; per layer 36,992, × 2 = 73,984; final norm 64: 106,816.
 */
const TINY = JSON.stringify({
  model_type: 'llama',
  hidden_size: 64,
  num_hidden_layers: 2,
  num_attention_heads: 4,
  num_key_value_heads: 2,
  intermediate_size: 128,
  vocab_size: 256,
  tie_word_embeddings: false,
});

/** Resolves with the first analysis of `document` published to the surfaces that satisfies `ready`. */
async function analysisWhen(document: vscode.TextDocument, ready: (analysis: Analysis) => boolean): Promise<Analysis> {
  const extension = await api();
  const { cache } = extension;
  const now = await extension.analyzed(document);
  if (ready(now)) return now;
  return new Promise((resolve) => {
    const subscription = cache.onDidAnalyze((event) => {
      if (event.document !== document || !ready(event.analysis)) return;
      subscription.dispose();
      resolve(event.analysis);
    });
  });
}

describe('models named by Hugging Face id, from the local cache', () => {
  let folder: string;
  const saved = process.env.HF_HUB_CACHE;

  before(() => {
    // The extension host runs the tests in its own process: the Node host reads the
    // environment at each lookup, so pointing HF_HUB_CACHE here is what a user's shell does.
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'compute-budget-hf-cache-'));
    const model = path.join(folder, 'models--test-org--tiny-llama');
    fs.mkdirSync(path.join(model, 'snapshots', '0123abcd'), { recursive: true });
    fs.mkdirSync(path.join(model, 'refs'), { recursive: true });
    fs.writeFileSync(path.join(model, 'snapshots', '0123abcd', 'config.json'), TINY);
    fs.writeFileSync(path.join(model, 'refs', 'main'), '0123abcd');
    process.env.HF_HUB_CACHE = folder;
  });

  after(() => {
    if (saved === undefined) delete process.env.HF_HUB_CACHE;
    else process.env.HF_HUB_CACHE = saved;
    fs.rmSync(folder, { recursive: true, force: true });
  });

  afterEach(closeAll);

  it('shows the first analysis at once, then the count from the cache, and says where it came from', async () => {
    const { editor, analysis: first } = await openUntitled('base_model: test-org/tiny-llama\nsequence_len: 2048\nnum_epochs: 1\n');
    // The first analysis does not wait for the cache (it may already have been re-published
    // by the time the editor shows, on a fast disk).
    if (first.parameters.total === null) assert.deepStrictEqual(first.pending.models, ['test-org/tiny-llama']);
    const resolved = await analysisWhen(editor.document, (analysis) => analysis.parameters.total !== null);
    assert.strictEqual(resolved.parameters.total, 106_816);
    assert.strictEqual(resolved.model.catalog?.source, 'Hugging Face cache');
    assert.deepStrictEqual(resolved.pending.models, []);
    const hover = unescapeMarkdown(await hoverText(editor.document, positionOf(editor.document, 'base_model')));
    assert.match(hover, /from the Hugging Face cache/);
  });

  it('does not ask again for a model it already knows', async () => {
    const { analysis } = await openUntitled('base_model: test-org/tiny-llama\nnum_epochs: 2\n');
    assert.strictEqual(analysis.parameters.total, 106_816);
    assert.deepStrictEqual(analysis.pending.models, []);
  });
});
