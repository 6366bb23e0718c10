// The reader of a Hugging Face config.json. Also used by the plain budget file (same key names) and by
// architecture/readModel for a base model's config.json; it imports neither, so no circle.
import { fact } from '../../source/fact';
import type { ConfigView, FindOptions } from '../../source/view';
import type { Draft } from '../../architecture/assemble';
import type { LayerStack, NormKind } from '../../architecture/architecture';
import type { LayerBlocks } from '../../architecture/layerBlocks';
import type { LatentAttention } from '../../architecture/latentAttention';
import { count, derived, flagOr, textOf } from '../shared/readerHelpers';
import { readJamba, readNemotronH, type HybridLayout } from './hybrid';
import { readLocalAttention } from './localAttention';
import { readBlockConfigs } from './blockConfigs';
import { readLlama4 } from './llama4';
import { readPureMamba } from './pureMamba';

interface Family {
  readonly name: string;
  readonly gated: boolean;
  readonly norm: NormKind;
  readonly normsPerLayer: number;
  readonly tiedByDefault: boolean;
  readonly attentionBias: Draft['attentionBias'];
  readonly mlpBias: boolean;
  /** Parameters of q/k norms per layer, from head size d, heads a, KV heads k. */
  readonly qkNorm?: (d: number, a: number, k: number) => number;
  readonly learnedPositions?: readonly string[];
  /** The config class's `vocab_size` default, which transformers loads when the key is left out. */
  readonly defaultVocab?: { readonly size: number; readonly source: string };
}

const LLAMA_LIKE: Omit<Family, 'name'> = { gated: true, norm: 'rms', normsPerLayer: 2, tiedByDefault: false, attentionBias: 'none', mlpBias: false };
const GPT2_LIKE: Omit<Family, 'name'> = { gated: false, norm: 'layernorm', normsPerLayer: 2, tiedByDefault: true, attentionBias: 'all', mlpBias: true };

