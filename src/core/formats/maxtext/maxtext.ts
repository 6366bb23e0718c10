import type { LocalAttention } from '../../architecture/architecture';
import type { Draft } from '../../architecture/assemble';
import type { LatentAttention } from '../../architecture/latentAttention';
import { userFact } from '../../source/directives';
import { fact, type Fact } from '../../source/fact';
import { getEntry, type ConfigNode, type MapEntry, type MapNode, type Span } from '../../source/tree';
import { dotted, spanOfEntry, type ConfigView, type Located } from '../../source/view';
import type { TokenResult } from '../../training/tokens';
import { insideInclude, overlay, readReferenced, type Referenced } from '../../resources/include';
import { resolveReference } from '../../resources/resources';
import { COMMON_TRAINING, has, tally, type FrameworkModule, type ReadContext } from '../format';
import { MAXTEXT_BASE_DEFAULTS, MAXTEXT_COMMIT, MAXTEXT_PRESETS, type PresetKey, type PresetValue } from './presets';

/** Keys only MaxText writes (its `configs/base.yml` names). */
const SIGNATURE = [
  'base_emb_dim',
  'base_num_decoder_layers',
  'base_num_query_heads',
  'per_device_batch_size',
  'max_target_length',
  'decoder_block',
  'logits_via_embedding',
  'ici_fsdp_parallelism',
];

/** Where a value came from when it is not written in the file itself: a base file, base.yml's built-in defaults, a preset. */
const PROVENANCE = new WeakMap<ConfigNode, { origin: Fact['origin']; note: string }>();

const short = MAXTEXT_COMMIT.slice(0, 7);

/**
 * MaxText (AI-Hypercomputer/maxtext, formerly google/maxtext): flat YAML over `configs/base.yml`
 * through `base_config:`, a `model_name` preset loaded from `configs/models/<model_name>.yml`
 * over both, dimensions scaled by `global_parameter_scale`, and a global batch of
 * `per_device_batch_size` × devices × `gradient_accumulation_steps` (pyconfig.py, types.py).
 */
export const maxtext: FrameworkModule = {
  id: 'maxtext',
  name: 'MaxText',
  syntaxes: ['yaml'],
  detect: (root) => (has(root, 'base_config') && tally(root, [...SIGNATURE, 'model_name']) > 0 ? 10 : tally(root, SIGNATURE) >= 2 ? 9 : 0),
  expand: (root, context) => withPreset(inherit(root, context), context),
  readArchitecture: (view, context) => readMaxtextModel(view, context),
  training: {
    ...COMMON_TRAINING,
    steps: ['steps'],
    microBatch: ['per_device_batch_size'],
    globalBatch: [],
    sequence: ['max_target_length'],
    tensorParallel: [],
    pipelineParallel: [],
  },
  readTokens: (view, context) => readMaxtextTokens(view, context),
  modelNameKeys: ['model_name'],
};

function mark(node: ConfigNode, origin: Fact['origin'], note: string): void {
  if (PROVENANCE.has(node)) return;
  PROVENANCE.set(node, { origin, note });
  if (node.kind === 'map') for (const entry of node.entries) mark(entry.value, origin, note);
  else if (node.kind === 'seq') for (const item of node.items) mark(item, origin, note);
}

/** A tree of built-in values, every span at `at`, labelled with where the values come from. */
function builtIn(values: Readonly<Record<string, PresetKey>>, at: Span, origin: Fact['origin'], source: string): MapNode {
  const node = (value: PresetValue): ConfigNode =>
    Array.isArray(value) ? { kind: 'seq', items: value.map(node), span: at } : { kind: 'scalar', value: value as string | number | boolean, span: at };
  const entries: MapEntry[] = Object.entries(values).map(([key, { value, line }]) => {
    const child = node(value);
    mark(child, origin, `${source} line ${line} (built in, maxtext@${short})`);
    return { key, keySpan: at, value: child };
  });
  return { kind: 'map', entries, span: at };
}

