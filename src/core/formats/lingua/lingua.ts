import { tokenizerFileReader } from '../../architecture/readers/tokenizerFile';
import { fact } from '../../source/fact';
import type { MapNode } from '../../source/tree';
import type { ConfigView } from '../../source/view';
import { readTokens } from '../../training/tokens';
import { has, section, type FrameworkModule, type ReadContext, type TrainingKeys } from '../format';
import { GENERIC_TRAINING } from '../generic/generic';
import { readGeneric } from '../generic/modelReader';

/**
 * Meta's lingua (facebookresearch/lingua@437d680e521873bb5971067148a69587790da853): `model:` holds
 * `BaseTransformerArgs` (lingua/transformer.py: `dim`, `n_layers`, `n_heads`, Llama's MLP rule with
 * `multiple_of` 256, `weight_tying` false), read by the shared key synonyms; its vocabulary is not
 * in the file but the tokenizer's (`apps/main/train.py` sets `vocab_size = tokenizer.n_words`):
 * `bytes` is lingua's ByteTokenizer of 258 (256 bytes, BOS, EOS; lingua/tokenizer.py), a
 * `tiktoken`/`sentencepiece` file is counted through the host. `data.batch_size` is the batch of one
 * data-parallel rank ("Total batch size is batch_size*grad_acc_steps" per rank): the `gpus` fact
 * completes it.
 */

const TRAINING: TrainingKeys = {
  ...GENERIC_TRAINING,
  steps: ['steps'],
  globalBatch: [],
  microBatch: ['batch_size'],
  accumulation: ['grad_acc_steps'],
  sequence: ['seq_len'],
  tensorParallel: ['tp_size'],
  pipelineParallel: [],
};

const LINGUA_SIGNS = ['dump_dir', 'probe_freq', 'async_eval_gpus'];

function detect(root: MapNode): number {
  const model = section(root, 'model');
  const data = section(root, 'data');
  if (!model || !data || !has(model, 'dim') || !has(model, 'n_layers') || !has(data, 'seq_len')) return 0;
  const signs = has(root, ...LINGUA_SIGNS) || has(section(root, 'distributed'), 'fsdp_type') || has(data, 'n_views', 'tokenizer');
  return signs ? 7 : 0;
}

/** The vocabulary lingua takes from its tokenizer when `model.vocab_size` is not written. */
function tokenizerVocab(view: ConfigView, context: ReadContext) {
  const nameKey = view.find(['name'], { under: ['data', 'tokenizer'] });
  const name = view.text(nameKey);
  if (name === 'bytes' && nameKey)
    return fact(258, 'derived', { span: nameKey.entry.keySpan, note: "lingua's ByteTokenizer: 256 bytes, BOS and EOS (lingua/tokenizer.py)" });
  const path = view.text(view.find(['path'], { under: ['data', 'tokenizer'] }));
  if (typeof path !== 'string') return undefined;
  const counted = tokenizerFileReader(context)(path);
  return counted && counted !== 'pending' ? fact(counted.vocab, 'derived', { note: `counted from the ${counted.name}` }) : undefined;
}

export const lingua: FrameworkModule = {
  id: 'lingua',
  name: 'lingua',
  syntaxes: ['yaml'],
  detect,
  readArchitecture: (view, context) => {
    const { draft, note } = readGeneric(view, { under: ['model'] }, 'lingua (BaseTransformerArgs)');
    if (note) context.findings.push(note);
    const written = view.count(view.find(['vocab_size'], { under: ['model'] }), 'a vocabulary size', { integer: true });
    const vocab = written && written.value > 0 ? draft.vocab : tokenizerVocab(view, context);
    return {
      ...draft,
      vocab,
      keyNames: { ...draft.keyNames, vocab: '`model.vocab_size`, a tokenizer file the host can read (`data.tokenizer.path`), or a `vocab=` fact' },
    };
  },
  training: TRAINING,
  readTokens: (view, context) => readTokens(view, TRAINING, context.facts, context.findings),
};
