import { ADD_GPUS_FIX } from '../../analysis/findings';
import type { Draft } from '../../architecture/assemble';
import { userFact } from '../../source/directives';
import { fact, type Fact } from '../../source/fact';
import type { MapNode } from '../../source/tree';
import { spanOfEntry, type ConfigView, type Located } from '../../source/view';
import type { TokenResult } from '../../training/tokens';
import { COMMON_TRAINING, has, section, tally, type FrameworkModule, type ReadContext } from '../format';
import { TORCHTITAN_COMMIT, TORCHTITAN_FLAVORS } from './flavors';

const PARALLELISM = [
  'data_parallel_shard_degree',
  'data_parallel_replicate_degree',
  'tensor_parallel_degree',
  'pipeline_parallel_degree',
  'context_parallel_degree',
  'expert_parallel_degree',
];
const TRAINING = ['steps', 'local_batch_size', 'batch_size', 'global_batch_size', 'seq_len', 'dataset'];
/** torchtitan/config/job_config.py defaults, used when a file leaves a key out. */
const DEFAULTS = {
  local_batch_size: 8,
  seq_len: 2048,
  data_parallel_replicate_degree: 1,
  data_parallel_shard_degree: -1,
  tensor_parallel_degree: 1,
  pipeline_parallel_degree: 1,
  context_parallel_degree: 1,
};
const short = TORCHTITAN_COMMIT.slice(0, 7);
const fmt = (value: number) => value.toLocaleString('en-US');

/**
 * torchtitan (pytorch/torchtitan train_configs/*.toml, before the move to Python configs): the
 * model is `[model] name` + `flavor`, a key into torchtitan's own table of model args; tokens
 * are `[training] steps` × global batch × `seq_len`, the global batch being `global_batch_size`
 * or `local_batch_size` × data-parallel (replicate × shard) degree.
 */
export const torchtitan: FrameworkModule = {
  id: 'torchtitan',
  name: 'torchtitan',
  syntaxes: ['toml'],
  detect: (root) => detectTorchtitan(root),
  readArchitecture: (view, context) => readTitanModel(view, context),
  training: {
    ...COMMON_TRAINING,
    direct: [],
    steps: ['steps'],
    stepsUnder: ['training'],
    globalBatch: ['global_batch_size'],
    microBatch: ['local_batch_size', 'batch_size'],
    sequence: ['seq_len'],
    sequenceUnder: ['training'],
    epochs: [],
    tensorParallel: ['tensor_parallel_degree'],
    pipelineParallel: ['pipeline_parallel_degree'],
    durationKeys: [],
  },
  readTokens: (view, context) => readTitanTokens(view, context),
  modelNameKeys: [],
};

/** `[model] flavor` and the `[parallelism]` degrees are torchtitan's own; `[job]` and `[training]` keys add to them. */
function detectTorchtitan(root: MapNode): number {
  const model = section(root, 'model');
  const parallelism = section(root, 'parallelism');
  let score = 0;
  if (has(model, 'flavor') && has(model, 'name')) score += 5;
  if (has(parallelism, 'data_parallel_shard_degree', 'data_parallel_replicate_degree') || has(section(root, 'training'), 'data_parallel_shard_degree'))
    score += 5;
  else if (tally(parallelism, PARALLELISM) >= 2) score += 3;
  if (score === 0) return 0;
  score += (section(root, 'job') ? 1 : 0) + tally(section(root, 'training'), TRAINING);
  return Math.min(10, score);
}

