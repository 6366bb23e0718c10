// Llama 4 (`model_type: llama4` with its text model under `text_config`, or `llama4_text`), as
// huggingface/transformers@b17cfe48c5a9631dcf9f57f3865a055903800f81 (models/llama4/configuration_llama4.py,
// Llama4TextConfig) lays it out and modeling_llama4.py builds it: the layers in `moe_layers` (by
// default every `interleave_moe_layer_step`-th, from layer step − 1) hold `num_local_experts`
// experts of width `intermediate_size`, a router h×E without bias and one shared expert of the
// same width, always on; the other layers a dense MLP of width `intermediate_size_mlp`. The q/k
// norm (`use_qk_norm`) is an L2 norm without weights.
import { fact, type Fact } from '../../source/fact';
import type { ConfigView, FindOptions } from '../../source/view';
import type { Draft } from '../../architecture/assemble';
import { count } from '../shared/readerHelpers';

const DEFAULTS = 'Llama4TextConfig default';

function countOr(view: ConfigView, names: readonly string[], what: string, fallback: number, options: FindOptions): Fact {
  return count(view, names, what, options) ?? fact(fallback, 'assumed', { note: `${DEFAULTS} ${names[0]} ${fallback}` });
}

/** The dense MLP width and the mixture of experts of a Llama 4 config. */
export function readLlama4(view: ConfigView, layers: number | undefined, options: FindOptions): { ffn: Fact; moe: NonNullable<Draft['moe']> } {
  const expertWidth = countOr(view, ['intermediate_size'], 'an expert MLP width', 8192, options);
  const denseWidth = countOr(view, ['intermediate_size_mlp'], 'a dense MLP width', 16384, options);
  const experts = countOr(view, ['num_local_experts'], 'a number of experts', 16, options);
  const topK = countOr(view, ['num_experts_per_tok'], 'a number of experts per token', 1, options);
  const step = countOr(view, ['interleave_moe_layer_step'], 'an MoE layer interval', 1, options).value;
  const listed = view.find(['moe_layers'], options)?.entry.value;
  // range(step − 1, L, step) has floor(L / step) layers.
  const moeLayers = listed?.kind === 'seq' ? listed.items.length : layers !== undefined ? Math.floor(layers / step) : undefined;
  return {
    ffn: denseWidth,
    moe: {
      experts,
      topK,
      ffn: expertWidth,
      sharedFfn: fact(expertWidth.value, 'derived', {
        key: expertWidth.key,
        span: expertWidth.span,
        note: 'one shared expert of the experts’ width in every MoE layer (Llama4TextMoe)',
      }),
      sharedGate: false,
      moeLayers,
    },
  };
}
