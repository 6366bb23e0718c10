// Megatron-LM's sliding-window attention, as NVIDIA/Megatron-LM@d98e8a64ddf34856e74b24714e3bedb2f5a39553
// reads it: `--window-size L,R` (megatron/training/arguments.py, `tuple_type`; Transformer Engine's
// (left, right) window: a query sees the L keys before it and itself when R is 0) and
// `--window-attn-skip-freq` (an integer N: every N-th layer, 1-indexed, keeps full attention; or a
// pattern such as "[1,1,1,0]*3", 1 a windowed layer), laid out by `is_layer_window_attention`
// (megatron/core/transformer/utils.py). Megatron-LM's own FLOP counter does not cap windowed layers.
import { fact } from '../../source/fact';
import type { ConfigView, FindOptions } from '../../source/view';
import type { LocalAttention } from '../../architecture/architecture';
import { evaluateLayerPattern } from './layerPattern';

export function readMegatronWindow(view: ConfigView, under: FindOptions, layers: number | undefined): LocalAttention | undefined {
  const located = view.find(['window_size'], under);
  const node = located?.entry.value;
  // A flag's "4095,0", or a YAML list [4095, 0] (NeMo writes the tuple as a list).
  const text =
    node?.kind === 'seq'
      ? node.items.map((item) => (item.kind === 'scalar' ? String(item.value) : '')).join(',')
      : (view.text(located) ?? (typeof view.value(located) === 'number' ? String(view.value(located)) : undefined));
  if (!located || !text || !layers) return undefined;
  const parts = text.replace(/[()\s]/g, '').split(',');
  const left = Number(parts[0]);
  const right = parts.length > 1 ? Number(parts[1]) : 0;
  // A negative left (-1: unlimited) is no window; a window that looks ahead (R > 0) is not a causal model's.
  if (!Number.isInteger(left) || left < 0 || right !== 0) return undefined;
  const size = fact(left + 1, 'derived', {
    key: located.path.join('.'),
    span: located.entry.keySpan,
    note: `--window-size ${left},0: the ${left} keys before a token and the token itself`,
  });
  const skip = view.find(['window_attn_skip_freq'], under);
  const skipText = view.text(skip);
  const skipNumber = view.value(skip);
  const every = typeof skipNumber === 'number' ? skipNumber : skipText && /^\d+$/.test(skipText.trim()) ? Number(skipText) : undefined;
  if (!skip || (every === undefined && !skipText))
    return { kind: 'sliding', size, layers: Array.from({ length: layers }, () => true), layout: '--window-size on every layer' };
  if (every !== undefined && every > 0)
    return {
      kind: 'sliding',
      size,
      layers: Array.from({ length: layers }, (_, i) => (i + 1) % every !== 0),
      layout: `--window-attn-skip-freq ${every}: every ${every}th layer global`,
    };
  const pattern = skipText ? evaluateLayerPattern(skipText) : undefined;
  if (!pattern || pattern.length !== layers) {
    view.report(
      skip,
      'information',
      'assumed-value',
      `--window-attn-skip-freq is not a pattern of ${layers} layers read here; the FLOP count gives every layer full attention.`,
    );
    return undefined;
  }
  return { kind: 'sliding', size, layers: pattern.map((value) => value === 1), layout: '--window-attn-skip-freq pattern' };
}