/** `model_type` values of Hugging Face transformers, with what each implies for the count. */
const FAMILIES: Record<string, Family> = {
  llama: {
    name: 'Llama',
    ...LLAMA_LIKE,
    defaultVocab: {
      size: 32000,
      source:
        'LlamaConfig (huggingface/transformers@4bdeeced9ce971bed8cca7ab203c3b70cffab4ca:src/transformers/models/llama/configuration_llama.py, vocab_size=32000)',
    },
  },
  mistral: {
    name: 'Mistral',
    ...LLAMA_LIKE,
    defaultVocab: {
      size: 32000,
      source:
        'MistralConfig (huggingface/transformers@0b07a74c673bdf8fbd472a1c7df139b357495414:src/transformers/models/mistral/configuration_mistral.py, vocab_size=32000)',
    },
  },
  mixtral: { name: 'Mixtral (MoE)', ...LLAMA_LIKE },
  qwen2: { name: 'Qwen2', ...LLAMA_LIKE, attentionBias: 'qkv' },
  qwen2_moe: { name: 'Qwen2-MoE', ...LLAMA_LIKE, attentionBias: 'qkv' },
  qwen3: { name: 'Qwen3', ...LLAMA_LIKE, qkNorm: (d) => 2 * d },
  qwen3_moe: { name: 'Qwen3-MoE', ...LLAMA_LIKE, qkNorm: (d) => 2 * d },
  gemma: { name: 'Gemma', ...LLAMA_LIKE, tiedByDefault: true },
  gemma2: { name: 'Gemma 2', ...LLAMA_LIKE, tiedByDefault: true, normsPerLayer: 4 },
  gemma3_text: { name: 'Gemma 3', ...LLAMA_LIKE, tiedByDefault: true, normsPerLayer: 4, qkNorm: (d) => 2 * d },
  phi3: { name: 'Phi-3', ...LLAMA_LIKE },
  olmo: { name: 'OLMo', ...LLAMA_LIKE, norm: 'none' },
  olmo2: { name: 'OLMo 2', ...LLAMA_LIKE, qkNorm: (d, a, k) => a * d + k * d },
  deepseek: { name: 'DeepSeek-MoE', ...LLAMA_LIKE },
  deepseek_v2: { name: 'DeepSeek-V2', ...LLAMA_LIKE },
  deepseek_v3: { name: 'DeepSeek-V3', ...LLAMA_LIKE },
  kimi_k2: { name: 'Kimi K2', ...LLAMA_LIKE },
  phimoe: { name: 'PhiMoE', ...LLAMA_LIKE, norm: 'layernorm' },
  jamba: { name: 'Jamba', ...LLAMA_LIKE },
  nemotron_h: { name: 'Nemotron-H', ...LLAMA_LIKE, gated: false, normsPerLayer: 1 },
  // Llama-shaped, with per-layer attention and MLP widths in `block_configs` (blockConfigs.ts).
  'nemotron-nas': { name: 'Nemotron-NAS (DeciLM)', ...LLAMA_LIKE },
  // Interleaved experts with a shared expert (llama4.ts); the q/k norm has no weights.
  llama4: { name: 'Llama 4', ...LLAMA_LIKE },
  llama4_text: { name: 'Llama 4', ...LLAMA_LIKE },
  // One RMSNorm and one mixer per layer (pureMamba.ts).
  mamba: { name: 'Mamba', ...LLAMA_LIKE, gated: false, normsPerLayer: 1, tiedByDefault: true },
  mamba2: { name: 'Mamba-2', ...LLAMA_LIKE, gated: false, normsPerLayer: 1 },
  gpt_bigcode: { name: 'GPT-BigCode', ...GPT2_LIKE, learnedPositions: ['n_positions'] },
  gpt2: { name: 'GPT-2', ...GPT2_LIKE, learnedPositions: ['n_positions', 'n_ctx'] },
  gpt_neox: { name: 'GPT-NeoX', ...GPT2_LIKE, tiedByDefault: false },
  falcon: { name: 'Falcon', ...GPT2_LIKE, attentionBias: 'none', mlpBias: false },
  mpt: { name: 'MPT', ...GPT2_LIKE, norm: 'layernorm-no-bias', attentionBias: 'none', mlpBias: false },
  starcoder2: { name: 'StarCoder2', ...GPT2_LIKE },
  // transformers' modeling_olmoe.py: q_norm over all query heads, k_norm over the KV heads.
  olmoe: { name: 'OLMoE', ...LLAMA_LIKE, qkNorm: (d, a, k) => a * d + k * d },
  olmo3: { name: 'OLMo 3', ...LLAMA_LIKE, qkNorm: (d, a, k) => a * d + k * d },
  smollm3: { name: 'SmolLM3', ...LLAMA_LIKE, tiedByDefault: true },
  // modeling_stablelm.py: LayerNorm with bias, a gated MLP, q/k/v biases only with `use_qkv_bias`.
  stablelm: { name: 'StableLM', ...LLAMA_LIKE, norm: 'layernorm' },
  // modeling_phi.py: one LayerNorm before parallel attention and MLP, biases everywhere, lm_head with a bias.
  phi: { name: 'Phi', ...GPT2_LIKE, normsPerLayer: 1, tiedByDefault: false },
  // modeling_gpt_neo.py: q/k/v without biases, out_proj with one; learned positions.
  gpt_neo: { name: 'GPT-Neo', ...GPT2_LIKE, attentionBias: 'out', learnedPositions: ['max_position_embeddings'] },
};

/** `architectures: ["LlamaForCausalLM"]` when `model_type` is absent. */
function familyFromArchitectures(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const lower = name.toLowerCase();
  const known = Object.keys(FAMILIES).sort((a, b) => b.length - a.length);
  return known.find((type) => lower.startsWith(type.replace(/_/g, '')));
}

/**
 * Hugging Face `config.json` (and any config with its common keys). `under` reads a nested
 * section, e.g. a LitGPT `model_config` or a catalog entry.
 */
