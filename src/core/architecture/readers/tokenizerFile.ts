import { TOKENIZER_FILE } from '../../catalog/tokenizerFiles';
import type { ReadContext } from '../../resources/readContext';
import { resolveReference } from '../../resources/resources';
import { printable } from '../../source/view';

/**
 * Counts the vocabulary of a tokenizer file a config names (`vocab-file: data/tokenizer.json`,
 * NeMo's `tokenizer.model: tokenizer.model`) through the host: resolved from the config's
 * folder, read and counted by the host, `pending` until it has been.
 */
export type TokenizerFileReader = (reference: string) => { vocab: number; name: string } | 'pending' | undefined;

export function tokenizerFileReader(context: ReadContext): TokenizerFileReader {
  return (reference) => {
    const trimmed = reference.trim();
    if (!TOKENIZER_FILE.test(trimmed) || trimmed.includes('${')) return undefined;
    const from = context.includeChain?.[context.includeChain.length - 1] ?? context.fileName;
    const counted = context.lookups.tokenizer(resolveReference(from, trimmed));
    if (counted === undefined) return 'pending';
    return counted ? { vocab: counted.vocab, name: `${counted.kind} ${printable(trimmed, 80)}` } : undefined;
  };
}