/** `base_config:` chains, as pyconfig's `_load_config` merges them: each file over its base. */
function inherit(root: MapNode, context: ReadContext): MapNode {
  const entry = getEntry(root, 'base_config');
  const reference = entry?.value.kind === 'scalar' && typeof entry.value.value === 'string' ? entry.value.value.trim() : '';
  if (!entry || !reference) return root;
  const at = spanOfEntry(entry);
  const base = readBase(reference, at, context);
  if (base.ok) {
    if (base.root.kind !== 'map') return root;
    mark(base.root, 'config', `inherited from ${base.path}`);
    return overlay(inherit(base.root, insideInclude(context, base.path)), root);
  }
  if (base.why === 'cycle' || base.why === 'too-deep') return root;
  // Every MaxText config ends at base.yml: its defaults stand in for the file not at hand.
  const defaults = builtIn(MAXTEXT_BASE_DEFAULTS, at, 'assumed', 'MaxText configs/base.yml');
  const used = Object.keys(MAXTEXT_BASE_DEFAULTS).filter((key) => !/^(ici|dcn)_/.test(key) && !getEntry(root, key));
  if (base.why !== 'pending') {
    context.findings.push({
      severity: 'information',
      code: 'assumed-value',
      span: at,
      message: `MaxText's own base.yml defaults (built in, maxtext@${short}) stand in for "${reference.slice(0, 80)}": ${used.join(', ')}.`,
    });
  }
  return overlay(defaults, root);
}

/** MaxText looks beside the config first, then in its `configs/` folder (`MAXTEXT_CONFIGS_DIR`). */
function readBase(reference: string, at: Span, context: ReadContext): Referenced {
  const from = context.includeChain?.[context.includeChain.length - 1] ?? context.fileName;
  const directory = from.slice(0, from.lastIndexOf('/') + 1);
  const configs = from.lastIndexOf('/configs/');
  const relative = !reference.startsWith('/') && !/^[a-z][a-z0-9+.-]*:\/\//i.test(reference);
  if (relative && configs >= 0) {
    const configsDir = from.slice(0, configs + '/configs/'.length);
    const levels = directory.slice(configsDir.length).split('/').length - 1;
    if (levels > 0 && context.lookups.file(resolveReference(from, reference)) === null)
      return readReferenced('../'.repeat(levels) + reference, at, context, 'base_config');
  }
  return readReferenced(reference, at, context, 'base_config');
}

/** `models/<model_name>.yml` over the merged config, as pyconfig does (the preset wins). */
function withPreset(tree: MapNode, context: ReadContext): MapNode {
  const entry = getEntry(tree, 'model_name');
  const name = presetName(entry?.value.kind === 'scalar' ? entry.value.value : undefined);
  const preset = name ? MAXTEXT_PRESETS[name] : undefined;
  if (!entry || !preset) return tree;
  for (const [key, { value }] of Object.entries(preset)) {
    const own = getEntry(tree, key);
    if (!own || PROVENANCE.has(own.value) || own.value.kind !== 'scalar' || String(own.value.value) === String(value)) continue;
    context.findings.push({
      severity: 'information',
      code: 'assumed-value',
      span: spanOfEntry(own),
      message: `MaxText loads configs/models/${name}.yml over this file, so ${key} is ${String(value)}, not ${String(own.value.value)}.`,
    });
  }
  return overlay(tree, builtIn(preset, entry.keySpan, 'catalog', `MaxText configs/models/${name}.yml`));
}

function presetName(value: unknown): string | undefined {
  return typeof value === 'string' && value !== 'default' ? value.replace('-Instruct', '') : undefined;
}

/** A fact labelled with where its value came from when the file does not write it. */
function labelled<T>(item: Fact<T> | undefined, located: Located | undefined): Fact<T> | undefined {
  const provenance = located && PROVENANCE.get(located.entry.value);
  return item && provenance ? { ...item, origin: provenance.origin, note: provenance.note } : item;
}

function number(
  view: ConfigView,
  key: string,
  what: string,
  options: { integer?: boolean; positive?: boolean } = { integer: true, positive: true },
): Fact | undefined {
  const located = view.at([key]);
  return labelled(view.count(located, what, options), located);
}

/** pyconfig's `get_individual_scales`: head, MLP, embedding and layer doublings for a power-of-two scale. */
function scales(scale: number): { emb: number; heads: number; mlp: number; layers: number } {
  const log = Math.round(Math.log2(scale));
  const base = Math.floor(log / 3);
  const rem = log % 3;
  return { heads: 2 ** (base + (rem > 0 ? 1 : 0)), mlp: 2 ** (base + (rem > 0 ? 1 : 0)), emb: 2 ** (base + (rem > 1 ? 1 : 0)), layers: 2 ** base };
}

