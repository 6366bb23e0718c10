import type { Architecture } from '../architecture/architecture';
import type { Span } from '../source/tree';
import type { ConfigView, Located } from '../source/view';
import { spanOfEntry } from '../source/view';

/**
 * Low-rank adapters (LoRA, QLoRA): only r·(d_in + d_out) parameters per adapted matrix train,
 * while the frozen model still runs forward and passes gradients back. Per token that is
 * 2·N (forward) + 2·N (backward through the activations) + 2·N_trainable (weight gradients):
 * (4·N + 2·N_trainable)·D instead of 6·N·D.
 */
export type AdaptedModule = 'q' | 'k' | 'v' | 'o' | 'gate' | 'up' | 'down' | 'head';

export interface AdapterSettings {
  readonly kind: 'lora' | 'qlora';
  readonly variant?: AdapterVariant;
  readonly rank: number;
  readonly modules: readonly AdaptedModule[];
  /** Target names the count does not know (fused or model-specific layers): not counted, and said so. */
  readonly unknown: readonly string[];
  /** Where the adapter is declared, for hovers and findings. */
  readonly span: Span;
  /** How the modules were chosen ("lora_target_linear", "lora_attn_modules + apply_lora_to_mlp", "LitGPT defaults"). */
  readonly source: string;
  /**
   * What the count needs and does not have (an adapter the run resumes whose config is not read):
   * then nothing is counted, and the compute is unknown rather than a guess from the recipe's keys.
   */
  readonly needs?: string;
}

export interface AdapterCount extends AdapterSettings {
  readonly trainable: number;
  /** "32 × (4096 + 4096) × 32 layers (q) + …". */
  readonly formula: string;
}

const ALL_LINEAR: readonly AdaptedModule[] = ['q', 'k', 'v', 'o', 'gate', 'up', 'down'];
const MLP: readonly AdaptedModule[] = ['gate', 'up', 'down'];

/** Module names as PEFT, Axolotl, torchtune and LitGPT write them. */
const MODULE_NAMES: Readonly<Record<string, AdaptedModule>> = {
  q_proj: 'q',
  query: 'q',
  wq: 'q',
  q: 'q',
  k_proj: 'k',
  key: 'k',
  wk: 'k',
  k: 'k',
  v_proj: 'v',
  value: 'v',
  wv: 'v',
  v: 'v',
  o_proj: 'o',
  output_proj: 'o',
  out_proj: 'o',
  wo: 'o',
  o: 'o',
  dense: 'o',
  gate_proj: 'gate',
  w1: 'gate',
  fc_1: 'gate',
  gate: 'gate',
  up_proj: 'up',
  w3: 'up',
  fc_2: 'up',
  up: 'up',
  down_proj: 'down',
  w2: 'down',
  proj: 'down',
  down: 'down',
  lm_head: 'head',
  output: 'head',
  head: 'head',
};

/** LoRA variants that change what trains: DoRA adds a magnitude vector per adapted matrix; rsLoRA only rescales. */
export type AdapterVariant = 'dora' | 'rslora';