export function readHuggingFace(view: ConfigView, options: FindOptions = {}): Draft {
  const declared = textOf(view, ['model_type'], options)?.toLowerCase();
  const architecturesNode = view.find(['architectures'], options)?.entry.value;
  const firstArchitecture =
    architecturesNode?.kind === 'seq' && architecturesNode.items[0]?.kind === 'scalar' ? String(architecturesNode.items[0].value) : undefined;
  const type = declared && FAMILIES[declared] ? declared : familyFromArchitectures(firstArchitecture ?? declared);
  const family = type ? FAMILIES[type] : guessFamily(view, options);

  const hidden = count(view, ['hidden_size', 'n_embd', 'd_model', 'dim', 'hidden_dim', 'n_embed'], 'a hidden size', options);
  const layers = count(view, ['num_hidden_layers', 'n_layer', 'num_layers', 'n_layers'], 'a number of layers', options);
  const heads = count(view, ['num_attention_heads', 'n_head', 'num_heads', 'n_heads'], 'a number of attention heads', options);
  let kvHeads = count(view, ['num_key_value_heads', 'num_kv_heads', 'n_head_kv', 'n_kv_heads', 'num_query_groups'], 'a number of key/value heads', options);
  const falconNew = type === 'falcon' && view.flag(view.find(['new_decoder_architecture'], options)) === true;
  // GPT-BigCode's multi-query attention (on by default): one key/value head shared by all.
  if (!kvHeads && type === 'gpt_bigcode') {
    const multiQuery = view.find(['multi_query'], options);
    kvHeads =
      view.flag(multiQuery) === false && heads
        ? heads
        : fact(1, multiQuery ? 'config' : 'assumed', {
            key: multiQuery?.path.join('.'),
            span: multiQuery?.entry.keySpan,
            note: 'multi-query attention: one key/value head (GPTBigCodeConfig default)',
          });
  }
  if (!kvHeads && type === 'falcon' && !falconNew) {
    const multiQuery = view.find(['multi_query'], options);
    if (view.flag(multiQuery) !== false)
      kvHeads = fact(1, multiQuery ? 'config' : 'assumed', {
        key: multiQuery?.path.join('.'),
        span: multiQuery?.entry.keySpan,
        note: 'multi-query attention: one key/value head',
      });
  }
  const headDim = count(view, ['head_dim', 'kv_channels', 'head_size'], 'a head size', options);

  let ffn = count(view, ['intermediate_size', 'n_inner', 'ffn_hidden_size', 'ffn_dim', 'd_ff'], 'an MLP width', options);
  if (!ffn && hidden) {
    const ratio = view.count(view.find(['expansion_ratio', 'mlp_ratio'], options), 'an MLP expansion ratio', { positive: true });
    ffn = ratio
      ? derived(ratio.value * hidden.value, `${ratio.value} × hidden size`)
      : derived(4 * hidden.value, '4 × hidden size, the default of this family');
  }

  // A config.json that leaves `vocab_size` out is loaded with its config class's default.
  const vocab =
    count(view, ['vocab_size', 'padded_vocab_size', 'n_vocab'], 'a vocabulary size', options) ??
    (type && family.defaultVocab && view.find(['vocab_size'], options) === undefined
      ? fact(family.defaultVocab.size, 'assumed', { note: `no vocab_size: the default of ${family.defaultVocab.source}` })
      : undefined);
  const tied = flagOr(
    view,
    ['tie_word_embeddings', 'tie_embeddings'],
    family.tiedByDefault,
    type
      ? `${family.name} ${family.tiedByDefault ? 'ties' : 'does not tie'} input and output embeddings by default`
      : `Hugging Face's default for an unknown family`,
    options,
  );

  let attentionBias = family.attentionBias;
  let mlpBias = family.mlpBias;
  const biasKey = view.find(['attention_bias', 'bias', 'use_bias'], options);
  const bias = view.flag(biasKey);
  if (bias !== undefined && (type === 'falcon' || type === 'llama' || type === 'starcoder2' || type === 'phimoe' || !type)) {
    attentionBias = bias ? 'all' : 'none';
    // Llama has its own mlp_bias key; PhiMoE's experts have no biases whatever attention_bias says.
    mlpBias = bias && type !== 'phimoe' && (type !== 'llama' || view.flag(view.find(['mlp_bias'], options)) === true);
  }
  if (type === 'stablelm' && view.flag(view.find(['use_qkv_bias'], options)) === true) attentionBias = 'qkv';
  if (type === 'mpt' && view.flag(view.find(['no_bias'], options)) === false) {
    attentionBias = 'all';
    mlpBias = true;
  }

  let normsPerLayer = family.normsPerLayer;
  if (type === 'falcon' && !falconNew && view.flag(view.find(['parallel_attn'], options)) !== false) normsPerLayer = 1;

  const positionsKey = family.learnedPositions ? view.find(family.learnedPositions, options) : undefined;
  const learnedPositions = positionsKey ? view.count(positionsKey, 'a number of positions', { integer: true, positive: true }) : undefined;

  const d = headDim?.value ?? (hidden && heads ? hidden.value / heads.value : 0);
  const hybrid: HybridLayout | undefined =
    type === 'jamba' && hidden && layers
      ? readJamba(view, hidden.value, layers.value, options)
      : type === 'nemotron_h'
        ? readNemotronH(view, options)
        : undefined;
  const pureMamba = (type === 'mamba' || type === 'mamba2') && hidden && layers ? readPureMamba(view, type, hidden.value, layers.value, options) : undefined;
  const perLayer = readBlockConfigs(view, hidden?.value, heads?.value, layers?.value, options);
  const stack = hybrid?.stack ?? pureMamba?.stack ?? (perLayer && blockStack(perLayer.blocks));
  const llama4 = type === 'llama4' || type === 'llama4_text' ? readLlama4(view, layers?.value, options) : undefined;
  const moe = llama4?.moe ?? readMixture(view, options, layers?.value);
  const routerBias = type === 'deepseek_v3' || type === 'kimi_k2' || textOf(view, ['topk_method'], options) === 'noaux_tc';
  return {
    family: `${family.name} (Hugging Face config)`,
    hidden,
    layers,
    heads: heads ?? pureMamba?.heads,
    kvHeads: kvHeads ?? perLayer?.kvHeads,
    headDim: headDim ?? pureMamba?.headDim,
    ffn: pureMamba ? fact(0, 'derived', { note: `${family.name} has no MLP` }) : (perLayer?.ffn ?? llama4?.ffn ?? ffn),
    vocab,
    tied,
    learnedPositions,
    gated: fact(family.gated, type ? 'derived' : 'assumed', {
      note: type
        ? `${family.name} uses ${family.gated ? 'a gated MLP (SwiGLU/GeGLU)' : 'a plain two-matrix MLP'}`
        : `read from the activation and norm keys of an unknown family`,
    }),
    attentionBias,
    mlpBias,
    norm: family.norm,
    normsPerLayer,
    qkNorm: family.qkNorm && heads ? family.qkNorm(d, heads.value, kvHeads?.value ?? heads.value) : 0,
    moe: moe && { ...moe, moeLayers: hybrid?.moeLayers ?? moe.moeLayers, routerBias },
    latentAttention: readLatentAttention(view, options, bias === true),
    // PhiMoE's `lm_head_bias` (PhiMoEConfig default false) puts a bias on the output layer.
    outputBias: type === 'phi' || (type === 'phimoe' && view.flag(view.find(['lm_head_bias'], options)) === true),
    stack,
    blocks: perLayer?.blocks,
    // DeepSeek-V3's multi-token-prediction module: trained (FLOPs), not loaded by transformers (not in N).
    mtpLayers: count(view, ['num_nextn_predict_layers'], 'a number of prediction layers', options),
    mtpOutsideCount: true,
    localAttention: readLocalAttention(view, type ?? declared, layers?.value, options),
    keyNames: { hidden: 'hidden_size', layers: 'num_hidden_layers', heads: 'num_attention_heads', ffn: 'intermediate_size', vocab: 'vocab_size' },
  };
}

