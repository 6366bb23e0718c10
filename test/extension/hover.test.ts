import * as assert from 'assert';
import { closeAll, hoverText, openExample, openUntitled, positionOf, unescapeMarkdown } from './helpers';

describe('hovers on the keys that drive the budget', () => {
  afterEach(closeAll);

  it('explains what the MLP width contributes, with the totals and the threshold table', async () => {
    const { editor } = await openExample('huggingface/llama-2-7b.config.json');
    const text = unescapeMarkdown(await hoverText(editor.document, positionOf(editor.document, '"intermediate_size"')));
    assert.ok(text.includes('MLP (gated): 3 × 4096 × 11008 per layer = 135.3M params (× 32 layers = 4.33B)'), text);
    assert.ok(text.includes('6,738,415,616'), text);
    assert.ok(text.includes('EU AI Act systemic risk (Art. 51)'), text);
    assert.ok(text.includes('Chinchilla-optimal tokens'), text);
  });

  it('explains how the steps become training tokens', async () => {
    const { editor } = await openExample('nemo/gpt3-175b.yaml');
    const text = unescapeMarkdown(await hoverText(editor.document, positionOf(editor.document, 'max_steps')));
    assert.ok(text.includes('Training tokens: 75,000 steps × 2,048 sequences × 2,048 tokens = 314,572,800,000'), text);
    assert.ok(text.includes('under-trained'), text);
  });

  it('says which numbers came from the catalog', async () => {
    const { editor } = await openExample('litgpt/tinyllama.yaml');
    const text = unescapeMarkdown(await hoverText(editor.document, positionOf(editor.document, 'model_name')));
    assert.ok(text.includes('TinyLlama/TinyLlama-1.1B-intermediate-step-1431k-3T (built-in catalog)'), text);
    assert.ok(text.includes('catalog'), text);
  });

  it('titles a fine-tune as one and shows its compute against the base’s pretraining, without pre-training advice', async () => {
    const { editor } = await openUntitled(
      '# compute-budget: dataset_tokens=25M\nbase_model: NousResearch/Meta-Llama-3-8B\nadapter: lora\nnum_epochs: 4\nsequence_len: 4096\n',
      'yaml',
    );
    const text = unescapeMarkdown(await hoverText(editor.document, positionOf(editor.document, 'base_model')));
    assert.ok(text.includes('fine-tune of meta-llama/Meta-Llama-3-8B'), text);
    assert.ok(text.includes('Fine-tuning compute'), text);
    assert.ok(text.includes('Pretraining of meta-llama/Meta-Llama-3-8B'), text);
    assert.ok(!/Tokens per parameter|Chinchilla-optimal tokens|Predicted loss|Same compute, optimal/.test(text), text);
    assert.ok(text.includes('dataset_tokens=25000000'), text);
    // The threshold shares are mostly the base's: the hover says whose compute they are.
    assert.ok(text.includes('Shares of the compute of base + this fine-tune'), text);
  });

  it('shows nothing on keys that do not drive the budget', async () => {
    const { editor } = await openExample('huggingface/llama-2-7b.config.json');
    assert.strictEqual(await hoverText(editor.document, positionOf(editor.document, '"bos_token_id"')), '');
  });

  it('escapes text that came from the config', async () => {
    const hostile = '<b>x</b>[run](command:quit)'; // under the 40 characters a key is shown with
    const { editor } = await openUntitled(
      `model_type: llama\n"${hostile}":\n  hidden_size: 512\n  num_hidden_layers: 2\n  num_attention_heads: 8\n  intermediate_size: 2048\n  vocab_size: 1000\n`,
    );
    const raw = await hoverText(editor.document, positionOf(editor.document, 'hidden_size'));
    assert.ok(unescapeMarkdown(raw).includes(hostile), raw);
    // Every character that could open HTML or a link is escaped, so Markdown shows it as text.
    assert.doesNotMatch(raw, /(^|[^\\])</, raw);
    assert.doesNotMatch(raw, /(^|[^\\])\]\(/, raw);
  });
});
