/**
 * Famous models with their published parameter counts and training tokens, for the chart.
 * N is the count the paper states (for mixture-of-experts models, the active parameters per
 * token, which is what 6·N·D counts). Where training tokens were never published, `tokens` is
 * null and the chart lists the model without placing it: no number here is guessed.
 */
export interface ReferenceModel {
  readonly id: string;
  readonly name: string;
  readonly family: string;
  readonly parameters: number;
  /** Total parameters when they differ from the active ones (mixture of experts). */
  readonly totalParameters?: number;
  readonly tokens: number | null;
  readonly year: number;
  readonly source: string;
}

export const REFERENCE_MODELS: readonly ReferenceModel[] = [
  // Brown et al. 2020, "Language Models are Few-Shot Learners", §2.2 and table 2.2: 175B, 300B tokens.
  { id: 'gpt-3', name: 'GPT-3 175B', family: 'GPT-3', parameters: 175e9, tokens: 300e9, year: 2020, source: 'Brown et al. 2020, GPT-3, §2.2' },
  // Rae et al. 2021, "Scaling Language Models: Methods, Analysis & Insights from Training Gopher": 280B, 300B tokens.
  { id: 'gopher', name: 'Gopher 280B', family: 'Gopher', parameters: 280e9, tokens: 300e9, year: 2021, source: 'Rae et al. 2021, Gopher, table 1' },
  // Smith et al. 2022, "Using DeepSpeed and Megatron to Train Megatron-Turing NLG 530B": 530B, 270B tokens.
  { id: 'mt-nlg', name: 'MT-NLG 530B', family: 'MT-NLG', parameters: 530e9, tokens: 270e9, year: 2022, source: 'Smith et al. 2022, MT-NLG, §3' },
  // Hoffmann et al. 2022, "Training Compute-Optimal Large Language Models": 70B, 1.4T tokens.
  {
    id: 'chinchilla',
    name: 'Chinchilla 70B',
    family: 'Chinchilla',
    parameters: 70e9,
    tokens: 1.4e12,
    year: 2022,
    source: 'Hoffmann et al. 2022, Chinchilla, table 1',
  },
  // Chowdhery et al. 2022, "PaLM: Scaling Language Modeling with Pathways": 540B, 780B tokens.
  { id: 'palm', name: 'PaLM 540B', family: 'PaLM', parameters: 540e9, tokens: 780e9, year: 2022, source: 'Chowdhery et al. 2022, PaLM, table 1' },
  // Touvron et al. 2023, "LLaMA: Open and Efficient Foundation Language Models", table 2: 6.7B/13.0B on 1.0T, 32.5B/65.2B on 1.4T.
  { id: 'llama-1-7b', name: 'LLaMA-1 7B', family: 'LLaMA-1', parameters: 6.7e9, tokens: 1.0e12, year: 2023, source: 'Touvron et al. 2023a, LLaMA, table 2' },
  { id: 'llama-1-13b', name: 'LLaMA-1 13B', family: 'LLaMA-1', parameters: 13.0e9, tokens: 1.0e12, year: 2023, source: 'Touvron et al. 2023a, LLaMA, table 2' },
  { id: 'llama-1-33b', name: 'LLaMA-1 33B', family: 'LLaMA-1', parameters: 32.5e9, tokens: 1.4e12, year: 2023, source: 'Touvron et al. 2023a, LLaMA, table 2' },
  { id: 'llama-1-65b', name: 'LLaMA-1 65B', family: 'LLaMA-1', parameters: 65.2e9, tokens: 1.4e12, year: 2023, source: 'Touvron et al. 2023a, LLaMA, table 2' },
  // Touvron et al. 2023, "Llama 2: Open Foundation and Fine-Tuned Chat Models", table 1: 7B/13B/70B on 2.0T tokens.
  { id: 'llama-2-7b', name: 'Llama 2 7B', family: 'Llama 2', parameters: 7e9, tokens: 2e12, year: 2023, source: 'Touvron et al. 2023b, Llama 2, table 1' },
  { id: 'llama-2-13b', name: 'Llama 2 13B', family: 'Llama 2', parameters: 13e9, tokens: 2e12, year: 2023, source: 'Touvron et al. 2023b, Llama 2, table 1' },
  { id: 'llama-2-70b', name: 'Llama 2 70B', family: 'Llama 2', parameters: 70e9, tokens: 2e12, year: 2023, source: 'Touvron et al. 2023b, Llama 2, table 1' },
  // Llama Team 2024, "The Llama 3 Herd of Models": 8B and 70B on about 15T tokens; 405B on 15.6T tokens (§3).
  {
    id: 'llama-3-8b',
    name: 'Llama 3 8B',
    family: 'Llama 3',
    parameters: 8e9,
    tokens: 15e12,
    year: 2024,
    source: 'Llama Team 2024, The Llama 3 Herd of Models (about 15T tokens)',
  },
  {
    id: 'llama-3-70b',
    name: 'Llama 3 70B',
    family: 'Llama 3',
    parameters: 70e9,
    tokens: 15e12,
    year: 2024,
    source: 'Llama Team 2024, The Llama 3 Herd of Models (about 15T tokens)',
  },
  {
    id: 'llama-3-405b',
    name: 'Llama 3.1 405B',
    family: 'Llama 3',
    parameters: 405e9,
    tokens: 15.6e12,
    year: 2024,
    source: 'Llama Team 2024, The Llama 3 Herd of Models, §3 (15.6T tokens)',
  },
  // Biderman et al. 2023, "Pythia", table 1: every model sees 299,892,736,000 tokens.
  {
    id: 'pythia-1.4b',
    name: 'Pythia 1.4B',
    family: 'Pythia',
    parameters: 1.4e9,
    tokens: 299_892_736_000,
    year: 2023,
    source: 'Biderman et al. 2023, Pythia, table 1',
  },
  {
    id: 'pythia-12b',
    name: 'Pythia 12B',
    family: 'Pythia',
    parameters: 12e9,
    tokens: 299_892_736_000,
    year: 2023,
    source: 'Biderman et al. 2023, Pythia, table 1',
  },
  // Groeneveld et al. 2024, "OLMo: Accelerating the Science of Language Models", table 1: OLMo-7B on 2.46T tokens.
  { id: 'olmo-7b', name: 'OLMo 7B', family: 'OLMo', parameters: 7e9, tokens: 2.46e12, year: 2024, source: 'Groeneveld et al. 2024, OLMo, table 1' },
  // DeepSeek-AI 2024, "DeepSeek-V3 Technical Report": 671B total, 37B activated per token, 14.8T tokens.
  {
    id: 'deepseek-v3',
    name: 'DeepSeek-V3 (37B active)',
    family: 'DeepSeek-V3',
    parameters: 37e9,
    totalParameters: 671e9,
    tokens: 14.8e12,
    year: 2024,
    source: 'DeepSeek-AI 2024, DeepSeek-V3 Technical Report, abstract',
  },
  // Jiang et al. 2024, "Mixtral of Experts": 47B total, 13B active per token; training tokens not published.
  {
    id: 'mixtral-8x7b',
    name: 'Mixtral 8x7B (13B active)',
    family: 'Mixtral',
    parameters: 13e9,
    totalParameters: 47e9,
    tokens: null,
    year: 2024,
    source: 'Jiang et al. 2024, Mixtral of Experts, §2 (training tokens not published)',
  },
];

/** The models that can be placed on a parameters × tokens chart. */
export function plottedReferences(models: readonly ReferenceModel[] = REFERENCE_MODELS): (ReferenceModel & { tokens: number })[] {
  return models.filter((model): model is ReferenceModel & { tokens: number } => model.tokens !== null);
}
