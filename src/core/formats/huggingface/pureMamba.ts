// Pure state-space models: Hugging Face `model_type: mamba` (MambaConfig,
// huggingface/transformers@17fbf389f87f4952d90805c410502ac3b51c2a2c:src/transformers/models/mamba/configuration_mamba.py)
// and `mamba2` (Mamba2Config, @f2a39d495c8c365996a33c6ae9506ad9c9339f4b:src/transformers/models/mamba2/configuration_mamba2.py).
// Every layer is one RMSNorm and one mixer (MambaBlock / Mamba2Block): no attention, no MLP.
import { fact, type Fact } from '../../source/fact';
import type { ConfigView, FindOptions } from '../../source/view';
import type { LayerStack } from '../../architecture/architecture';
import type { MambaMixer } from '../../architecture/mamba';
import { count, derived, textOf } from '../shared/readerHelpers';

function countOr(view: ConfigView, names: readonly string[], what: string, fallback: number, config: string, options: FindOptions): Fact {
  return count(view, names, what, options) ?? fact(fallback, 'assumed', { note: `${config} default ${names[0]} ${fallback}` });
}

function flag(view: ConfigView, name: string, fallback: boolean, options: FindOptions): boolean {
  return view.flag(view.find([name], options)) ?? fallback;
}

export interface PureMamba {
  readonly stack: LayerStack;
  /** Mamba has no attention heads; Mamba-2's heads are its mixer's (what tensor parallelism splits). */
  readonly heads: Fact;
  readonly headDim?: Fact;
}

/** The layers of a pure Mamba or Mamba-2 config, with the defaults of its config class. */
export function readPureMamba(view: ConfigView, type: 'mamba' | 'mamba2', hidden: number, layers: number, options: FindOptions): PureMamba {
  const config = type === 'mamba' ? 'MambaConfig' : 'Mamba2Config';
  const layoutKey = view.find(['model_type'], options);
  const layout = fact(`${layers} ${type === 'mamba' ? 'Mamba' : 'Mamba-2'} layers`, 'config', {
    key: layoutKey?.path.join('.'),
    span: layoutKey?.entry.keySpan,
  });
  const stateSize = countOr(view, ['state_size'], 'a state size', type === 'mamba' ? 16 : 128, config, options);
  const convKernel = countOr(view, ['conv_kernel'], 'a convolution width', 4, config, options);
  const convBias = flag(view, 'use_conv_bias', true, options);
  const projectionBias = flag(view, 'use_bias', false, options);
  if (type === 'mamba') {
    // MambaMixer: in_proj h→2i, depthwise conv1d, x_proj i→(r + 2n), dt_proj r→i with bias, A_log, D, out_proj i→h.
    const expand = countOr(view, ['expand'], 'an expansion', 2, config, options);
    const rankText = textOf(view, ['time_step_rank'], options);
    const dtRank =
      rankText === undefined || rankText === 'auto'
        ? derived(Math.ceil(hidden / 16), `time_step_rank "auto" = ceil(hidden size / 16)`)
        : countOr(view, ['time_step_rank'], 'a time-step rank', Math.ceil(hidden / 16), config, options);
    const mixer: MambaMixer = {
      kind: 'mamba1',
      inner: derived(expand.value * hidden, `expand ${expand.value} × hidden size ${hidden}`),
      stateSize,
      convKernel,
      dtRank,
      convBias,
      projectionBias,
      innerNorms: false,
    };
    return {
      stack: { attentionLayers: 0, mambaLayers: layers, mixer, mlpLayers: 0, layout },
      heads: fact(1, 'derived', { note: 'Mamba has no attention heads' }),
    };
  }
  const heads = countOr(view, ['num_heads'], 'a number of Mamba heads', 128, config, options);
  const headDim = countOr(view, ['head_dim'], 'a Mamba head size', 64, config, options);
  const mixer: MambaMixer = {
    kind: 'mamba2',
    heads,
    headDim,
    stateSize,
    groups: countOr(view, ['n_groups'], 'a number of Mamba groups', 8, config, options),
    convKernel,
    convBias,
    projectionBias,
  };
  return { stack: { attentionLayers: 0, mambaLayers: layers, mixer, mlpLayers: 0, layout }, heads, headDim };
}
