import { MODELS } from '../catalog/models';
import { fact } from '../source/fact';
import type { Draft } from './assemble';

/**
 * A vocabulary the config leaves to an assumption, taken instead from the catalog's models of the
 * same shape (hidden size, layers, heads and MLP width all equal): a GPT-NeoX file with Llama-7B's
 * shape and an unreadable tokenizer is Llama's 32,000 rows, not GPT-2's 50,257. Used only when
 * more than half of the models of that shape (key/value heads included) share one vocabulary
 * (Code Llama's 16 infilling rows and OLMo's tokenizers do not outvote Llama 2); the result stays an assumption, with a note naming the match.
 */
export function withShapeVocab(draft: Draft): Draft {
  if (draft.vocab && draft.vocab.origin !== 'assumed') return draft;
  const shape = [draft.hidden?.value, draft.layers?.value, draft.heads?.value, draft.ffn?.value, draft.kvHeads?.value ?? draft.heads?.value];
  if (shape.some((value) => value === undefined)) return draft;
  const matches = MODELS.filter((model) => {
    const config = model.config;
    return (
      config.hidden_size === shape[0] &&
      config.num_hidden_layers === shape[1] &&
      config.num_attention_heads === shape[2] &&
      config.intermediate_size === shape[3] &&
      (config.num_key_value_heads ?? config.num_attention_heads) === shape[4] &&
      typeof config.vocab_size === 'number'
    );
  });
  const tally = new Map<number, string[]>();
  for (const model of matches) tally.set(model.config.vocab_size as number, [...(tally.get(model.config.vocab_size as number) ?? []), model.id]);
  const [vocab, ids] = [...tally.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? [];
  if (vocab === undefined || !ids || ids.length * 2 <= matches.length || vocab === draft.vocab?.value) return draft;
  const names = ids.slice(0, 3);
  const more = ids.length > names.length ? ` and ${ids.length - names.length} more` : '';
  const share = ids.length < matches.length ? `${ids.length} of the ${matches.length}` : 'the';
  return {
    ...draft,
    vocab: fact(vocab, 'assumed', {
      note: `the vocabulary of ${share} built-in catalog's models of this shape (${names.join(', ')}${more}); the config names no tokenizer this reader can count`,
    }),
  };
}