function readTitanModel(view: ConfigView, context: ReadContext): Draft | undefined {
  const flavorKey = view.at(['model', 'flavor']);
  const nameKey = view.at(['model', 'name']);
  const flavor = view.text(flavorKey)?.trim();
  if (!flavorKey || !flavor) return undefined;
  const name = view.text(nameKey)?.trim() || 'llama3';
  const spec = Object.hasOwn(TORCHTITAN_FLAVORS, name) && Object.hasOwn(TORCHTITAN_FLAVORS[name], flavor) ? TORCHTITAN_FLAVORS[name][flavor] : undefined;
  if (!spec) {
    const why = name === 'deepseek_v3' ? ' (its multi-head latent attention is not counted yet)' : '';
    context.findings.push({
      severity: 'information',
      code: 'unknown-model',
      span: spanOfEntry(flavorKey.entry),
      message: `torchtitan model "${name.slice(0, 40)}" flavor "${flavor.slice(0, 40)}" is not in the built-in table of torchtitan's model args${why}, so its size is unknown. State it with a \`# compute-budget: parameters=…\` comment.`,
    });
    return undefined;
  }
  const span = flavorKey.entry.keySpan;
  const note = `torchtitan ${spec.source}["${flavor}"] (built in, torchtitan@${short})`;
  const from = (value: number, what: string, extra?: string): Fact =>
    fact(value, 'catalog', { key: `${name} ${flavor} ${what}`, span, note: extra ? `${note}: ${extra}` : note });
  return {
    family: `torchtitan ${name} ${flavor}`,
    hidden: from(spec.dim, 'dim'),
    layers: from(spec.layers, 'n_layers'),
    heads: from(spec.heads, 'n_heads'),
    kvHeads: from(spec.kvHeads, 'n_kv_heads'),
    headDim: spec.headDim ? from(spec.headDim, 'head_dim') : undefined,
    ffn: from(spec.ffn, 'FeedForward hidden_dim', spec.ffnNote),
    vocab: from(spec.vocab, 'vocab_size'),
    gated: fact(true, 'catalog', { span, note: 'torchtitan FeedForward: w1, w2, w3 (SwiGLU)' }),
    tied: fact(spec.tied, 'catalog', { span, note: spec.tied ? 'enable_weight_tying: output shares tok_embeddings' : 'separate tok_embeddings and output' }),
    attentionBias: 'none',
    mlpBias: false,
    norm: 'rms',
    normsPerLayer: 2,
    qkNorm: spec.qkNorm ? 2 * (spec.headDim ?? spec.dim / spec.heads) : 0,
    moe: spec.moe
      ? {
          experts: from(spec.moe.experts, 'num_experts'),
          topK: from(spec.moe.topK, 'top_k'),
          ffn: from(spec.moe.ffn, 'expert hidden_dim'),
          sharedFfn: spec.moe.sharedFfn ? from(spec.moe.sharedFfn, 'shared expert hidden_dim') : undefined,
          moeLayers: spec.moe.moeLayers ?? spec.layers,
        }
      : undefined,
    keyNames: { hidden: 'model.flavor', layers: 'model.flavor', heads: 'model.flavor' },
  };
}

/** A `[section] key` as a count, or torchtitan's default for it (labelled as assumed). */
function setting(view: ConfigView, path: readonly string[], what: string, fallback: number | undefined, located = view.at(path)): Fact | undefined {
  if (located) return view.count(located, what, { integer: true, positive: true });
  return fallback === undefined ? undefined : fact(fallback, 'assumed', { note: `torchtitan's default ${path.join('.')}` });
}

/** A parallelism degree: `[parallelism]` today; `[training]` and `[experimental]` in 2024's configs. */
function degreeKey(view: ConfigView, key: string): Located | undefined {
  return view.at(['parallelism', key]) ?? view.at(['training', key]) ?? view.at(['experimental', key]);
}

