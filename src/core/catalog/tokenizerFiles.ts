/**
 * The vocabulary size a tokenizer file holds, from its bytes: a Hugging Face `tokenizer.json`,
 * a SentencePiece `tokenizer.model` (a protobuf `ModelProto`), or a tiktoken BPE file (lines of
 * `base64-token rank`, which Llama 3 also names `tokenizer.model`). Pure: the host reads the
 * bytes, this counts them.
 */
export interface TokenizerVocab {
  readonly vocab: number;
  /** What the file was read as, for the note beside the number. */
  readonly kind: 'tokenizer.json' | 'SentencePiece model' | 'tiktoken BPE file';
}

/** A file name that names a tokenizer file rather than a tokenizer. */
export const TOKENIZER_FILE = /(?:\.model|\.json|\.tiktoken|\.bpe)$/i;

export function vocabularyOf(bytes: Uint8Array): TokenizerVocab | undefined {
  if (bytes.length === 0) return undefined;
  const first = firstNonSpace(bytes);
  if (first === 0x7b) return fromTokenizerJson(bytes);
  return fromSentencePiece(bytes) ?? fromTiktoken(bytes);
}

function firstNonSpace(bytes: Uint8Array): number | undefined {
  for (const byte of bytes) if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) return byte;
  return undefined;
}

/**
 * tokenizers' `tokenizer.json`: `model.vocab` (a map for BPE/WordPiece, a list of pairs for
 * Unigram) plus `added_tokens`; the size is one more than the highest id, as the embedding must be.
 */
function fromTokenizerJson(bytes: Uint8Array): TokenizerVocab | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8').decode(bytes));
  } catch {
    return undefined;
  }
  const model = (parsed as { model?: { vocab?: unknown } } | null)?.model;
  const vocab = model?.vocab;
  let highest = -1;
  if (Array.isArray(vocab)) highest = vocab.length - 1;
  else if (vocab && typeof vocab === 'object') {
    for (const id of Object.values(vocab)) if (typeof id === 'number' && id > highest) highest = id;
  } else return undefined;
  const added = (parsed as { added_tokens?: unknown }).added_tokens;
  if (Array.isArray(added))
    for (const token of added as unknown[]) {
      const id = (token as { id?: unknown } | null)?.id;
      if (typeof id === 'number' && id > highest) highest = id;
    }
  return highest >= 0 ? { vocab: highest + 1, kind: 'tokenizer.json' } : undefined;
}

/**
 * SentencePiece's `ModelProto` (sentencepiece_model.proto): `repeated SentencePiece pieces = 1`.
 * The vocabulary is the number of top-level field-1 entries; every other field is skipped by its
 * wire type. Anything that does not parse as protobuf to the last byte is not a model file.
 */
function fromSentencePiece(bytes: Uint8Array): TokenizerVocab | undefined {
  let at = 0;
  let pieces = 0;
  const varint = (): number | undefined => {
    let value = 0;
    for (let shift = 0; shift < 64 && at < bytes.length; shift += 7) {
      const byte = bytes[at++];
      value += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return value;
    }
    return undefined;
  };
  while (at < bytes.length) {
    const tag = varint();
    if (tag === undefined || tag === 0) return undefined;
    const field = Math.floor(tag / 8);
    const wire = tag % 8;
    if (wire === 0) {
      if (varint() === undefined) return undefined;
    } else if (wire === 1) at += 8;
    else if (wire === 5) at += 4;
    else if (wire === 2) {
      const length = varint();
      if (length === undefined || at + length > bytes.length) return undefined;
      at += length;
      if (field === 1) pieces++;
    } else return undefined;
    if (at > bytes.length) return undefined;
  }
  return pieces > 0 ? { vocab: pieces, kind: 'SentencePiece model' } : undefined;
}

/** tiktoken's `load_tiktoken_bpe` format: one `base64 rank` pair a line; special tokens are not in the file. */
function fromTiktoken(bytes: Uint8Array): TokenizerVocab | undefined {
  const text = new TextDecoder('utf-8').decode(bytes);
  let highest = -1;
  let lines = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const match = /^[A-Za-z0-9+/=]+ (\d+)\s*$/.exec(line);
    if (!match) return undefined;
    lines++;
    highest = Math.max(highest, Number(match[1]));
  }
  return lines > 0 ? { vocab: highest + 1, kind: 'tiktoken BPE file' } : undefined;
}
