import type { Draft } from '../../architecture/assemble';
import { userFact } from '../../source/directives';
import { fact, type Fact } from '../../source/fact';
import { getEntry } from '../../source/tree';
import { spanOfEntry, type ConfigView, type Located } from '../../source/view';
import type { TokenResult } from '../../training/tokens';
import { COMMON_TRAINING, section, type FrameworkModule, type ReadContext } from '../format';
import { TORCHTUNE_BUILDERS, type TorchtuneBuilder } from './builders';

const COMPONENT = /^torchtune\.models\.[\w.]+$/;

/** `model._component_: torchtune.models.llama3_1.lora_llama3_1_8b` → the builder `llama3_1_8b`. */
function builderOf(view: ConfigView): { name: string; builder?: TorchtuneBuilder; located: Located } | undefined {
  const located = view.at(['model', '_component_']);
  const component = view.text(located)?.trim();
  if (!located || !component || !COMPONENT.test(component)) return undefined;
  const name = component.slice(component.lastIndexOf('.') + 1).replace(/^q?lora_/, '');
  return { name, builder: TORCHTUNE_BUILDERS[name], located };
}

/**
 * torchtune (pytorch/torchtune `recipes/configs`): the model is a builder named in
 * `model._component_`; the loop runs `epochs` over a dataset, optionally cut to
 * `max_steps_per_epoch` steps of `batch_size` × `gradient_accumulation_steps` × data-parallel.
 */
export const torchtune: FrameworkModule = {
  id: 'torchtune',
  name: 'torchtune',
  syntaxes: ['yaml'],
  detect: (root) => {
    const component = getEntry(section(root, 'model'), '_component_')?.value;
    return component?.kind === 'scalar' && typeof component.value === 'string' && component.value.startsWith('torchtune.') ? 10 : 0;
  },
  readArchitecture: (view, context) => readTorchtuneModel(view, context),
  training: COMMON_TRAINING,
  readTokens: (view, context) => readTorchtuneTokens(view, context),
  fineTunes: true,
  // Recipes start from the checkpoint in `checkpointer.checkpoint_dir`: the released model the builder describes.
  baseModel: (view) => (view.find(['checkpoint_dir'], { under: ['checkpointer'] }) ? builderOf(view)?.builder?.catalog : undefined),
};

function readTorchtuneModel(view: ConfigView, context: ReadContext): Draft | undefined {
  const found = builderOf(view);
  if (!found) return undefined;
  const { name, builder, located } = found;
  if (!builder) {
    context.findings.push({
      severity: 'information',
      code: 'unknown-model',
      span: spanOfEntry(located.entry),
      message: `torchtune builder "${name.slice(0, 60)}" is not in the built-in table of torchtune's model builders, so its size is unknown. State it with a \`# compute-budget: parameters=…\` comment.`,
    });
    return undefined;
  }
  const span = located.entry.keySpan;
  const from = (value: number, what: string): Fact => fact(value, 'catalog', { key: `${name} ${what}`, span, note: `torchtune ${builder.source}` });
  return {
    family: `torchtune ${name}`,
    hidden: from(builder.hidden, 'embed_dim'),
    layers: from(builder.layers, 'num_layers'),
    heads: from(builder.heads, 'num_heads'),
    kvHeads: from(builder.kvHeads, 'num_kv_heads'),
    headDim: builder.headDim ? from(builder.headDim, 'head_dim') : undefined,
    ffn: from(builder.ffn, 'intermediate_dim'),
    vocab: from(builder.vocab, 'vocab_size'),
    gated: fact(true, 'catalog', { span, note: 'torchtune FeedForward: gate, up and down projections' }),
    tied: fact(builder.tied, 'catalog', { span, note: `torchtune ${builder.source}` }),
    attentionBias: builder.kind === 'qwen2' ? 'qkv' : 'none',
    mlpBias: false,
    norm: 'rms',
    normsPerLayer: builder.kind === 'gemma2' ? 4 : 2,
    qkNorm: builder.kind === 'qwen3' ? 2 * (builder.headDim ?? builder.hidden / builder.heads) : 0,
    keyNames: { hidden: 'embed_dim', layers: 'num_layers', heads: 'num_heads' },
  };
}

