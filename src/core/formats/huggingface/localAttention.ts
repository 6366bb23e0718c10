// Which layers of a Hugging Face config attend locally (a sliding window or a chunk), as
// transformers' modeling files decide it; the FLOP count caps those layers' keys.
import type { LocalAttention } from '../../architecture/architecture';
import type { ConfigView, FindOptions } from '../../source/view';
import { count } from '../shared/readerHelpers';

export function readLocalAttention(view: ConfigView, type: string | undefined, layers: number | undefined, options: FindOptions): LocalAttention | undefined {
  if (!layers || layers <= 0) return undefined;
  const chunk = count(view, ['attention_chunk_size'], 'an attention chunk size', options);
  if (chunk) {
    // Llama4TextConfig: `no_rope_layers[i]` is 1 on the chunked (RoPE) layers; by default every
    // fourth layer (`no_rope_layer_interval`) is a global NoPE layer.
    const listed = numbers(view, 'no_rope_layers', options);
    const interval = count(view, ['no_rope_layer_interval'], 'a NoPE layer interval', options)?.value ?? 4;
    const local = listed?.length === layers ? listed.map((value) => value === 1) : range(layers).map((i) => (i + 1) % interval !== 0);
    return { kind: 'chunked', size: chunk, layers: local, layout: listed ? 'no_rope_layers' : `no_rope_layer_interval ${interval}` };
  }

  const window = count(view, ['sliding_window'], 'a sliding window', options);
  if (!window) return undefined;
  // Qwen2/Qwen3 (and their MoE): the window applies only with `use_sliding_window`, from layer `max_window_layers` on.
  const qwen = type?.startsWith('qwen') === true;
  if (qwen && view.flag(view.find(['use_sliding_window'], options)) !== true) return undefined;

  const types = strings(view, 'layer_types', options);
  if (types?.length === layers) return { kind: 'sliding', size: window, layers: types.map((kind) => kind === 'sliding_attention'), layout: 'layer_types' };
  if (qwen) {
    const full = count(view, ['max_window_layers'], 'a number of full-attention layers', options)?.value ?? 0;
    return { kind: 'sliding', size: window, layers: range(layers).map((i) => i >= full), layout: `max_window_layers ${full}` };
  }
  // Gemma 2 alternates local and global layers (even layers local); Gemma 3 has 5 local per global
  // (`sliding_window_pattern`, default 6): layer i is local unless (i + 1) is a multiple of the pattern.
  const patternFact = count(view, ['sliding_window_pattern'], 'a sliding-window pattern', options);
  const pattern = patternFact?.value ?? (type === 'gemma2' ? 2 : type === 'gemma3_text' || type === 'gemma3' ? 6 : undefined);
  if (pattern !== undefined)
    return { kind: 'sliding', size: window, layers: range(layers).map((i) => (i + 1) % pattern !== 0), layout: `sliding_window_pattern ${pattern}` };
  // Mistral 7B v0.1, Phi-3, StarCoder2 and others: every layer attends within the window.
  return { kind: 'sliding', size: window, layers: range(layers).map(() => true), layout: 'sliding_window on every layer' };
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function items(view: ConfigView, key: string, options: FindOptions): unknown[] | undefined {
  const node = view.find([key], options)?.entry.value;
  if (node?.kind !== 'seq') return undefined;
  return node.items.map((item) => (item.kind === 'scalar' ? item.value : undefined));
}

function numbers(view: ConfigView, key: string, options: FindOptions): number[] | undefined {
  const values = items(view, key, options);
  return values?.every((value) => typeof value === 'number') ? (values as number[]) : undefined;
}

function strings(view: ConfigView, key: string, options: FindOptions): string[] | undefined {
  const values = items(view, key, options);
  return values?.every((value) => typeof value === 'string') ? (values as string[]) : undefined;
}
