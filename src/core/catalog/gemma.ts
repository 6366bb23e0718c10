import type { CatalogModel } from './catalogModel';
import { decoder, LITGPT } from './shapes';

/**
 * Gemma, Gemma 2 and Gemma 3 (input and output embeddings tied). Shapes: LitGPT's config.py
 * (`head_size` is config.json's `head_dim`). Gemma 3 4B, 12B and 27B are image-text models on
 * the Hub (`model_type: gemma3`, the language model under `text_config`); the catalog holds the
 * language model, which is what a text fine-tune trains: the 417M SigLIP encoder is not counted.
 * Local attention, so the FLOP count caps those layers' keys: Gemma 2 alternates a 4,096-token
 * window with global layers (`sliding_window_size`, `sliding_window_indices` i % 2 == 0 in LitGPT);
 * Gemma 3 has five local layers to one global, with a 512-token window on 1B and 1,024 on the others.
 * The reader lays the layers out from `model_type` (Gemma 2: even layers local; Gemma 3: pattern 6).
 */
const gemma = (type: string, h: number, layers: number, heads: number, kv: number, headDim: number, ffn: number, vocab: number, window?: number) =>
  decoder(type, h, layers, heads, kv, ffn, vocab, true, window ? { head_dim: headDim, sliding_window: window } : { head_dim: headDim });

const tokens = (trillions: number, report: string) => ({ trainingTokens: trillions * 1e12, tokensSource: `${report} (${trillions}T tokens)` });

export const GEMMA_MODELS: readonly CatalogModel[] = [
  {
    id: 'google/gemma-2b',
    aliases: ['gemma-2b', 'Gemma-2b', 'Gemma-2b-it', 'google/gemma-2b-it'],
    config: gemma('gemma', 2048, 18, 8, 1, 256, 16384, 256000),
    ...tokens(3, 'Gemma Team 2024, Gemma'),
    configSource: LITGPT,
  },
  {
    id: 'google/gemma-7b',
    aliases: ['gemma-7b', 'Gemma-7b', 'Gemma-7b-it', 'google/gemma-7b-it'],
    config: gemma('gemma', 3072, 28, 16, 16, 256, 24576, 256000),
    ...tokens(6, 'Gemma Team 2024, Gemma'),
    configSource: LITGPT,
  },
  {
    id: 'google/codegemma-7b-it',
    aliases: ['codegemma-7b-it', 'CodeGemma-7b-it', 'google/codegemma-7b', 'codegemma-7b'],
    config: gemma('gemma', 3072, 28, 16, 16, 256, 24576, 256000),
    configSource: LITGPT,
  },
  {
    id: 'google/gemma-2-2b',
    aliases: ['gemma-2-2b', 'Gemma-2-2b', 'Gemma-2-2b-it', 'google/gemma-2-2b-it'],
    config: gemma('gemma2', 2304, 26, 8, 4, 256, 9216, 256000, 4096),
    ...tokens(2, 'Gemma Team 2024, Gemma 2'),
    configSource: LITGPT,
  },
  {
    id: 'google/gemma-2-9b',
    aliases: ['gemma-2-9b', 'Gemma-2-9b', 'Gemma-2-9b-it', 'google/gemma-2-9b-it'],
    config: gemma('gemma2', 3584, 42, 16, 8, 256, 14336, 256000, 4096),
    ...tokens(8, 'Gemma Team 2024, Gemma 2'),
    configSource: LITGPT,
  },
  {
    id: 'google/gemma-2-27b',
    aliases: ['gemma-2-27b', 'Gemma-2-27b', 'Gemma-2-27b-it', 'google/gemma-2-27b-it'],
    config: gemma('gemma2', 4608, 46, 32, 16, 128, 36864, 256000, 4096),
    ...tokens(13, 'Gemma Team 2024, Gemma 2'),
    configSource: LITGPT,
  },
  {
    id: 'google/gemma-3-1b-pt',
    aliases: ['gemma-3-1b-pt', 'Gemma-3-1b-it', 'google/gemma-3-1b-it'],
    config: gemma('gemma3_text', 1152, 26, 4, 1, 256, 6912, 262144, 512),
    ...tokens(2, 'Gemma Team 2025, Gemma 3'),
    configSource: LITGPT,
  },
  {
    id: 'google/gemma-3-4b-pt',
    aliases: ['gemma-3-4b-pt', 'Gemma-3-4b-it', 'google/gemma-3-4b-it'],
    config: gemma('gemma3_text', 2560, 34, 8, 4, 256, 10240, 262144, 1024),
    ...tokens(4, 'Gemma Team 2025, Gemma 3'),
    configSource: LITGPT,
  },
  {
    id: 'google/gemma-3-12b-pt',
    aliases: ['gemma-3-12b-pt', 'Gemma-3-12b-it', 'google/gemma-3-12b-it'],
    config: gemma('gemma3_text', 3840, 48, 16, 8, 256, 15360, 262144, 1024),
    ...tokens(12, 'Gemma Team 2025, Gemma 3'),
    configSource: LITGPT,
  },
  {
    id: 'google/gemma-3-27b-pt',
    aliases: ['gemma-3-27b-pt', 'Gemma-3-27b-it', 'google/gemma-3-27b-it'],
    config: gemma('gemma3_text', 5376, 62, 32, 16, 128, 21504, 262144, 1024),
    ...tokens(14, 'Gemma Team 2025, Gemma 3'),
    configSource: LITGPT,
  },
];