const SUPPORTED_BLOCKS = new Set(['llama2', 'mistral', 'mixtral', 'gemma', 'gemma2', 'gemma3', 'default', 'qwen3', 'qwen3_moe', 'deepseek']);

function readMaxtextModel(view: ConfigView, context: ReadContext): Draft | undefined {
  const name = presetName(view.text(view.at(['model_name'])));
  if (name && !MAXTEXT_PRESETS[name]) return undefined; // read as a named model (catalog) instead
  const scaleKey = view.at(['global_parameter_scale']);
  const scale = view.count(scaleKey, 'a power-of-two scale', { integer: true, positive: true })?.value ?? 1;
  if (scaleKey && !Number.isInteger(Math.log2(scale)))
    view.report(scaleKey, 'error', 'invalid-number', `${dotted(scaleKey)}: ${scale} is not a power of two, which MaxText requires.`);
  const factor = scales(Number.isInteger(Math.log2(scale)) ? scale : 1);
  const scaled = (item: Fact | undefined, times: number, key: string): Fact | undefined =>
    item && times !== 1
      ? fact(item.value * times, 'derived', { key: item.key, span: item.span, note: `${key} ${item.value} × ${times} (global_parameter_scale ${scale})` })
      : item;

  const block = (view.text(view.at(['decoder_block'])) ?? 'llama2').toLowerCase();
  const blockSpan = view.at(['decoder_block'])?.entry.keySpan;
  if (!SUPPORTED_BLOCKS.has(block)) {
    context.findings.push({
      severity: 'information',
      code: 'assumed-value',
      span: blockSpan ?? { start: 0, end: 0 },
      message: `MaxText decoder_block "${block.slice(0, 40)}" is counted as a llama2 block (attention, MLP, two RMSNorms); parts only that block has are not counted.`,
    });
  }
  const pairs = block === 'gemma2'; // each scanned Gemma 2 layer holds a local and a global attention layer
  let layers = scaled(number(view, 'base_num_decoder_layers', 'a number of decoder layers'), factor.layers, 'base_num_decoder_layers');
  if (layers && pairs)
    layers = fact(layers.value * 2, 'derived', {
      key: layers.key,
      span: layers.span,
      note: `${layers.value} Gemma 2 decoder layers, each a local and a global layer`,
    });
  const mlp = scaled(number(view, 'base_mlp_dim', 'an MLP width'), factor.mlp, 'base_mlp_dim');
  const activations = view.at(['mlp_activations']);
  const list = activations?.entry.value;
  const gated = fact(list?.kind === 'seq' ? list.items.length > 1 : true, list?.kind === 'seq' ? 'config' : 'assumed', {
    key: 'mlp_activations',
    span: activations?.entry.keySpan,
    note: 'two activations (e.g. ["silu","linear"]) make a gated MLP',
  });
  const tiedKey = view.at(['logits_via_embedding']);
  const tiedFlag = view.flag(tiedKey);
  const tied = labelled(
    fact(tiedFlag ?? false, tiedFlag === undefined ? 'assumed' : 'config', {
      key: 'logits_via_embedding',
      span: tiedKey?.entry.keySpan,
      note: tiedFlag === undefined ? 'MaxText default: a separate output layer' : undefined,
    }),
    tiedKey,
  )!;
  const experts = number(view, 'num_experts', 'a number of experts');
  const moeMlp = view.at(['base_moe_mlp_dim']);
  const moeWidth =
    experts && experts.value > 1 && String(view.value(moeMlp)) !== '-1'
      ? scaled(labelled(view.count(moeMlp, 'an expert MLP width', { integer: true, positive: true }), moeMlp), factor.mlp, 'base_moe_mlp_dim')
      : undefined;
  const gemma3 = block === 'gemma3';
  const postNormed = pairs || gemma3;
  const postNorms = (postNormed && view.flag(view.at(['use_post_attn_norm'])) ? 1 : 0) + (postNormed && view.flag(view.at(['use_post_ffw_norm'])) ? 1 : 0);
  const headDim = number(view, 'head_dim', 'a head size');
  const hidden = scaled(number(view, 'base_emb_dim', 'an embedding size'), factor.emb, 'base_emb_dim');
  const heads = scaled(number(view, 'base_num_query_heads', 'a number of query heads'), factor.heads, 'base_num_query_heads');
  // Qwen3 and Gemma 3 blocks norm queries and keys per head (2 × head_dim per layer; gemma3.py `use_qk_norm=True`).
  const qkNorm = block === 'qwen3' || block === 'qwen3_moe' || gemma3 ? 2 * (headDim?.value ?? (hidden && heads ? hidden.value / heads.value : 0)) : 0;
  const dense = block === 'deepseek' ? (view.count(view.at(['first_num_dense_layers']), 'a number of dense layers', { integer: true })?.value ?? 0) : 0;
  const expertWidth = moeWidth ?? mlp;
  const shared = block === 'deepseek' ? (view.count(view.at(['shared_experts']), 'a number of shared experts', { integer: true })?.value ?? 0) : 0;
  return {
    family: `MaxText ${block}`,
    hidden,
    layers,
    heads,
    kvHeads: scaled(number(view, 'base_num_kv_heads', 'a number of key/value heads'), factor.heads, 'base_num_kv_heads'),
    headDim,
    qkNorm,
    latentAttention: block === 'deepseek' && view.text(view.at(['attention_type'])) === 'mla' ? latentAttention(view) : undefined,
    ffn: mlp,
    vocab: number(view, 'vocab_size', 'a vocabulary size'),
    gated,
    tied,
    attentionBias: 'none',
    mlpBias: false,
    norm: 'rms',
    normsPerLayer: 2 + postNorms,
    moe:
      experts && experts.value > 1
        ? {
            experts,
            topK: number(view, 'num_experts_per_tok', 'a number of experts per token'),
            ffn: moeWidth ?? mlp,
            // DeepSeek blocks: the first layers are dense, shared experts sit beside the routed ones.
            moeLayers: layers ? layers.value - dense : undefined,
            sharedFfn:
              shared > 0 && expertWidth ? fact(shared * expertWidth.value, 'derived', { note: `${shared} shared experts × ${expertWidth.value}` }) : undefined,
            routerBias: view.flag(view.at(['routed_bias'])) === true,
          }
        : undefined,
    // gemma2.py: each scanned layer is a LOCAL_SLIDING attention with `sliding_window_size`, then a
    // GLOBAL one; the llama2, mistral and other blocks build global attention whatever `attention_type` says.
    localAttention: pairs && layers ? gemma2Windows(view, layers.value) : gemma3 && layers ? gemma3Windows(view, layers.value) : undefined,
    keyNames: { hidden: 'base_emb_dim', layers: 'base_num_decoder_layers', heads: 'base_num_query_heads', ffn: 'base_mlp_dim', vocab: 'vocab_size' },
  };
}

