import type { Finding } from '../../analysis/findings';
import { fact, type Fact } from '../../source/fact';
import { spanOfEntry, type ConfigView, type FindOptions, type Located } from '../../source/view';
import type { Draft } from '../../architecture/assemble';
import type { LatentAttention } from '../../architecture/latentAttention';
import { count, derived } from './readerHelpers';
import { evaluateLayerPattern } from './layerPattern';
import { maxOf } from '../../numbers/extent';

/**
 * The mixture-of-experts, latent-attention and multi-token-prediction flags of Megatron-LM and of
 * its Megatron-DeepSpeed fork, which spell MoE differently and default differently:
 *
 * - Megatron-LM (NVIDIA/Megatron-LM@d98e8a64ddf34856e74b24714e3bedb2f5a39553,
 *   megatron/training/arguments.py and megatron/core/transformer/transformer_config.py):
 *   `--num-experts E` on every layer unless `--moe-layer-freq` (an interval N, layer i is MoE when
 *   i % N == 0, or a list pattern such as "([0]*3+[1]*58)", gpt_layer_specs.py), top-k from
 *   `--moe-router-topk` (default 2), `--moe-shared-expert-intermediate-size`,
 *   `--multi-latent-attention` with `--q-lora-rank` (default none), `--kv-lora-rank` (32),
 *   `--qk-head-dim` (128), `--qk-pos-emb-head-dim` (64), `--v-head-dim` (128), and
 *   `--mtp-num-layers` extra prediction layers (multi_token_prediction.py).
 * - Megatron-DeepSpeed (microsoft/Megatron-DeepSpeed@f4157bea69f3df8c6cb66f2ebcda66ba03d1288e,
 *   megatron/arguments.py): `--num-experts` is a list (default [1]), one value for all expert
 *   layers or one per expert layer (PR-MoE's pyramid); experts sit on every `--expert-interval`-th
 *   layer (default 2, `get_num_experts_per_layer` in megatron/model/transformer.py: layer n,
 *   counted from 1, when n % interval == 0); `--topk` defaults to 1; `--mlp-type residual` keeps a
 *   dense MLP beside the experts mixed by a Linear(h, 2) coefficient (DeepSpeed's MoE layer,
 *   `use_residual`); `--num-key-value-heads` turns on grouped-query attention without a second flag.
 */

/** Flags only the Megatron-DeepSpeed fork (or DeepSpeed's launcher) gives a training command. */
const FORK_ONLY = [
  'deepspeed',
  'deepspeed_config',
  'zero_stage',
  'topk',
  'expert_interval',
  'mlp_type',
  'num_key_value_heads',
  'train_tokens',
  'moe_expert_parallel_size',
];

export function isMegatronDeepSpeed(view: ConfigView, under: FindOptions): boolean {
  if (FORK_ONLY.some((name) => view.find([name], under) !== undefined)) return true;
  return view.find(['num_experts'], under)?.entry.value.kind === 'seq';
}

/** Every value of a flag that takes several (`--num-experts 32 64`), each checked as a count. */
function counts(view: ConfigView, located: Located | undefined, what: string): Fact[] | undefined {
  if (!located) return undefined;
  const node = located.entry.value;
  const items = node.kind === 'seq' ? node.items : [node];
  const read = items.map((item) => view.count({ path: located.path, entry: { ...located.entry, value: item } }, what, { integer: true, positive: true }));
  return read.every((item): item is Fact => item !== undefined) ? read : undefined;
}

type Moe = NonNullable<Draft['moe']>;

/** The fork's MoE: expert lists, `--expert-interval`, `--topk`, residual (PR-MoE) layers. */
export function readDeepSpeedMoe(view: ConfigView, layers: Fact | undefined, under: FindOptions, findings: Finding[]): Moe | undefined {
  const expertsKey = view.find(['num_experts'], under);
  const experts = counts(view, expertsKey, 'a number of experts');
  if (!experts || !expertsKey || experts.every((item) => item.value <= 1)) return undefined;
  const interval =
    count(view, ['expert_interval'], 'an expert-layer interval', under) ??
    derived(2, 'experts on every 2nd layer (Megatron-DeepSpeed default --expert-interval 2)');
  const L = layers?.value;
  if (L === undefined) return { experts: experts[0] };
  const expertLayers = Math.floor(L / interval.value);
  if (experts.length !== 1 && experts.length !== expertLayers) {
    // get_num_experts_per_layer asserts this before the model is built.
    findings.push({
      severity: 'error',
      code: 'conflicting-flags',
      span: spanOfEntry(expertsKey.entry),
      message: `Megatron-DeepSpeed requires --${expertsKey.entry.key} to give one value or one per expert layer (${L} layers ÷ --expert-interval ${interval.value} = ${expertLayers}), not ${experts.length} ("num_experts must be either a single value or a list of the same length as the number of MoE layers"). The run stops before training, so the experts are not counted.`,
    });
    return undefined;
  }
  // A layer given one expert is a dense layer (ParallelTransformerLayer builds ParallelMLP for it).
  const perLayer = (experts.length === 1 ? Array.from({ length: expertLayers }, () => experts[0].value) : experts.map((item) => item.value)).filter(
    (value) => value > 1,
  );
  const most = maxOf(perLayer);
  const source = experts.find((item) => item.value === most)!;
  const uniform = perLayer.every((value) => value === most);
  return {
    experts: uniform ? source : fact(most, 'config', { key: source.key, span: source.span, note: `experts per expert layer: ${perLayer.join(', ')}` }),
    expertsPerLayer: uniform ? undefined : perLayer,
    topK: count(view, ['topk'], 'a number of experts per token', under) ?? derived(1, 'top-1 routing (Megatron-DeepSpeed default --topk 1)'),
    moeLayers: perLayer.length,
    residual: view.text(view.find(['mlp_type'], under))?.toLowerCase() === 'residual',
  };
}