/** A per-layer model's stack, so what counts layers by kind (KV cache, activations, LoRA) sees the right numbers. */
function blockStack(layout: LayerBlocks): LayerStack {
  const blocks = layout.blocks;
  return {
    attentionLayers: blocks.filter((block) => block.attention === 'attention').length,
    mambaLayers: 0,
    mlpLayers: blocks.filter((block) => block.mlp === 'mlp').length,
    layout: layout.layout,
  };
}

/** DeepSeek's multi-head latent attention, when `kv_lora_rank` is set. */
function readLatentAttention(view: ConfigView, options: FindOptions, bias: boolean): LatentAttention | undefined {
  const kvLoraRank = count(view, ['kv_lora_rank'], 'a key/value compression rank', options);
  if (!kvLoraRank) return undefined;
  const qkNopeHeadDim = count(view, ['qk_nope_head_dim'], 'a query/key head size without rotary part', options);
  const qkRopeHeadDim = count(view, ['qk_rope_head_dim'], 'a rotary head size', options);
  const vHeadDim = count(view, ['v_head_dim'], 'a value head size', options);
  if (!qkNopeHeadDim || !qkRopeHeadDim || !vHeadDim) return undefined;
  // `q_lora_rank: null` (DeepSeek-V2-Lite) is one full query projection.
  const qLoraRank = count(view, ['q_lora_rank'], 'a query compression rank', options);
  return { qLoraRank, kvLoraRank, qkNopeHeadDim, qkRopeHeadDim, vHeadDim, bias };
}