/** The adapter a fine-tuning config declares, if any. Reports nothing: most runs have none. */
export function readAdapter(view: ConfigView): AdapterSettings | undefined {
  const flag = (name: string) => view.flag(view.find([name]));
  const axolotl = view.find(['adapter']);
  const axolotlKind = view.text(axolotl)?.toLowerCase();
  const peft = view.text(view.find(['peft_type']))?.toUpperCase();
  const component = view.text(view.find(['_component_']));
  // LLaMA-Factory's `finetuning_type`, ms-swift's `train_type`, TRL's `use_peft`.
  const methodKey = view.find(['finetuning_type', 'train_type', 'tuner_type']);
  const method = view.text(methodKey)?.toLowerCase();
  const namedLora = method === 'lora' || method === 'qlora' || method === 'dora' || method === 'rslora';
  const usePeft = flag('use_peft') === true;
  const rankKey = view.find(['lora_r', 'lora_rank']) ?? (peft === 'LORA' ? view.find(['r']) : undefined);
  const isTorchtune = !!component && /\blora_/.test(component);
  const isLitgpt =
    !axolotlKind &&
    !isTorchtune &&
    !peft &&
    !namedLora &&
    !usePeft &&
    !!view.find(['lora_r']) &&
    !!view.find(['lora_query', 'lora_value', 'lora_mlp', 'lora_head', 'lora_key', 'lora_projection', 'checkpoint_dir']);
  const isAxolotl = axolotlKind === 'lora' || axolotlKind === 'qlora';
  if (!isAxolotl && peft !== 'LORA' && !isTorchtune && !isLitgpt && !namedLora && !usePeft) return undefined;
  // Defaults where the rank is unset: TRL's ModelConfig lora_r = 16; PEFT, LLaMA-Factory and ms-swift 8.
  const rank = positive(view, rankKey) ?? (usePeft ? 16 : 8);
  const quantised =
    axolotlKind === 'qlora' || method === 'qlora' || flag('load_in_4bit') === true || view.text(view.find(['quantization_bit', 'quant_bits']))?.trim() === '4';
  const kind = quantised ? 'qlora' : 'lora';
  const variant: AdapterVariant | undefined =
    method === 'dora' || flag('use_dora') === true || flag('peft_use_dora') === true
      ? 'dora'
      : method === 'rslora' || flag('use_rslora') === true || flag('peft_use_rslora') === true
        ? 'rslora'
        : undefined;
  const anchor = (axolotl && isAxolotl ? axolotl : (methodKey ?? rankKey ?? view.find(['use_peft', '_component_', 'peft_type'])))!;
  const span = spanOfEntry(anchor.entry);
  const names: string[] = [];
  let source: string;
  if (isTorchtune) {
    names.push(...listOf(view, view.find(['lora_attn_modules'])));
    if (flag('apply_lora_to_mlp') === true) names.push('gate_proj', 'up_proj', 'down_proj');
    if (flag('apply_lora_to_output') === true) names.push('lm_head');
    source = 'lora_attn_modules, apply_lora_to_mlp, apply_lora_to_output';
  } else if (isLitgpt) {
    // LitGPT's defaults (litgpt/finetune/lora.py): query and value on, the rest off.
    const on = (name: string, fallback: boolean) => flag(name) ?? fallback;
    if (on('lora_query', true)) names.push('q');
    if (on('lora_key', false)) names.push('k');
    if (on('lora_value', true)) names.push('v');
    if (on('lora_projection', false)) names.push('o');
    if (on('lora_mlp', false)) names.push('gate', 'up', 'down');
    if (on('lora_head', false)) names.push('head');
    source = 'lora_query … lora_head (LitGPT defaults where unset)';
  } else if (
    flag('lora_target_linear') === true ||
    allLinear(listOf(view, view.find(['target_modules', 'lora_target', 'lora_target_modules']))) ||
    // LLaMA-Factory's lora_target defaults to "all"; ms-swift's target_modules to "all-linear".
    (namedLora && !view.find(['target_modules', 'lora_target', 'lora_target_modules']))
  ) {
    names.push(...ALL_LINEAR);
    source =
      namedLora && !view.find(['target_modules', 'lora_target']) ? 'every linear layer (the default of LLaMA-Factory and ms-swift)' : 'every linear layer';
  } else {
    const listed = listOf(view, view.find(['lora_target_modules', 'target_modules', 'lora_target']));
    // PEFT's default for Llama-style models when no targets are given: q_proj and v_proj.
    names.push(...(listed.length ? listed : ['q_proj', 'v_proj']));
    source = listed.length ? 'target modules' : 'PEFT default (q_proj, v_proj)';
  }
  const modules = new Set<AdaptedModule>();
  const unknown: string[] = [];
  for (const name of names) {
    const lower = name.toLowerCase();
    const canonical = Object.hasOwn(MODULE_NAMES, lower) ? MODULE_NAMES[lower] : undefined;
    if (canonical) modules.add(canonical);
    else if (!unknown.includes(name)) unknown.push(name.slice(0, 60));
  }
  return { kind, variant, rank, modules: [...modules], unknown, span, source };
}