/** MaxText's multi-head latent attention keys; `q_lora_rank: 0` is one full query projection. */
function latentAttention(view: ConfigView): LatentAttention | undefined {
  const rank = (key: string) => view.count(view.at([key]), 'a rank or head size', { integer: true });
  const kvLoraRank = rank('kv_lora_rank');
  const qkNopeHeadDim = rank('qk_nope_head_dim');
  const qkRopeHeadDim = rank('qk_rope_head_dim');
  const vHeadDim = rank('v_head_dim');
  if (!kvLoraRank || !qkNopeHeadDim || !qkRopeHeadDim || !vHeadDim) return undefined;
  const qLoraRank = rank('q_lora_rank');
  return { kvLoraRank, qkNopeHeadDim, qkRopeHeadDim, vHeadDim, qLoraRank: qLoraRank && qLoraRank.value > 0 ? qLoraRank : undefined, bias: false };
}

const fmt = (value: number) => value.toLocaleString('en-US');

/** Devices from a `gpus` fact, or the product of every ici_/dcn_ parallelism when none is -1 (auto). */
function devices(view: ConfigView, context: ReadContext): Fact | undefined {
  const gpus = userFact(context.facts, 'gpus');
  if (gpus) return fact(gpus.value, 'user', { span: gpus.span, note: 'compute-budget: gpus=' });
  const root = view.root;
  if (root?.kind !== 'map') return undefined;
  let product = 1;
  const named: string[] = [];
  for (const entry of root.entries) {
    if (!/^(ici|dcn)_\w+_parallelism$/.test(entry.key)) continue;
    const value = entry.value.kind === 'scalar' ? Number(entry.value.value) : NaN;
    if (!Number.isInteger(value) || value < 1) return undefined; // -1: filled in at run time from the devices found
    product *= value;
    if (value > 1) named.push(`${entry.key} ${value}`);
  }
  return fact(product, 'derived', { note: named.length > 0 ? named.join(' × ') : 'every ici_/dcn_ parallelism is 1' });
}

