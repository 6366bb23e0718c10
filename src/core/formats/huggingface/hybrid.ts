import { fact, type Fact } from '../../source/fact';
import type { ConfigView, FindOptions } from '../../source/view';
import type { LayerStack } from '../../architecture/architecture';
import type { MambaMixer } from '../../architecture/mamba';
import { count, derived, textOf } from '../shared/readerHelpers';

/** What a hybrid family's keys say about its layers; `moeLayers` overrides the generic MoE reading. */
export interface HybridLayout {
  readonly stack: LayerStack;
  readonly moeLayers?: number;
}

/** Layers `i` of `0 … layers-1` with `i % period === offset`, as Jamba's config lays them out. */
function periodic(layers: number, period: number, offset: number): number {
  let found = 0;
  for (let i = 0; i < layers; i++) if (i % period === offset) found++;
  return found;
}

function countOr(view: ConfigView, names: readonly string[], what: string, fallback: number, why: string, options: FindOptions): Fact {
  return count(view, names, what, options) ?? fact(fallback, 'assumed', { note: why });
}

function flag(view: ConfigView, name: string, fallback: boolean, options: FindOptions): boolean {
  return view.flag(view.find([name], options)) ?? fallback;
}

/**
 * Jamba (`modeling_jamba.py`): layer i holds attention when i % attn_layer_period == attn_layer_offset,
 * a Mamba mixer otherwise; its feed-forward is the MoE block when i % expert_layer_period ==
 * expert_layer_offset, a dense MLP otherwise. Defaults are JambaConfig's.
 */
export function readJamba(view: ConfigView, hidden: number, layers: number, options: FindOptions): HybridLayout {
  const attnPeriod = countOr(view, ['attn_layer_period'], 'an attention layer period', 8, 'JambaConfig default attn_layer_period 8', options).value;
  const attnOffset = view.count(view.find(['attn_layer_offset'], options), 'an attention layer offset', { integer: true })?.value ?? 4;
  const expertPeriod = countOr(view, ['expert_layer_period'], 'an expert layer period', 2, 'JambaConfig default expert_layer_period 2', options).value;
  const expertOffset = view.count(view.find(['expert_layer_offset'], options), 'an expert layer offset', { integer: true })?.value ?? 1;
  const expand = countOr(view, ['mamba_expand'], 'a Mamba expansion', 2, 'JambaConfig default mamba_expand 2', options);
  const dtRankText = textOf(view, ['mamba_dt_rank'], options);
  const dtRank =
    dtRankText === undefined || dtRankText === 'auto'
      ? derived(Math.ceil(hidden / 16), `mamba_dt_rank "auto" = ceil(hidden size / 16)`)
      : countOr(view, ['mamba_dt_rank'], 'a Mamba dt rank', Math.ceil(hidden / 16), 'mamba_dt_rank auto', options);
  const mixer: MambaMixer = {
    kind: 'mamba1',
    inner: derived(expand.value * hidden, `mamba_expand ${expand.value} × hidden size ${hidden}`),
    stateSize: countOr(view, ['mamba_d_state'], 'a Mamba state size', 16, 'JambaConfig default mamba_d_state 16', options),
    convKernel: countOr(view, ['mamba_d_conv'], 'a Mamba convolution width', 4, 'JambaConfig default mamba_d_conv 4', options),
    dtRank,
    convBias: flag(view, 'mamba_conv_bias', true, options),
    projectionBias: flag(view, 'mamba_proj_bias', false, options),
    innerNorms: true,
  };
  const layoutKey = view.find(['attn_layer_period'], options);
  const attentionLayers = periodic(layers, attnPeriod, attnOffset);
  const moeLayers = periodic(layers, expertPeriod, expertOffset);
  return {
    stack: {
      attentionLayers,
      mambaLayers: layers - attentionLayers,
      mixer,
      mlpLayers: layers - moeLayers,
      layout: fact(
        `attention every ${attnPeriod} layers from ${attnOffset}, experts every ${expertPeriod} from ${expertOffset}`,
        layoutKey ? 'config' : 'assumed',
        { key: layoutKey?.path.join('.'), span: layoutKey?.entry.keySpan },
      ),
    },
    moeLayers,
  };
}

/**
 * Nemotron-H (`modeling_nemotron_h.py`): `hybrid_override_pattern` gives each layer one block:
 * `M` a Mamba-2 mixer, `*` attention, `-` an MLP, `E` a mixture of experts; each block has one norm.
 */
export function readNemotronH(view: ConfigView, options: FindOptions): HybridLayout | undefined {
  const patternKey = view.find(['hybrid_override_pattern'], options);
  const pattern = view.text(patternKey);
  if (!pattern || !patternKey) return undefined;
  const tally = (symbol: string) => [...pattern].filter((character) => character === symbol).length;
  const mixer: MambaMixer = {
    kind: 'mamba2',
    heads: countOr(view, ['mamba_num_heads'], 'a number of Mamba heads', 128, 'NemotronHConfig default mamba_num_heads 128', options),
    headDim: countOr(view, ['mamba_head_dim'], 'a Mamba head size', 64, 'NemotronHConfig default mamba_head_dim 64', options),
    stateSize: countOr(view, ['ssm_state_size'], 'a state size', 128, 'NemotronHConfig default ssm_state_size 128', options),
    groups: countOr(view, ['n_groups'], 'a number of Mamba groups', 8, 'NemotronHConfig default n_groups 8', options),
    convKernel: countOr(view, ['conv_kernel'], 'a convolution width', 4, 'NemotronHConfig default conv_kernel 4', options),
    convBias: flag(view, 'use_conv_bias', true, options),
    projectionBias: flag(view, 'use_bias', false, options),
  };
  const layout = fact(pattern.length > 24 ? `${pattern.slice(0, 24)}…` : pattern, 'config', { key: patternKey.path.join('.'), span: patternKey.entry.keySpan });
  return { stack: { attentionLayers: tally('*'), mambaLayers: tally('M'), mixer, mlpLayers: tally('-'), layout }, moeLayers: tally('E') };
}
