/**
 * Published parameter counts of the catalog's models, each with its source. `within` is one
 * unit of the last digit the source gives ("7.61B" is ±0.01B): model cards round some figures
 * and cut others (Llama 3.2 1B has 1,235,814,400 parameters by its config.json and its card
 * says 1.23B; Qwen2.5-3B has 3,085,938,688 and its card says 3.09B). A figure that is only the
 * model's size class ("8B", "14B") gets the relative tolerance written beside it; a figure that
 * disagrees with the model's own config.json says so.
 * `nonEmbedding` is the count without input and output embeddings, where the source gives it.
 * None of these numbers come from running our code.
 */
export interface Published {
  readonly id: string;
  readonly total?: number;
  readonly nonEmbedding?: number;
  readonly active?: number;
  /** Absolute tolerance, for figures stated to a rounding. */
  readonly within?: number;
  /** Relative tolerance, for size-class names. */
  readonly relative?: number;
  readonly source: string;
}

const B = 1e9;
const M = 1e6;

export const PUBLISHED: readonly Published[] = [
  // Llama
  { id: 'meta-llama/Llama-2-7b-hf', total: 7 * B, relative: 0.05, source: 'Touvron et al. 2023, Llama 2, Table 1: "7B" (size class; 6.74B counted)' },
  { id: 'meta-llama/Llama-2-13b-hf', total: 13 * B, relative: 0.05, source: 'Touvron et al. 2023, Llama 2, Table 1: "13B"' },
  {
    id: 'codellama/CodeLlama-7b-hf',
    total: 6_738_546_688,
    within: 0,
    source: 'codellama/CodeLlama-7b-hf safetensors total 6,738,546,688 (Llama-2-7B + 16 infilling rows × 4096 × 2)',
  },
  { id: 'codellama/CodeLlama-13b-hf', total: 13_016_028_160, within: 0, source: 'codellama/CodeLlama-13b-hf: Llama-2-13B 13,015,864,320 + 16 rows × 5120 × 2' },
  {
    id: 'codellama/CodeLlama-34b-hf',
    total: 33_743_970_304,
    within: 0,
    source: 'Rozière et al. 2023, "34B": 48 × (150,994,944 attention + 541,065,216 MLP + 16,384 norms) + 2 × 32000 × 8192 + 8192',
  },
  { id: 'meta-llama/Llama-2-70b-hf', total: 70 * B, relative: 0.05, source: 'Touvron et al. 2023, Llama 2, Table 1: "70B"' },
  { id: 'meta-llama/Meta-Llama-3-8B', total: 8 * B, relative: 0.01, source: 'Meta Llama 3 model card: "8B"' },
  { id: 'meta-llama/Meta-Llama-3-70B', total: 70 * B, relative: 0.01, source: 'Meta Llama 3 model card: "70B"' },
  { id: 'meta-llama/Llama-3.1-8B', total: 8 * B, relative: 0.01, source: 'Llama 3.1 model card and Llama 3 paper Table 3: "8B"' },
  { id: 'meta-llama/Llama-3.1-70B', total: 70 * B, relative: 0.01, source: 'Llama 3.1 model card and Llama 3 paper Table 3: "70B"' },
  { id: 'meta-llama/Llama-3.1-405B', total: 405 * B, relative: 0.01, source: 'Llama 3.1 model card and Llama 3 paper Table 3: "405B"' },
  { id: 'meta-llama/Llama-3.2-1B', total: 1.23 * B, within: 0.01 * B, source: 'Llama 3.2 model card: "1B (1.23B)"' },
  { id: 'meta-llama/Llama-3.2-3B', total: 3.21 * B, within: 0.01 * B, source: 'Llama 3.2 model card: "3B (3.21B)"' },
  { id: 'meta-llama/Llama-3.3-70B-Instruct', total: 70 * B, relative: 0.01, source: 'Llama 3.3 model card: "70B"' },
  { id: 'TinyLlama/TinyLlama-1.1B-intermediate-step-1431k-3T', total: 1.1 * B, within: 0.1 * B, source: 'Zhang et al. 2024, TinyLlama: "1.1B"' },
  // Qwen: each model card's "Number of Parameters" and "Number of Parameters (Non-Embedding)"
  {
    id: 'Qwen/Qwen2-7B',
    total: 7.61 * B,
    nonEmbedding: 6.53 * B,
    within: 0.01 * B,
    source: 'Qwen2-7B has the shape of Qwen2.5-7B, whose model card says 7.61B, non-embedding 6.53B',
  },
  { id: 'Qwen/Qwen2.5-0.5B', total: 0.49 * B, nonEmbedding: 0.36 * B, within: 0.01 * B, source: 'Qwen2.5-0.5B model card: 0.49B, non-embedding 0.36B' },
  { id: 'Qwen/Qwen2.5-1.5B', total: 1.54 * B, nonEmbedding: 1.31 * B, within: 0.01 * B, source: 'Qwen2.5-1.5B model card: 1.54B, non-embedding 1.31B' },
  { id: 'Qwen/Qwen2.5-3B', total: 3.09 * B, nonEmbedding: 2.77 * B, within: 0.01 * B, source: 'Qwen2.5-3B model card: 3.09B, non-embedding 2.77B' },
  { id: 'Qwen/Qwen2.5-7B', total: 7.61 * B, nonEmbedding: 6.53 * B, within: 0.01 * B, source: 'Qwen2.5-7B model card: 7.61B, non-embedding 6.53B' },
  // The 14B card's figures are 0.5% and 0.9% below its config.json's 14.77B and 13.21B.
  { id: 'Qwen/Qwen2.5-14B', total: 14.7 * B, nonEmbedding: 13.1 * B, relative: 0.01, source: 'Qwen2.5-14B model card: 14.7B, non-embedding 13.1B' },
  // The 32B card's figures are 0.8% below what its own config.json gives (64 layers of 5,120
  // with a 27,648 MLP: 32.76B, 31.21B without embeddings); the 72B card's non-embedding figure
  // is 0.3% below (70.21B) while its total agrees. Checked to 1% and 0.5%.
  { id: 'Qwen/Qwen2.5-32B', total: 32.5 * B, nonEmbedding: 31.0 * B, relative: 0.01, source: 'Qwen2.5-32B model card: 32.5B, non-embedding 31.0B' },
  { id: 'Qwen/Qwen2.5-72B', total: 72.7 * B, nonEmbedding: 70.0 * B, relative: 0.005, source: 'Qwen2.5-72B model card: 72.7B, non-embedding 70.0B' },
  { id: 'Qwen/Qwen3-0.6B', total: 0.6 * B, nonEmbedding: 0.44 * B, within: 0.1 * B, source: 'Qwen3-0.6B model card: 0.6B, non-embedding 0.44B' },
  { id: 'Qwen/Qwen3-1.7B', total: 1.7 * B, nonEmbedding: 1.4 * B, within: 0.1 * B, source: 'Qwen3-1.7B model card: 1.7B, non-embedding 1.4B' },
  { id: 'Qwen/Qwen3-4B', total: 4.0 * B, nonEmbedding: 3.6 * B, within: 0.1 * B, source: 'Qwen3-4B model card: 4.0B, non-embedding 3.6B' },
  { id: 'Qwen/Qwen3-8B', total: 8.2 * B, nonEmbedding: 6.95 * B, within: 0.1 * B, source: 'Qwen3-8B model card: 8.2B, non-embedding 6.95B' },
  { id: 'Qwen/Qwen3-14B', total: 14.8 * B, nonEmbedding: 13.2 * B, within: 0.1 * B, source: 'Qwen3-14B model card: 14.8B, non-embedding 13.2B' },
  { id: 'Qwen/Qwen3-32B', total: 32.8 * B, nonEmbedding: 31.2 * B, within: 0.1 * B, source: 'Qwen3-32B model card: 32.8B, non-embedding 31.2B' },
  {
    id: 'Qwen/Qwen3-30B-A3B',
    total: 30.5 * B,
    nonEmbedding: 29.9 * B,
    active: 3.3 * B,
    within: 0.1 * B,
    source: 'Qwen3-30B-A3B model card: 30.5B, 3.3B activated, non-embedding 29.9B',
  },
  {
    id: 'Qwen/Qwen3-235B-A22B',
    total: 235 * B,
    nonEmbedding: 234 * B,
    active: 22 * B,
    within: 1 * B,
    source: 'Qwen3-235B-A22B model card: 235B, 22B activated, non-embedding 234B',
  },
  // Gemma: Gemma 2's report gives exact non-embedding counts (its embedding counts use a padded
  // vocabulary of 256,128); Gemma 3's report gives millions, for the language model alone.
  { id: 'google/gemma-2b', nonEmbedding: 1_981_884_416, source: 'Gemma Team 2024, Gemma, Table 2: 1,981,884,416 non-embedding' },
  { id: 'google/gemma-7b', nonEmbedding: 7_751_248_896, source: 'Gemma Team 2024, Gemma, Table 2: 7,751,248,896 non-embedding' },
  { id: 'google/gemma-2-2b', nonEmbedding: 2_024_517_888, source: 'Gemma Team 2024, Gemma 2, Table 2: 2,024,517,888 non-embedding' },
  { id: 'google/gemma-2-9b', nonEmbedding: 8_324_201_984, source: 'Gemma Team 2024, Gemma 2, Table 2: 8,324,201,984 non-embedding' },
  { id: 'google/gemma-2-27b', nonEmbedding: 26_047_480_320, source: 'Gemma Team 2024, Gemma 2, Table 2: 26,047,480,320 non-embedding' },
  {
    id: 'google/gemma-3-1b-pt',
    total: 1000 * M,
    nonEmbedding: 698 * M,
    within: 1 * M,
    source: 'Gemma Team 2025, Gemma 3, Table 1: 302M embedding + 698M non-embedding',
  },
  { id: 'google/gemma-3-4b-pt', nonEmbedding: 3209 * M, within: 1 * M, source: 'Gemma Team 2025, Gemma 3, Table 1: 3,209M non-embedding' },
  { id: 'google/gemma-3-12b-pt', nonEmbedding: 10759 * M, within: 1 * M, source: 'Gemma Team 2025, Gemma 3, Table 1: 10,759M non-embedding' },
  { id: 'google/gemma-3-27b-pt', nonEmbedding: 25600 * M, within: 1 * M, source: 'Gemma Team 2025, Gemma 3, Table 1: 25,600M non-embedding' },
  // Mistral AI's announcements
  { id: 'mistralai/Mistral-7B-v0.1', total: 7.3 * B, within: 0.1 * B, source: 'Mistral AI, "Mistral 7B" (2023): 7.3B' },
  { id: 'mistralai/Mistral-7B-v0.3', total: 7.3 * B, within: 0.1 * B, source: 'Mistral AI, "Mistral 7B" (2023): 7.3B; v0.3 adds 768 vocabulary rows' },
  { id: 'mistralai/Mistral-Nemo-Base-2407', total: 12 * B, relative: 0.03, source: 'Mistral AI, "Mistral NeMo" (2024): "12B"' },
  { id: 'mistralai/Mistral-Small-24B-Base-2501', total: 24 * B, relative: 0.03, source: 'Mistral AI, "Mistral Small 3" (2025): "24B"' },
  {
    id: 'mistralai/Mixtral-8x7B-v0.1',
    total: 46.7 * B,
    active: 12.9 * B,
    within: 0.1 * B,
    source: 'Mistral AI, "Mixtral of experts" (2023): 46.7B total, 12.9B per token',
  },
  {
    id: 'mistralai/Mixtral-8x22B-v0.1',
    total: 141 * B,
    active: 39 * B,
    within: 1 * B,
    source: 'Mistral AI, "Cheaper, Better, Faster, Stronger" (2024): 141B, 39B active',
  },
  // Phi
  { id: 'microsoft/Phi-3-mini-4k-instruct', total: 3.8 * B, within: 0.1 * B, source: 'Abdin et al. 2024, Phi-3 technical report: 3.8B' },
  { id: 'microsoft/Phi-3-medium-4k-instruct', total: 14 * B, within: 1 * B, source: 'Abdin et al. 2024, Phi-3 technical report: 14B' },
  { id: 'microsoft/Phi-3-mini-128k-instruct', total: 3.8 * B, within: 0.1 * B, source: 'Abdin et al. 2024, Phi-3 technical report: 3.8B' },
  { id: 'microsoft/Phi-3-medium-128k-instruct', total: 14 * B, within: 1 * B, source: 'Abdin et al. 2024, Phi-3 technical report: 14B' },
  { id: 'microsoft/Phi-3.5-mini-instruct', total: 3.8 * B, within: 0.1 * B, source: 'Phi-3.5-mini-instruct model card: 3.8B' },
  { id: 'microsoft/phi-4', total: 14 * B, relative: 0.05, source: 'Abdin et al. 2024, Phi-4 technical report: "14B" (size class)' },
  // Small models and OLMo
  { id: 'HuggingFaceTB/SmolLM-135M', total: 135 * M, within: 1 * M, source: 'SmolLM blog post (2024): 135M' },
  { id: 'HuggingFaceTB/SmolLM-360M', total: 360 * M, within: 10 * M, source: 'SmolLM blog post (2024): 360M' },
  { id: 'HuggingFaceTB/SmolLM-1.7B', total: 1.7 * B, within: 0.1 * B, source: 'SmolLM blog post (2024): 1.7B' },
  { id: 'HuggingFaceTB/SmolLM2-135M', total: 135 * M, within: 1 * M, source: 'SmolLM2-135M model card: 135M' },
  { id: 'HuggingFaceTB/SmolLM2-360M', total: 360 * M, within: 10 * M, source: 'SmolLM2-360M model card: 360M' },
  { id: 'HuggingFaceTB/SmolLM2-1.7B', total: 1.7 * B, within: 0.1 * B, source: 'SmolLM2-1.7B model card: 1.7B' },
  { id: 'allenai/OLMo-7B', total: 7 * B, relative: 0.02, source: 'Groeneveld et al. 2024, OLMo, Table 1: "7B" (size class)' },
  { id: 'allenai/OLMo-2-1124-7B', total: 7 * B, relative: 0.05, source: 'OLMo 2 model card: "7B" (size class)' },
  { id: 'allenai/OLMo-2-1124-13B', total: 13 * B, relative: 0.06, source: 'OLMo 2 model card: "13B" (size class)' },
  // Classics
  { id: 'openai-community/gpt2', total: 124 * M, within: 1 * M, source: 'Radford et al. 2019 as re-counted by the Hugging Face model card: 124M' },
  { id: 'openai-community/gpt2-medium', total: 355 * M, within: 1 * M, source: 'gpt2-medium model card: 355M' },
  { id: 'openai-community/gpt2-large', total: 774 * M, within: 1 * M, source: 'gpt2-large model card: 774M' },
  { id: 'openai-community/gpt2-xl', total: 1.5 * B, relative: 0.05, source: 'gpt2-xl model card: "1.5B" (size class)' },
  { id: 'EleutherAI/pythia-14m', total: 14_067_712, source: 'EleutherAI/pythia-14m model card: 14,067,712 parameters' },
  { id: 'EleutherAI/pythia-70m', total: 70_426_624, source: 'Biderman et al. 2023, Pythia, Table 1: 70,426,624' },
  { id: 'EleutherAI/pythia-160m', total: 162_322_944, source: 'Biderman et al. 2023, Pythia, Table 1: 162,322,944' },
  { id: 'EleutherAI/pythia-410m', total: 405_334_016, source: 'Biderman et al. 2023, Pythia, Table 1: 405,334,016' },
  { id: 'EleutherAI/pythia-1.4b', total: 1_414_647_808, source: 'Biderman et al. 2023, Pythia, Table 1: 1,414,647,808' },
  { id: 'EleutherAI/pythia-6.9b', total: 6_857_302_016, source: 'Biderman et al. 2023, Pythia, Table 1: 6,857,302,016' },
  { id: 'EleutherAI/pythia-12b', total: 11_846_072_320, source: 'Biderman et al. 2023, Pythia, Table 1: 11,846,072,320' },
  { id: 'tiiuae/falcon-7b', total: 7 * B, relative: 0.02, source: 'Falcon-7B model card: "7B" (size class)' },
];

/** DeepSeek: counts that need multi-head latent attention (checked in deepseekCatalog.test.ts). */
export const PUBLISHED_MLA: readonly Published[] = [
  {
    id: 'deepseek-ai/DeepSeek-V2',
    total: 236 * B,
    active: 21 * B,
    within: 1 * B,
    source: 'DeepSeek-AI 2024, DeepSeek-V2: 236B total, 21B activated per token',
  },
  {
    id: 'deepseek-ai/DeepSeek-V3',
    total: 671 * B,
    active: 37 * B,
    within: 1 * B,
    source: 'DeepSeek-AI 2024, DeepSeek-V3: 671B total (without the 14B multi-token-prediction module), 37B activated',
  },
];