/** Megatron-LM's MoE: `--num-experts`, `--moe-layer-freq`, `--moe-router-topk`, shared experts. */
export function readMegatronLmMoe(
  view: ConfigView,
  layers: Fact | undefined,
  under: FindOptions,
  expertsKey: readonly string[],
  findings: Finding[],
): Moe | undefined {
  const experts = count(view, expertsKey, 'a number of experts', under);
  if (!experts) return undefined;
  return {
    experts,
    topK: count(view, ['moe_router_topk'], 'a number of experts per token', under) ?? derived(2, 'top-2 routing (Megatron-LM default --moe-router-topk 2)'),
    ffn: count(view, ['moe_ffn_hidden_size'], 'an expert MLP width', under),
    sharedFfn: count(view, ['moe_shared_expert_intermediate_size'], 'a shared-expert MLP width', under),
    moeLayers: layers ? moeLayerCount(view, layers.value, under, findings) : undefined,
    routerBias: view.flag(view.find(['moe_router_enable_expert_bias'], under)) === true || undefined,
  };
}

/** How many of `layers` carry experts under `--moe-layer-freq` (gpt_layer_specs.py). */
function moeLayerCount(view: ConfigView, layers: number, under: FindOptions, findings: Finding[]): number | undefined {
  const located = view.find(['moe_layer_freq'], under);
  const written = view.text(located)?.trim();
  if (!located || written === undefined || written === '') return undefined;
  if (/^\d+$/.test(written)) {
    const every = Number(written);
    // Layers 0, N, 2N, … (counted from 0) are MoE layers.
    return every > 0 ? Math.ceil(layers / every) : undefined;
  }
  const pattern = evaluateLayerPattern(written);
  if (!pattern) {
    findings.push({
      severity: 'information',
      code: 'unresolved-interpolation',
      span: spanOfEntry(located.entry),
      message: `--${located.entry.key}: the pattern is not one this reader can follow (lists of 0 and 1 joined by + and *), so every layer is counted as an MoE layer.`,
    });
    return undefined;
  }
  if (pattern.length !== layers) {
    // gpt_layer_specs.py asserts the pattern has one entry per layer.
    findings.push({
      severity: 'error',
      code: 'conflicting-flags',
      span: spanOfEntry(located.entry),
      message: `Megatron-LM requires --${located.entry.key}'s pattern to have one entry per layer: it has ${pattern.length} for ${layers} layers ("Invalid length of moe_layer_pattern"). The run stops before training.`,
    });
    return undefined;
  }
  return pattern.filter((value) => value === 1).length;
}

/**
 * `--multi-latent-attention` and its ranks, with Megatron-LM's defaults for those not written.
 * MLASelfAttention (megatron/core/transformer/multi_latent_attention.py) builds the q and kv
 * projections without bias and the output projection with `add_bias_linear`; the q and kv norms
 * exist only with `--qk-layernorm` (gpt_layer_specs.py fuses them into the up-projections).
 */
export function readMegatronLatentAttention(view: ConfigView, under: FindOptions, bias: boolean, rmsNorm: boolean): LatentAttention | undefined {
  if (view.flag(view.find(['multi_latent_attention'], under)) !== true) return undefined;
  const rank = (names: string[], what: string, fallback: number, flag: string) =>
    count(view, names, what, under) ?? derived(fallback, `${fallback} (Megatron-LM default ${flag})`);
  return {
    qLoraRank: count(view, ['q_lora_rank'], 'a query compression rank', under),
    kvLoraRank: rank(['kv_lora_rank'], 'a key/value compression rank', 32, '--kv-lora-rank'),
    qkNopeHeadDim: rank(['qk_head_dim'], 'a query/key head size', 128, '--qk-head-dim'),
    qkRopeHeadDim: rank(['qk_pos_emb_head_dim'], 'a rotary head size', 64, '--qk-pos-emb-head-dim'),
    vHeadDim: rank(['v_head_dim'], 'a value head size', 128, '--v-head-dim'),
    bias,
    outputBiasOnly: true,
    normFactor: view.flag(view.find(['qk_layernorm'], under)) !== true ? 0 : rmsNorm ? 1 : 2,
  };
}

/** `--mtp-num-layers`: extra prediction layers, each a transformer layer with its own norms and projection. */
export function readMtpLayers(view: ConfigView, under: FindOptions): Fact | undefined {
  return count(view, ['mtp_num_layers'], 'a number of prediction layers', under);
}
