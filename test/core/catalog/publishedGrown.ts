import type { Published } from './published';

/**
 * Published parameter counts of the models added when the catalog grew past 150 entries. Where a
 * model card or paper gives a figure, it is checked to the unit of its last digit; where only the
 * size class in the model's name is published, to the relative tolerance written beside it (the
 * count from the model's own config.json is given in the source text). None of these numbers
 * come from running our code.
 */
const B = 1e9;
const M = 1e6;
const sizeClass = (id: string, size: number, relative: number, counted: string): Published => ({
  id,
  total: size,
  relative,
  source: `size class in the model's name (${counted} by its config.json)`,
});

export const PUBLISHED_GROWN: readonly Published[] = [
  // Llama family and Llama fine-tunes with their own config.json
  sizeClass('codellama/CodeLlama-70b-hf', 70 * B, 0.02, '68.98B'),
  { id: 'openlm-research/open_llama_3b', total: 3 * B, relative: 0.15, source: 'OpenLLaMA README: "3B" (3.43B by its config.json: 26 layers of 3,200)' },
  sizeClass('openlm-research/open_llama_7b', 7 * B, 0.05, '6.74B'),
  sizeClass('openlm-research/open_llama_13b', 13 * B, 0.01, '13.02B'),
  sizeClass('togethercomputer/LLaMA-2-7B-32K', 7 * B, 0.05, '6.74B'),
  { id: 'keeeeenw/MicroLlama', total: 300 * M, relative: 0.02, source: 'keeeeenw/MicroLlama model card: "300M"' },
  sizeClass('BSC-LT/salamandra-2b', 2 * B, 0.13, '2.25B: a 256,000-token vocabulary'),
  sizeClass('BSC-LT/salamandra-7b', 7 * B, 0.12, '7.77B: a 256,000-token vocabulary'),
  sizeClass('nvidia/Llama-3.1-Nemotron-70B-Instruct-HF', 70 * B, 0.01, '70.55B'),
  sizeClass('garage-bAInd/Platypus-30B', 30 * B, 0.1, '32.53B, LLaMA-1 "33B"'),
  sizeClass('garage-bAInd/Platypus2-7B', 7 * B, 0.05, '6.74B'),
  sizeClass('garage-bAInd/Platypus2-13B', 13 * B, 0.01, '13.02B'),
  sizeClass('garage-bAInd/Camel-Platypus2-13B', 13 * B, 0.01, '13.02B'),
  sizeClass('garage-bAInd/Stable-Platypus2-13B', 13 * B, 0.01, '13.02B'),
  sizeClass('garage-bAInd/Camel-Platypus2-70B', 70 * B, 0.02, '68.98B'),
  sizeClass('garage-bAInd/Platypus2-70B-instruct', 70 * B, 0.02, '68.98B'),
  sizeClass('stabilityai/FreeWilly2', 70 * B, 0.02, '68.98B'),
  sizeClass('Trelis/Llama-2-7b-chat-hf-function-calling-v2', 7 * B, 0.05, '6.74B'),
  // Qwen: the model cards' "Number of Parameters"
  {
    id: 'Qwen/Qwen2.5-Coder-0.5B',
    total: 0.49 * B,
    nonEmbedding: 0.36 * B,
    within: 0.01 * B,
    source: 'Qwen2.5-Coder-0.5B model card: 0.49B, non-embedding 0.36B',
  },
  {
    id: 'Qwen/Qwen2.5-Coder-1.5B',
    total: 1.54 * B,
    nonEmbedding: 1.31 * B,
    within: 0.01 * B,
    source: 'Qwen2.5-Coder-1.5B model card: 1.54B, non-embedding 1.31B',
  },
  { id: 'Qwen/Qwen2.5-Coder-3B', total: 3.09 * B, nonEmbedding: 2.77 * B, within: 0.01 * B, source: 'Qwen2.5-Coder-3B model card: 3.09B, non-embedding 2.77B' },
  { id: 'Qwen/Qwen2.5-Coder-7B', total: 7.61 * B, nonEmbedding: 6.53 * B, within: 0.01 * B, source: 'Qwen2.5-Coder-7B model card: 7.61B, non-embedding 6.53B' },
  { id: 'Qwen/Qwen2.5-Coder-14B', total: 14.7 * B, nonEmbedding: 13.1 * B, relative: 0.01, source: 'Qwen2.5-Coder-14B model card: 14.7B, non-embedding 13.1B' },
  { id: 'Qwen/Qwen2.5-Coder-32B', total: 32.5 * B, nonEmbedding: 31.0 * B, relative: 0.01, source: 'Qwen2.5-Coder-32B model card: 32.5B, non-embedding 31.0B' },
  sizeClass('Qwen/Qwen2.5-Math-1.5B', 1.5 * B, 0.03, '1.54B'),
  sizeClass('Qwen/Qwen2.5-Math-7B', 7 * B, 0.1, '7.62B, the shape of Qwen2.5-7B (7.61B by its card)'),
  sizeClass('Qwen/Qwen2.5-Math-72B', 72 * B, 0.01, '72.71B'),
  {
    id: 'Qwen/Qwen2.5-7B-Instruct-1M',
    total: 7.61 * B,
    nonEmbedding: 6.53 * B,
    within: 0.01 * B,
    source: 'Qwen2.5-7B-Instruct-1M model card: 7.61B, non-embedding 6.53B',
  },
  {
    id: 'Qwen/Qwen2.5-14B-Instruct-1M',
    total: 14.7 * B,
    nonEmbedding: 13.1 * B,
    relative: 0.01,
    source: 'Qwen2.5-14B-Instruct-1M model card: 14.7B, non-embedding 13.1B',
  },
  { id: 'Qwen/QwQ-32B', total: 32.5 * B, nonEmbedding: 31.0 * B, relative: 0.01, source: 'QwQ-32B model card: 32.5B, non-embedding 31.0B' },
  { id: 'Qwen/QwQ-32B-Preview', total: 32.5 * B, nonEmbedding: 31.0 * B, relative: 0.01, source: 'QwQ-32B-Preview model card: 32.5B, non-embedding 31.0B' },
  {
    id: 'Qwen/Qwen3-Coder-480B-A35B-Instruct',
    total: 480 * B,
    active: 35 * B,
    relative: 0.015,
    source: 'Qwen3-Coder-480B-A35B-Instruct model card: 480B in total, 35B activated',
  },
  {
    id: 'Qwen/Qwen3-4B-Instruct-2507',
    total: 4.0 * B,
    nonEmbedding: 3.6 * B,
    within: 0.1 * B,
    source: 'Qwen3-4B-Instruct-2507 model card: 4.0B, non-embedding 3.6B',
  },
  {
    id: 'Qwen/Qwen3-4B-Thinking-2507',
    total: 4.0 * B,
    nonEmbedding: 3.6 * B,
    within: 0.1 * B,
    source: 'Qwen3-4B-Thinking-2507 model card: 4.0B, non-embedding 3.6B',
  },
  {
    id: 'Qwen/Qwen3-30B-A3B-Instruct-2507',
    total: 30.5 * B,
    active: 3.3 * B,
    nonEmbedding: 29.9 * B,
    within: 0.1 * B,
    source: 'Qwen3-30B-A3B-Instruct-2507 model card: 30.5B, 3.3B activated, non-embedding 29.9B',
  },
  {
    id: 'Qwen/Qwen3-30B-A3B-Thinking-2507',
    total: 30.5 * B,
    active: 3.3 * B,
    nonEmbedding: 29.9 * B,
    within: 0.1 * B,
    source: 'Qwen3-30B-A3B-Thinking-2507 model card: 30.5B, 3.3B activated, non-embedding 29.9B',
  },
  {
    id: 'Qwen/Qwen3-235B-A22B-Instruct-2507',
    total: 235 * B,
    active: 22 * B,
    within: 1 * B,
    source: 'Qwen3-235B-A22B-Instruct-2507 model card: 235B, 22B activated',
  },
  {
    id: 'Qwen/Qwen3-235B-A22B-Thinking-2507',
    total: 235 * B,
    active: 22 * B,
    within: 1 * B,
    source: 'Qwen3-235B-A22B-Thinking-2507 model card: 235B, 22B activated',
  },
  // Gemma, Mistral, Phi
  {
    id: 'google/codegemma-7b-it',
    nonEmbedding: 7_751_248_896,
    source: "CodeGemma has Gemma 7B's shape: Gemma Team 2024, Gemma, Table 2: 7,751,248,896 non-embedding",
  },
  { id: 'mistralai/Mistral-7B-v0.2', total: 7.3 * B, within: 0.1 * B, source: 'Mistral AI, "Mistral 7B" (2023): 7.3B' },
  { id: 'mistralai/mathstral-7B-v0.1', total: 7.25 * B, within: 0.01 * B, source: 'mistralai/mathstral-7B-v0.1 model card: 7.25B' },
  { id: 'mistralai/Mistral-Large-Instruct-2407', total: 123 * B, within: 1 * B, source: 'Mistral AI, "Large Enough" (2024): 123B parameters' },
  { id: 'mistralai/Mistral-Large-Instruct-2411', total: 123 * B, within: 1 * B, source: 'mistralai/Mistral-Large-Instruct-2411 model card: 123B' },
  {
    id: 'microsoft/phi-1_5',
    total: 1.3 * B,
    relative: 0.1,
    source: 'microsoft/phi-1_5 model card: "1.3 billion" (1.42B by its config.json with the 51,200-row padded vocabulary)',
  },
  { id: 'microsoft/phi-2', total: 2.7 * B, relative: 0.03, source: 'microsoft/phi-2 model card: 2.7 billion' },
  { id: 'microsoft/Phi-4-mini-instruct', total: 3.8 * B, within: 0.1 * B, source: 'microsoft/Phi-4-mini-instruct model card: 3.8B' },
  { id: 'microsoft/Phi-4-mini-reasoning', total: 3.8 * B, within: 0.1 * B, source: 'microsoft/Phi-4-mini-reasoning model card: 3.8B' },
  { id: 'microsoft/Phi-4-reasoning', total: 14 * B, relative: 0.05, source: 'microsoft/Phi-4-reasoning model card: "14B" (size class)' },
  { id: 'microsoft/Phi-4-reasoning-plus', total: 14 * B, relative: 0.05, source: 'microsoft/Phi-4-reasoning-plus model card: "14B" (size class)' },
  // Falcon and StableLM
  sizeClass('tiiuae/falcon-40b', 40 * B, 0.04, '41.30B'),
  sizeClass('tiiuae/falcon-180B', 180 * B, 0.01, '178.56B'),
  sizeClass('tiiuae/Falcon3-3B-Base', 3 * B, 0.08, '3.23B'),
  sizeClass('tiiuae/Falcon3-7B-Base', 7 * B, 0.07, '7.46B'),
  sizeClass('tiiuae/Falcon3-10B-Base', 10 * B, 0.035, '10.31B'),
  sizeClass('stabilityai/stablelm-base-alpha-3b', 3 * B, 0.22, '3.64B: 16 layers of 4,096'),
  sizeClass('stabilityai/stablelm-base-alpha-7b', 7 * B, 0.13, '7.87B: 16 layers of 6,144'),
  { id: 'stabilityai/stablelm-3b-4e1t', total: 2_795_443_200, source: 'stabilityai/stablelm-3b-4e1t model card: 2,795,443,200 parameters' },
  {
    id: 'stabilityai/stablelm-zephyr-3b',
    total: 2_795_443_200,
    source: 'StableLM-Zephyr-3B is a fine-tune of StableLM-3B-4E1T (2,795,443,200 by its model card)',
  },
  sizeClass('stabilityai/stable-code-3b', 3 * B, 0.08, '2.80B, the StableLM-3B-4E1T shape'),
  sizeClass('stabilityai/stablecode-completion-alpha-3b', 3 * B, 0.08, '2.77B'),
  sizeClass('stabilityai/stablecode-completion-alpha-3b-4k', 3 * B, 0.08, '2.77B'),
  sizeClass('stabilityai/stablecode-instruct-alpha-3b', 3 * B, 0.08, '2.77B'),
  // EleutherAI, BigCode
  sizeClass('EleutherAI/pythia-31m', 31 * M, 0.02, '30.49M'),
  { id: 'EleutherAI/pythia-1b', total: 1_011_781_632, source: 'Biderman et al. 2023, Pythia, Table 1: 1,011,781,632' },
  { id: 'EleutherAI/pythia-2.8b', total: 2_775_208_960, source: 'Biderman et al. 2023, Pythia, Table 1: 2,775,208,960' },
  { id: 'EleutherAI/gpt-neo-125m', total: 125 * M, within: 1 * M, source: 'EleutherAI/gpt-neo-125m model card: 125M' },
  { id: 'EleutherAI/gpt-neo-2.7B', total: 2.7 * B, relative: 0.02, source: 'EleutherAI/gpt-neo-2.7B model card: 2.7B' },
  { id: 'EleutherAI/gpt-neox-20b', total: 20_554_567_680, source: 'Black et al. 2022, GPT-NeoX-20B, Table 1: 20,554,567,680 parameters' },
  { id: 'EleutherAI/gpt-neo-1.3B', total: 1.3 * B, relative: 0.02, source: 'EleutherAI/gpt-neo-1.3B model card: 1.3B' },
  { id: 'bigcode/starcoder2-3b', total: 3 * B, relative: 0.02, source: 'bigcode/starcoder2-3b model card: "3B" (size class)' },
  // AI2, Hugging Face
  sizeClass('allenai/OLMo-1B-hf', 1 * B, 0.18, '1.18B: tied embeddings of 50,304 × 2,048'),
  { id: 'allenai/OLMoE-1B-7B-0924', total: 6.9 * B, active: 1.3 * B, within: 0.1 * B, source: 'Muennighoff et al. 2024, OLMoE: 6.9B total, 1.3B active' },
  sizeClass('HuggingFaceTB/SmolLM3-3B', 3 * B, 0.03, '3.08B'),
  sizeClass('allenai/Olmo-3-1025-7B', 7 * B, 0.05, '7.30B'),
  sizeClass('allenai/Olmo-3-1125-32B', 32 * B, 0.01, '32.23B'),
  // DeepSeek and Kimi (latent attention; activated counts include embeddings, as the V3 report's 37B does)
  { id: 'deepseek-ai/DeepSeek-R1', total: 671 * B, active: 37 * B, within: 1 * B, source: 'DeepSeek-R1 model card: 671B total, 37B activated' },
  { id: 'deepseek-ai/DeepSeek-V2-Lite', total: 15.7 * B, within: 0.1 * B, source: 'DeepSeek-V2-Lite model card: 15.7B total' },
  {
    id: 'moonshotai/Kimi-K2-Base',
    total: 1e12,
    active: 32 * B,
    relative: 0.03,
    source: 'Kimi K2 model card: "32 billion activated parameters and 1 trillion total parameters"',
  },
  sizeClass('deepseek-ai/DeepSeek-R1-Distill-Llama-8B', 8 * B, 0.01, '8.03B, the shape of Llama-3.1-8B'),
  sizeClass('deepseek-ai/DeepSeek-R1-Distill-Llama-70B', 70 * B, 0.01, '70.55B, the shape of Llama-3.3-70B'),
];