function readMixture(view: ConfigView, options: FindOptions, layers: number | undefined): Draft['moe'] {
  const experts = count(view, ['num_local_experts', 'num_experts', 'n_routed_experts', 'moe_num_experts', 'num_moe_experts'], 'a number of experts', options);
  if (!experts) return undefined;
  const topK = count(view, ['num_experts_per_tok', 'moe_top_k', 'num_experts_per_token', 'moe_router_topk', 'top_k'], 'a number of experts per token', options);
  const ffn = count(view, ['moe_intermediate_size', 'moe_ffn_hidden_size', 'expert_intermediate_size'], 'an expert MLP width', options);
  // 0 means no shared expert: Qwen3-MoE's official configs write it, and transformers'
  // Qwen3MoeSparseMoeBlock has no shared expert and never reads the key, so it is not an error.
  const sharedKey = view.find(['shared_expert_intermediate_size'], options);
  let sharedFfn = view.count(sharedKey, 'a shared-expert width', { integer: true });
  if (sharedFfn?.value === 0) sharedFfn = undefined;
  const sharedGate = !!sharedFfn;
  const sharedCount = count(view, ['n_shared_experts', 'num_shared_experts'], 'a number of shared experts', options);
  if (!sharedFfn && sharedCount && ffn) sharedFfn = derived(sharedCount.value * ffn.value, `${sharedCount.value} shared experts × ${ffn.value}`);
  let moeLayers = layers;
  const firstDense = count(view, ['first_k_dense_replace'], 'a number of dense layers', options);
  if (layers && firstDense) moeLayers = layers - firstDense.value;
  const mlpOnly = view.find(['mlp_only_layers'], options)?.entry.value;
  if (layers && mlpOnly?.kind === 'seq') moeLayers = layers - mlpOnly.items.length;
  const step = count(view, ['decoder_sparse_step', 'moe_layer_freq'], 'an MoE layer interval', options);
  if (layers && step && step.value > 1) moeLayers = Math.floor(layers / step.value);
  return { experts, topK, ffn, sharedFfn, sharedGate, moeLayers };
}

/** For an unknown `model_type`: read the activation and norm keys rather than guess blindly. */
function guessFamily(view: ConfigView, options: FindOptions): Family {
  const activation = textOf(view, ['hidden_act', 'activation_function', 'activation', 'hidden_activation'], options)?.toLowerCase() ?? '';
  const gated = /silu|swiglu|swish|geglu|glu/.test(activation) || view.find(['rms_norm_eps'], options) !== undefined;
  const rms = view.find(['rms_norm_eps', 'rms_norm'], options) !== undefined || gated;
  const type = textOf(view, ['model_type'], options);
  const name = type ? `Unknown family "${type.slice(0, 40)}"` : 'Unknown family';
  return { name, gated, norm: rms ? 'rms' : 'layernorm', normsPerLayer: 2, tiedByDefault: true, attentionBias: 'none', mlpBias: false };
}
