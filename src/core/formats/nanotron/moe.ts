// nanotron's mixture of experts on a Qwen2 config, as huggingface/nanotron@2411b022a75fb7f7561a1bb4166706da5e1b76de
// builds it: MoEConfig (src/nanotron/config/models_config.py) with its defaults, `layers: [-1]` meaning
// every layer (Qwen2Config.__post_init__); Qwen2MoELayer (src/nanotron/nn/moe.py): a router E×h without
// bias, `num_experts` gated experts of width `moe_intermediate_size` (GroupedMLP), and with
// `enable_shared_expert` one gated shared expert of `shared_expert_intermediate_size` and a 1×h gate.
import { fact, type Fact } from '../../source/fact';
import type { ConfigView } from '../../source/view';
import type { Draft } from '../../architecture/assemble';
import { count } from '../shared/readerHelpers';

export function readNanotronMoe(view: ConfigView, path: readonly string[], layers: number | undefined): NonNullable<Draft['moe']> {
  const under = { under: [...path] };
  const field = (key: string, what: string, fallback: number): Fact =>
    count(view, [key], what, under) ?? fact(fallback, 'assumed', { note: `nanotron's MoEConfig default ${key}: ${fallback}` });
  const shared = view.flag(view.find(['enable_shared_expert'], under)) === true;
  const listed = view.find(['layers'], under)?.entry.value;
  const items = listed?.kind === 'seq' ? listed.items.map((item) => (item.kind === 'scalar' ? item.value : undefined)) : undefined;
  // [-1] (the default) is every layer; otherwise the listed indices that exist.
  const every = !items || (items.length === 1 && items[0] === -1);
  const moeLayers = every
    ? layers
    : new Set(
        items.filter(
          (value): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0 && (layers === undefined || value < layers),
        ),
      ).size;
  return {
    experts: field('num_experts', 'a number of experts', 8),
    topK: field('top_k', 'a number of experts per token', 2),
    ffn: field('moe_intermediate_size', 'an expert MLP width', 1408),
    sharedFfn: shared ? field('shared_expert_intermediate_size', 'a shared-expert width', 5632) : undefined,
    sharedGate: shared,
    moeLayers,
  };
}
