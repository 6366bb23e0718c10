import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../src/core/analyze';
import { vocabularyOf } from '../../../src/core/catalog/tokenizerFiles';
import type { Resources } from '../../../src/core/resources/resources';
import { EXAMPLES } from '../formats/examples';

/** A protobuf length-delimited field. */
const field = (number: number, body: Uint8Array): number[] => [(number << 3) | 2, ...varint(body.length), ...body];
const varint = (value: number): number[] => {
  const out: number[] = [];
  do {
    out.push((value & 0x7f) | (value >= 0x80 ? 0x80 : 0));
    value = Math.floor(value / 128);
  } while (value > 0);
  return out;
};
/** A SentencePiece ModelProto with `count` pieces (each a `piece` string and a float `score`) and a trainer spec. */
function sentencePiece(count: number): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < count; i++) {
    const piece = new TextEncoder().encode(`▁p${i}`);
    bytes.push(...field(1, new Uint8Array([...field(1, piece), 0x15, 0, 0, 0x80, 0xbf])));
  }
  bytes.push(...field(2, new Uint8Array([0x18, 0x80, 0xfa, 0x01])));
  return new Uint8Array(bytes);
}

describe('vocabulary from tokenizer files', () => {
  it('counts the pieces of a SentencePiece model, skipping its other fields', () => {
    assert.deepEqual(vocabularyOf(sentencePiece(300)), { vocab: 300, kind: 'SentencePiece model' });
  });

  it('takes one more than the highest id of a tokenizer.json, added tokens included', () => {
    const json = JSON.stringify({ model: { type: 'BPE', vocab: { a: 0, b: 1, c: 2 } }, added_tokens: [{ id: 2 }, { id: 9 }] });
    assert.deepEqual(vocabularyOf(new TextEncoder().encode(json)), { vocab: 10, kind: 'tokenizer.json' });
    const unigram = JSON.stringify({
      model: {
        type: 'Unigram',
        vocab: [
          ['a', 0],
          ['b', -1],
        ],
      },
    });
    assert.equal(vocabularyOf(new TextEncoder().encode(unigram))?.vocab, 2);
  });

  it('counts the ranks of a tiktoken file', () => {
    assert.deepEqual(vocabularyOf(new TextEncoder().encode('IQ== 0\nIg== 1\nIw== 2\n')), { vocab: 3, kind: 'tiktoken BPE file' });
  });

  it('refuses bytes that are none of these', () => {
    assert.equal(vocabularyOf(new TextEncoder().encode('hello world')), undefined);
    assert.equal(vocabularyOf(new Uint8Array([0x0a, 0xff])), undefined);
    assert.equal(vocabularyOf(new TextEncoder().encode('{"model": 3}')), undefined);
  });
});

describe('a config that names its tokenizer file', () => {
  const neox = (vocabFile: string) =>
    `{\n  "num_layers": 2,\n  "hidden_size": 128,\n  "num_attention_heads": 4,\n  "seq_length": 2048,\n  "pipe_parallel_size": 1,\n  "model_parallel_size": 1,\n  "pos_emb": "rotary",\n  "tokenizer_type": "SPMTokenizer",\n  "vocab_file": "${vocabFile}",\n}\n`;
  const resources = (vocab: number | null | undefined, asked: string[] = []): Resources => ({
    file: () => null,
    modelConfig: () => null,
    tokenizer: (path) => (asked.push(path), vocab === null || vocab === undefined ? vocab : { vocab, kind: 'SentencePiece model' }),
  });

  it("reads a NeoX file's SentencePiece vocabulary from the file, padded as NeoX pads it", () => {
    const asked: string[] = [];
    const analysis = analyze(neox('data/spm/tokenizer.model'), '/runs/neox.yml', { resources: resources(32000, asked) });
    assert.deepEqual(asked, ['/runs/data/spm/tokenizer.model']);
    const vocab = analysis.model.architecture?.vocab;
    assert.equal(vocab?.value, 32000);
    assert.match(vocab?.note ?? '', /SentencePiece model data\/spm\/tokenizer\.model: 32,000 tokens/);
  });

  it('asks the host for the file while it is not counted yet', () => {
    const analysis = analyze(neox('data/spm/tokenizer.model'), '/runs/neox.yml', { resources: resources(undefined) });
    assert.deepEqual(analysis.pending.tokenizers, ['/runs/data/spm/tokenizer.model']);
  });

  it('infers a Llama SentencePiece vocabulary from the path when the file cannot be read', () => {
    const analysis = analyze(neox('./data/llama/tokenizer.model'), '/runs/neox.yml', { resources: resources(null) });
    assert.equal(analysis.model.architecture?.vocab.value, 32000);
    assert.match(analysis.model.architecture?.vocab.note ?? '', /LLaMA SentencePiece tokenizer \(assumed from the path\)/);
  });

  it("gives a NeMo file naming Nemotron's 256K tokenizer 256,000 tokens before padding", () => {
    const nemo =
      'trainer:\n  max_steps: 10\nmodel:\n  encoder_seq_length: 4096\n  global_batch_size: 8\n  num_layers: 2\n  hidden_size: 256\n  ffn_hidden_size: 1024\n  num_attention_heads: 4\n  make_vocab_size_divisible_by: 128\n  tokenizer:\n    library: sentencepiece\n    type: null\n    model: /models/nemotron_2_256k.model\n';
    const analysis = analyze(nemo, '/runs/nemo.yaml', { resources: resources(null) });
    assert.equal(analysis.model.architecture?.vocab.value, 256000);
    assert.match(analysis.model.architecture?.vocab.note ?? '', /Nemotron 256K SentencePiece tokenizer/);
  });

  it("assumes the vocabulary of the catalog's models of the same shape when the tokenizer file cannot be read", () => {
    const llama7b = readFileSync(path.join(EXAMPLES, 'gpt-neox/llama-7B.yml'), 'utf8').replace(
      '"make_vocab_size_divisible_by": 1,',
      '"make_vocab_size_divisible_by": 1,\n  "tokenizer_type": "SPMTokenizer",\n  "vocab_file": "/mnt/tok/spm.model",',
    );
    const analysis = analyze(llama7b, '/runs/neox.yml', { resources: resources(null) });
    assert.equal(analysis.model.architecture?.vocab.value, 32000);
    assert.equal(analysis.parameters.total, 6_738_415_616);
    const note = analysis.findings.find((finding) => finding.code === 'assumed-value' && /vocabulary/.test(finding.message));
    assert.match(note?.message ?? '', /catalog's models of this shape \(meta-llama\/Llama-2-7b-hf/);
  });
});