function readTitanTokens(view: ConfigView, context: ReadContext): TokenResult | undefined {
  if (userFact(context.facts, 'tokens')) return undefined;
  const stepsKey = view.at(['training', 'steps']);
  if (!stepsKey) return { factors: [] };
  const anchor = stepsKey.entry.keySpan;
  const steps = view.count(stepsKey, 'a number of steps', { integer: true, positive: true });
  const seq = setting(view, ['training', 'seq_len'], 'a sequence length', DEFAULTS.seq_len);
  if (!steps || !seq) return { factors: [], anchor };
  const degree = (key: keyof typeof DEFAULTS) =>
    setting(view, ['parallelism', key], `a ${key.replace(/_/g, ' ')}`, DEFAULTS[key], degreeKey(view, key))?.value ?? 1;
  const [tp, pp, cp] = [degree('tensor_parallel_degree'), degree('pipeline_parallel_degree'), degree('context_parallel_degree')];
  const dataset = view.text(view.at(['training', 'dataset']));
  const tail = `${tp > 1 || pp > 1 || cp > 1 ? ` (tensor ${tp}, pipeline ${pp}, context ${cp} parallel)` : ''}${dataset ? `; dataset ${dataset.slice(0, 60)}` : ''}`;

  // training.global_batch_size: -1 (the default) means local_batch_size × data-parallel degree.
  const globalKey = view.at(['training', 'global_batch_size']);
  const globalValue = view.value(globalKey);
  const global =
    globalKey && !(typeof globalValue === 'number' && globalValue < 0) && globalValue !== '-1'
      ? view.count(globalKey, 'a global batch size', { integer: true, positive: true })
      : undefined;
  if (global) {
    const perStep = global.value * seq.value;
    return result(
      steps,
      stepsKey,
      perStep,
      `${fmt(steps.value)} steps × ${fmt(global.value)} global batch × ${fmt(seq.value)} tokens${tail}`,
      [steps, global, seq],
      anchor,
    );
  }
  const localKey = view.at(['training', 'local_batch_size']) ?? view.at(['training', 'batch_size']);
  const local = localKey
    ? view.count(localKey, 'a batch size per data-parallel rank', { integer: true, positive: true })
    : fact(DEFAULTS.local_batch_size, 'assumed', { note: "torchtitan's default training.local_batch_size" });
  if (!local) return { factors: [], anchor };
  const replicate = degree('data_parallel_replicate_degree');
  const shardKey = degreeKey(view, 'data_parallel_shard_degree');
  const shardValue = shardKey ? view.value(shardKey) : DEFAULTS.data_parallel_shard_degree;
  let shard: number;
  let shardNote: string;
  if (shardValue === -1 || shardValue === '-1') {
    // parallel_dims.py: dp_shard = world_size // (dp_replicate × cp × tp × pp).
    const gpus = userFact(context.facts, 'gpus');
    if (!gpus) {
      context.findings.push({
        severity: 'warning',
        code: 'missing-data-parallel',
        span: spanOfEntry(shardKey?.entry ?? localKey?.entry ?? stepsKey.entry),
        message: `data_parallel_shard_degree = -1 takes every GPU the other degrees leave, and the number of GPUs is not in the file, so the tokens per step are unknown. Add it with a \`# compute-budget: gpus=…\` comment (shard degree = gpus ÷ (replicate ${replicate} × context ${cp} × tensor ${tp} × pipeline ${pp})).`,
        fixes: [ADD_GPUS_FIX],
      });
      return { factors: [], anchor };
    }
    shard = Math.max(1, Math.floor(gpus.value / (replicate * cp * tp * pp)));
    shardNote = `shard ${fmt(shard)} = ${fmt(gpus.value)} GPUs ÷ (${replicate} × context ${cp} × tensor ${tp} × pipeline ${pp})`;
  } else {
    const counted = shardKey ? view.count(shardKey, 'a data-parallel shard degree', { integer: true, positive: true }) : undefined;
    if (!counted) return { factors: [], anchor };
    shard = counted.value;
    shardNote = `shard ${fmt(shard)}`;
  }
  const dp = fact(replicate * shard, 'derived', { note: `data-parallel degree: replicate ${replicate} × ${shardNote}` });
  const perStep = local.value * dp.value * seq.value;
  return result(
    steps,
    stepsKey,
    perStep,
    `${fmt(steps.value)} steps × ${fmt(local.value)} local batch × ${fmt(dp.value)} data-parallel (replicate ${replicate} × ${shardNote}) × ${fmt(seq.value)} tokens${tail}`,
    [steps, local, dp, seq],
    anchor,
  );
}

function result(steps: Fact, stepsKey: Located, perStep: number, derivation: string, factors: Fact[], anchor: TokenResult['anchor']): TokenResult {
  const node = stepsKey.entry.value;
  const plain = node.kind === 'scalar' && typeof node.value === 'number';
  return {
    tokens: fact(steps.value * perStep, 'derived'),
    derivation,
    factors,
    anchor,
    setting: plain ? { span: node.span, kind: 'steps', tokensPerStep: perStep, suffix: '', magnitude: false } : undefined,
  };
}