/** Trainable parameters of the adapters on this architecture: r·(d_in + d_out) per adapted matrix. */
export function countAdapter(settings: AdapterSettings, arch: Architecture): AdapterCount {
  const r = settings.rank;
  const h = arch.hidden.value;
  const a = arch.heads.value;
  const kv = arch.kvHeads.value;
  const d = arch.headDim.value;
  const attentionLayers = arch.latentAttention ? 0 : (arch.stack?.attentionLayers ?? arch.layers.value);
  const moe = arch.moe;
  const denseLayers = arch.stack ? arch.stack.mlpLayers : moe ? arch.layers.value - moe.moeLayers : arch.layers.value;
  const shapes: Record<AdaptedModule, { in: number; out: number; copies: number }> = {
    q: { in: h, out: a * d, copies: attentionLayers },
    k: { in: h, out: kv * d, copies: attentionLayers },
    v: { in: h, out: kv * d, copies: attentionLayers },
    o: { in: a * d, out: h, copies: attentionLayers },
    gate: { in: h, out: arch.ffn.value, copies: arch.gated.value ? denseLayers : 0 },
    up: { in: h, out: arch.ffn.value, copies: denseLayers },
    down: { in: arch.ffn.value, out: h, copies: denseLayers },
    head: { in: h, out: arch.vocab.value, copies: 1 },
  };
  let trainable = 0;
  const terms: string[] = [];
  for (const module of settings.modules) {
    const shape = shapes[module];
    // Experts: every expert's matrices carry their own adapters.
    const expertCopies = moe && MLP.includes(module) && (module !== 'gate' || arch.gated.value) ? moe.moeLayers * moe.experts.value : 0;
    const expertWidth = moe?.ffn.value ?? 0;
    // DoRA (Liu et al. 2024) adds a magnitude vector of the output width to each adapted matrix.
    const magnitude = settings.variant === 'dora' ? 1 : 0;
    const dense = (r * (shape.in + shape.out) + magnitude * shape.out) * shape.copies;
    const experts = expertCopies
      ? (r * (module === 'down' ? expertWidth + h : h + expertWidth) + magnitude * (module === 'down' ? h : expertWidth)) * expertCopies
      : 0;
    if (dense + experts === 0) continue;
    trainable += dense + experts;
    const copies = shape.copies ? `${r} × (${shape.in} + ${shape.out})${shape.copies > 1 ? ` × ${shape.copies}` : ''}` : '';
    const expertTerm = expertCopies ? `${r} × (${h} + ${expertWidth}) × ${expertCopies} experts` : '';
    terms.push(`${[copies, expertTerm].filter(Boolean).join(' + ')} (${module})`);
  }
  return { ...settings, trainable, formula: terms.join(' + ') || 'no adapted matrix on this architecture' };
}

function positive(view: ConfigView, located: Located | undefined): number | undefined {
  const value = view.count(located, 'a LoRA rank', { integer: true, positive: true });
  return value?.value;
}

function allLinear(names: readonly string[]): boolean {
  return names.some((name) => /^(all|all-linear|all_linear)$/i.test(name));
}

function listOf(view: ConfigView, located: Located | undefined): string[] {
  const node = located?.entry.value;
  if (!node) return [];
  if (node.kind === 'seq') return node.items.flatMap((item) => (item.kind === 'scalar' && typeof item.value === 'string' ? [item.value] : []));
  const text = view.text(located);
  // `['q_proj', 'v_proj']` written as a string (a Hydra override), or one name.
  return text
    ? text
        .replace(/[[\]'"]/g, '')
        .split(/[,\s]+/)
        .filter(Boolean)
    : [];
}