/** `train[:95%]` → 0.95, `train[10%:20%]` → 0.1; undefined for a whole split or absolute indices. */
export function splitFraction(split: string): number | undefined {
  const slice = /\[\s*(?:(\d+(?:\.\d+)?)%)?\s*:\s*(?:(\d+(?:\.\d+)?)%)?\s*\]\s*$/.exec(split);
  if (!slice || (slice[1] === undefined && slice[2] === undefined)) return undefined;
  const from = slice[1] === undefined ? 0 : Number(slice[1]);
  const to = slice[2] === undefined ? 100 : Number(slice[2]);
  return to > from ? (to - from) / 100 : undefined;
}

const fmt = (value: number) => value.toLocaleString('en-US');

function readTorchtuneTokens(view: ConfigView, context: ReadContext): TokenResult | undefined {
  if (userFact(context.facts, 'tokens')) return undefined;
  const epochsKey = view.at(['epochs']);
  const epochs = view.count(epochsKey, 'a number of epochs', { positive: true });
  if (!epochs || !epochsKey) return { factors: [] };
  const anchor = epochsKey.entry.keySpan;

  // A cap: max_steps_per_epoch steps of batch × accumulation × data-parallel sequences of at most max_seq_len tokens.
  const maxStepsKey = view.at(['max_steps_per_epoch']);
  const maxSteps = view.count(maxStepsKey, 'a number of steps per epoch', { integer: true, positive: true });
  let cap: { tokens: number; derivation: string; factors: Fact[] } | undefined;
  if (maxSteps) {
    const batch = view.count(view.at(['batch_size']), 'a batch size', { integer: true, positive: true });
    const accumulation =
      view.count(view.at(['gradient_accumulation_steps']), 'a number of accumulation steps', { integer: true, positive: true }) ?? fact(1, 'assumed');
    const sequence = view.count(view.at(['tokenizer', 'max_seq_len']), 'a sequence length', { integer: true, positive: true });
    const gpus = userFact(context.facts, 'gpus');
    const parallel = gpus ? fact(gpus.value, 'user', { span: gpus.span, note: 'compute-budget: gpus=' }) : undefined;
    if (batch && sequence && parallel) {
      const packed = view.flag(view.at(['dataset', 'packed'])) === true;
      cap = {
        tokens: epochs.value * maxSteps.value * batch.value * accumulation.value * parallel.value * sequence.value,
        derivation: `${packed ? '' : 'at most '}${fmt(epochs.value)} epochs × ${fmt(maxSteps.value)} steps × ${fmt(batch.value)} batch × ${fmt(accumulation.value)} accumulation × ${fmt(parallel.value)} data-parallel × ${fmt(sequence.value)} tokens`,
        factors: [epochs, maxSteps, batch, accumulation, parallel, sequence],
      };
    }
  }

  const dataset = userFact(context.facts, 'dataset_tokens');
  if (dataset) {
    const splitText = view.text(view.at(['dataset', 'split']));
    const fraction = splitText ? splitFraction(splitText) : undefined;
    const datasetFact = fact(dataset.value, 'user', { span: dataset.span, note: 'compute-budget: dataset_tokens=' });
    const tokens = epochs.value * dataset.value * (fraction ?? 1);
    const derivation = `${fmt(epochs.value)} epochs × ${fmt(dataset.value)} dataset tokens${fraction !== undefined ? ` × ${+(fraction * 100).toFixed(4)}% (split ${splitText!.slice(0, 40)})` : ''}`;
    if (cap && cap.tokens < tokens)
      return { tokens: fact(cap.tokens, 'derived'), derivation: cap.derivation, factors: cap.factors, anchor: maxStepsKey!.entry.keySpan };
    return { tokens: fact(tokens, 'derived'), derivation, factors: [epochs, datasetFact], anchor };
  }
  if (cap) return { tokens: fact(cap.tokens, 'derived'), derivation: cap.derivation, factors: cap.factors, anchor: maxStepsKey!.entry.keySpan };
  context.findings.push({
    severity: 'warning',
    code: 'missing-dataset-size',
    span: spanOfEntry(epochsKey.entry),
    message: `Training runs ${fmt(epochs.value)} epochs over a dataset whose size in tokens is not in the file, so the token count is unknown. Add it with a \`# compute-budget: dataset_tokens=…\` comment (the size of the whole dataset; a split such as train[:95%] is applied).`,
    fixes: [{ kind: 'add-fact', fact: 'dataset_tokens', title: 'Add the dataset size in tokens (compute-budget comment)' }],
  });
  return { factors: [], anchor };
}
