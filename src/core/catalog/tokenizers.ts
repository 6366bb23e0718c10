/**
 * Vocabulary sizes of tokenizers that configs name instead of stating a vocabulary size
 * (GPT-NeoX's `vocab-file`, NeMo's `tokenizer.type`, Levanter's `tokenizer`). Sizes are the
 * tokenizers' own, before the model pads its embedding.
 */
const TOKENIZERS: readonly { readonly match: RegExp; readonly vocab: number; readonly name: string }[] = [
  { match: /20b_tokenizer|gpt-neox-20b|neox/i, vocab: 50277, name: 'GPT-NeoX-20B tokenizer' },
  { match: /^gpt2$|gpt2bpe|gpt2_bpe|gpt2-vocab|openai-community\/gpt2/i, vocab: 50257, name: 'GPT-2 BPE tokenizer' },
  { match: /llama-?3|llama-3|meta-llama-3/i, vocab: 128256, name: 'Llama 3 tokenizer' },
  { match: /llama-?2|llama2|tinyllama|mistral-7b|mixtral/i, vocab: 32000, name: 'Llama 2 SentencePiece tokenizer' },
  // A `tokenizer.model` in a Llama folder that is not Llama 3's (matched above): LLaMA 1 and 2 share one 32,000-piece model.
  { match: /llama[^/]*\/(?:.*\/)?tokenizer\.model$/i, vocab: 32000, name: 'LLaMA SentencePiece tokenizer (assumed from the path)' },
  // Qwen1.5, Qwen2 and Qwen2.5 share one BPE of 151,643 tokens plus 3 special ones (<|endoftext|>,
  // <|im_start|>, <|im_end|>: Qwen/Qwen1.5-7B tokenizer_config.json `added_tokens_decoder`); NeMo
  // counts len(tokenizer) (NVIDIA/NeMo@8cfedd72 nemo/collections/common/tokenizers/huggingface/auto_tokenizer.py:215).
  { match: /qwen(?:1\.5|2|2\.5)-/i, vocab: 151646, name: 'Qwen2 BPE tokenizer (151,643 + 3 special tokens)' },
  // bigcode/starcoder2-tokenizer: 49,152 tokens (StarCoder2's `vocab_size`).
  { match: /starcoder2/i, vocab: 49152, name: 'StarCoder2 tokenizer' },
  { match: /cl100k/i, vocab: 100277, name: 'cl100k_base' },
  // NVIDIA's Nemotron SentencePiece model (`nemotron_2_256k.model`, Nemotron-4 15B and 340B): 256,000 pieces.
  { match: /nemotron_?\d*_256k|256k\.model/i, vocab: 256000, name: 'Nemotron 256K SentencePiece tokenizer' },
];

export function tokenizerVocab(reference: string): { vocab: number; name: string } | undefined {
  const trimmed = reference.trim();
  const entry = TOKENIZERS.find((tokenizer) => tokenizer.match.test(trimmed));
  return entry ? { vocab: entry.vocab, name: entry.name } : undefined;
}

/** Megatron and GPT-NeoX pad the embedding to a multiple of `divisor × tensor-parallel size`. */
export function padVocab(vocab: number, multiple: number): number {
  return multiple > 1 ? Math.ceil(vocab / multiple) * multiple : vocab;
}