function readMaxtextTokens(view: ConfigView, context: ReadContext): TokenResult | undefined {
  if (userFact(context.facts, 'tokens')) return undefined;
  let stepsKey = view.at(['steps']);
  if (stepsKey && String(view.value(stepsKey)) === '-1') stepsKey = view.at(['learning_rate_schedule_steps']);
  const steps = labelled(view.count(stepsKey, 'a number of steps', { integer: true, positive: true }), stepsKey);
  if (!steps || !stepsKey) return { factors: [] };
  const perDeviceKey = view.at(['per_device_batch_size']);
  const perDevice = labelled(view.count(perDeviceKey, 'a batch size per device', { positive: true }), perDeviceKey);
  const accumulation =
    number(view, 'gradient_accumulation_steps', 'a number of accumulation steps') ?? fact(1, 'assumed', { note: 'no gradient accumulation' });
  const sequence = number(view, 'max_target_length', 'a sequence length');
  const anchor = stepsKey.entry.keySpan;
  if (!perDevice || !perDeviceKey || !sequence) return { factors: [], anchor };
  const count = devices(view, context);
  if (!count) {
    context.findings.push({
      severity: 'warning',
      code: 'missing-data-parallel',
      span: spanOfEntry(perDeviceKey.entry),
      message: `per_device_batch_size is per device, and the number of devices is not fixed by the file (an ici_/dcn_ parallelism of -1 is filled in at run time), so the tokens per step are unknown. Add it with a \`# compute-budget: gpus=…\` comment.`,
      fixes: [{ kind: 'add-fact', fact: 'gpus', title: 'Add the number of devices (compute-budget comment)' }],
    });
    return { factors: [], anchor };
  }
  const batch = Math.floor(count.value * perDevice.value);
  const tokensPerStep = batch * accumulation.value * sequence.value;
  const node = stepsKey.entry.value;
  const own = !PROVENANCE.has(node) && node.kind === 'scalar' && typeof node.value === 'number';
  return {
    tokens: fact(steps.value * tokensPerStep, 'derived'),
    derivation: `${fmt(steps.value)} steps × ${fmt(count.value)} devices × ${fmt(perDevice.value)} per device × ${fmt(accumulation.value)} accumulation × ${fmt(sequence.value)} tokens`,
    factors: [steps, count, perDevice, accumulation, sequence],
    anchor,
    setting: own ? { span: node.span, kind: 'steps', tokensPerStep, suffix: '', magnitude: false } : undefined,
  };
}

/**
 * Gemma 3's interleave: five LOCAL_SLIDING layers, then one GLOBAL, by layer index
 * (AI-Hypercomputer/maxtext@e591f30c src/maxtext/models/gemma3.py:37-49, `GEMMA3_ATTENTION_PATTERN`,
 * `get_attention_type(layer_id)`); `base_num_decoder_layers` counts every layer.
 */
function gemma3Windows(view: ConfigView, layers: number): LocalAttention | undefined {
  const size = labelled(number(view, 'sliding_window_size', 'a sliding window'), view.at(['sliding_window_size']));
  if (!size) return undefined;
  return { kind: 'sliding', size, layers: Array.from({ length: layers }, (_, i) => i % 6 !== 5), layout: 'gemma3 block: five local layers, then one global' };
}

/** Gemma 2's local layers (the first of each pair), when `sliding_window_size` is set. */
function gemma2Windows(view: ConfigView, layers: number): LocalAttention | undefined {
  const size = labelled(number(view, 'sliding_window_size', 'a sliding window'), view.at(['sliding_window_size']));
  if (!size) return undefined;
  return { kind: 'sliding', size, layers: Array.from({ length: layers }, (_, i) => i % 2 === 0), layout: 'gemma2 block: local, then global' };
}
