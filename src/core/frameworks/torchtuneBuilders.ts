/**
 * torchtune's model builders and the arguments each passes to its family's component builder,
 * from pytorch/torchtune@bd2a0fc7c31430972728494fa01aaeeb0ebf1ba1 `torchtune/models/<source>`
 * (the line of the `return <family>(...)` call). `lora_<name>` and `qlora_<name>` build the same
 * base model with adapters. `kind` fixes what the component builder adds: `qwen2` biases on q, k
 * and v; `qwen3` RMSNorms on q and k; `gemma`/`gemma2` tie embeddings, `gemma2` has four norms a layer.
 * llama2_7b passes no intermediate_dim: scale_hidden_dim_for_mlp(4096) = 11008.
 */
export interface TorchtuneBuilder {
  readonly kind: 'llama' | 'qwen2' | 'qwen3' | 'gemma' | 'gemma2';
  readonly vocab: number;
  readonly layers: number;
  readonly heads: number;
  readonly kvHeads: number;
  readonly hidden: number;
  readonly ffn: number;
  readonly headDim?: number;
  readonly tied: boolean;
  readonly source: string;
  /** The built-in catalog's id for the released model, whose pretraining a fine-tune adds to. */
  readonly catalog?: string;
}

export const TORCHTUNE_BUILDERS: Readonly<Record<string, TorchtuneBuilder>> = {
  gemma_2b: { kind: 'gemma', vocab: 256000, layers: 18, heads: 8, kvHeads: 1, hidden: 2048, ffn: 16384, headDim: 256, tied: true, source: 'gemma/_model_builders.py:32', catalog: 'google/gemma-2b' },
  gemma_7b: { kind: 'gemma', vocab: 256000, layers: 28, heads: 16, kvHeads: 16, hidden: 3072, ffn: 24576, headDim: 256, tied: true, source: 'gemma/_model_builders.py:137', catalog: 'google/gemma-7b' },
  gemma2_2b: { kind: 'gemma2', vocab: 256000, layers: 26, heads: 8, kvHeads: 4, hidden: 2304, ffn: 9216, headDim: 256, tied: true, source: 'gemma2/_model_builders.py:27' },
  gemma2_9b: { kind: 'gemma2', vocab: 256000, layers: 42, heads: 16, kvHeads: 8, hidden: 3584, ffn: 14336, headDim: 256, tied: true, source: 'gemma2/_model_builders.py:117' },
  gemma2_27b: { kind: 'gemma2', vocab: 256000, layers: 46, heads: 32, kvHeads: 16, hidden: 4608, ffn: 36864, headDim: 128, tied: true, source: 'gemma2/_model_builders.py:207' },
  llama2_7b: { kind: 'llama', vocab: 32000, layers: 32, heads: 32, kvHeads: 32, hidden: 4096, ffn: 11008, tied: false, source: 'llama2/_model_builders.py:33', catalog: 'meta-llama/Llama-2-7b-hf' },
  llama2_13b: { kind: 'llama', vocab: 32000, layers: 40, heads: 40, kvHeads: 40, hidden: 5120, ffn: 13824, tied: false, source: 'llama2/_model_builders.py:137', catalog: 'meta-llama/Llama-2-13b-hf' },
  llama2_70b: { kind: 'llama', vocab: 32000, layers: 80, heads: 64, kvHeads: 8, hidden: 8192, ffn: 28672, tied: false, source: 'llama2/_model_builders.py:222', catalog: 'meta-llama/Llama-2-70b-hf' },
  llama3_8b: { kind: 'llama', vocab: 128256, layers: 32, heads: 32, kvHeads: 8, hidden: 4096, ffn: 14336, tied: false, source: 'llama3/_model_builders.py:33', catalog: 'meta-llama/Meta-Llama-3-8B' },
  llama3_70b: { kind: 'llama', vocab: 128256, layers: 80, heads: 64, kvHeads: 8, hidden: 8192, ffn: 28672, tied: false, source: 'llama3/_model_builders.py:54', catalog: 'meta-llama/Meta-Llama-3-70B' },
  llama3_1_8b: { kind: 'llama', vocab: 128256, layers: 32, heads: 32, kvHeads: 8, hidden: 4096, ffn: 14336, tied: false, source: 'llama3_1/_model_builders.py:27', catalog: 'meta-llama/Llama-3.1-8B' },
  llama3_1_70b: { kind: 'llama', vocab: 128256, layers: 80, heads: 64, kvHeads: 8, hidden: 8192, ffn: 28672, tied: false, source: 'llama3_1/_model_builders.py:48', catalog: 'meta-llama/Llama-3.1-70B' },
  // llama3_3/_model_builders.py: `llama3_3_70b = llama3_1_70b` (the same architecture, new weights).
  llama3_3_70b: { kind: 'llama', vocab: 128256, layers: 80, heads: 64, kvHeads: 8, hidden: 8192, ffn: 28672, tied: false, source: 'llama3_3/_model_builders.py', catalog: 'meta-llama/Llama-3.3-70B-Instruct' },
  llama3_1_405b: { kind: 'llama', vocab: 128256, layers: 126, heads: 128, kvHeads: 8, hidden: 16384, ffn: 53248, tied: false, source: 'llama3_1/_model_builders.py:69' },
  llama3_2_1b: { kind: 'llama', vocab: 128256, layers: 16, heads: 32, kvHeads: 8, hidden: 2048, ffn: 8192, tied: true, source: 'llama3_2/_model_builders.py:32' },
  llama3_2_3b: { kind: 'llama', vocab: 128256, layers: 28, heads: 24, kvHeads: 8, hidden: 3072, ffn: 8192, tied: true, source: 'llama3_2/_model_builders.py:60' },
  mistral_7b: { kind: 'llama', vocab: 32000, layers: 32, heads: 32, kvHeads: 8, hidden: 4096, ffn: 14336, tied: false, source: 'mistral/_model_builders.py:38', catalog: 'mistralai/Mistral-7B-v0.1' },
  phi3_mini: { kind: 'llama', vocab: 32064, layers: 32, heads: 32, kvHeads: 32, hidden: 3072, ffn: 8192, tied: false, source: 'phi3/_model_builders.py:32' },
  phi4_14b: { kind: 'llama', vocab: 100352, layers: 40, heads: 40, kvHeads: 10, hidden: 5120, ffn: 17920, tied: false, source: 'phi4/_model_builders.py:27' },
  qwen2_7b: { kind: 'qwen2', vocab: 152064, layers: 28, heads: 28, kvHeads: 4, hidden: 3584, ffn: 18944, tied: false, source: 'qwen2/_model_builders.py:31', catalog: 'Qwen/Qwen2-7B' },
  qwen2_0_5b: { kind: 'qwen2', vocab: 151936, layers: 24, heads: 14, kvHeads: 2, hidden: 896, ffn: 4864, tied: true, source: 'qwen2/_model_builders.py:57' },
  qwen2_1_5b: { kind: 'qwen2', vocab: 151936, layers: 28, heads: 12, kvHeads: 2, hidden: 1536, ffn: 8960, tied: true, source: 'qwen2/_model_builders.py:84' },
  qwen2_5_0_5b: { kind: 'qwen2', vocab: 151936, layers: 24, heads: 14, kvHeads: 2, hidden: 896, ffn: 4864, tied: true, source: 'qwen2_5/_model_builders.py:34' },
  qwen2_5_1_5b_base: { kind: 'qwen2', vocab: 151936, layers: 28, heads: 12, kvHeads: 2, hidden: 1536, ffn: 8960, tied: true, source: 'qwen2_5/_model_builders.py:64' },
  qwen2_5_1_5b_instruct: { kind: 'qwen2', vocab: 151936, layers: 28, heads: 12, kvHeads: 2, hidden: 1536, ffn: 8960, tied: true, source: 'qwen2_5/_model_builders.py:94' },
  qwen2_5_3b: { kind: 'qwen2', vocab: 151936, layers: 36, heads: 16, kvHeads: 2, hidden: 2048, ffn: 11008, tied: true, source: 'qwen2_5/_model_builders.py:120' },
  qwen2_5_7b_base: { kind: 'qwen2', vocab: 152064, layers: 28, heads: 28, kvHeads: 4, hidden: 3584, ffn: 18944, tied: false, source: 'qwen2_5/_model_builders.py:147' },
  qwen2_5_7b_instruct: { kind: 'qwen2', vocab: 152064, layers: 28, heads: 28, kvHeads: 4, hidden: 3584, ffn: 18944, tied: false, source: 'qwen2_5/_model_builders.py:173' },
  qwen2_5_14b_base: { kind: 'qwen2', vocab: 152064, layers: 48, heads: 40, kvHeads: 8, hidden: 5120, ffn: 13824, tied: false, source: 'qwen2_5/_model_builders.py:199' },
  qwen2_5_14b_instruct: { kind: 'qwen2', vocab: 152064, layers: 48, heads: 40, kvHeads: 8, hidden: 5120, ffn: 13824, tied: false, source: 'qwen2_5/_model_builders.py:225' },
  qwen2_5_32b_base: { kind: 'qwen2', vocab: 152064, layers: 64, heads: 40, kvHeads: 8, hidden: 5120, ffn: 27648, tied: false, source: 'qwen2_5/_model_builders.py:251' },
  qwen2_5_32b_instruct: { kind: 'qwen2', vocab: 152064, layers: 64, heads: 40, kvHeads: 8, hidden: 5120, ffn: 27648, tied: false, source: 'qwen2_5/_model_builders.py:277' },
  qwen2_5_72b_base: { kind: 'qwen2', vocab: 152064, layers: 80, heads: 64, kvHeads: 8, hidden: 8192, ffn: 29568, tied: false, source: 'qwen2_5/_model_builders.py:303' },
  qwen2_5_72b_instruct: { kind: 'qwen2', vocab: 152064, layers: 80, heads: 64, kvHeads: 8, hidden: 8192, ffn: 29568, tied: false, source: 'qwen2_5/_model_builders.py:329' },
  qwen3_0_6b_base: { kind: 'qwen3', vocab: 151936, layers: 28, heads: 16, kvHeads: 8, hidden: 1024, ffn: 3072, headDim: 128, tied: true, source: 'qwen3/_model_builders.py:31' },
  qwen3_0_6b_instruct: { kind: 'qwen3', vocab: 151936, layers: 28, heads: 16, kvHeads: 8, hidden: 1024, ffn: 3072, headDim: 128, tied: true, source: 'qwen3/_model_builders.py:60' },
  qwen3_1_7b_base: { kind: 'qwen3', vocab: 151936, layers: 28, heads: 16, kvHeads: 8, hidden: 2048, ffn: 6144, headDim: 128, tied: true, source: 'qwen3/_model_builders.py:89' },
  qwen3_1_7b_instruct: { kind: 'qwen3', vocab: 151936, layers: 28, heads: 16, kvHeads: 8, hidden: 2048, ffn: 6144, headDim: 128, tied: true, source: 'qwen3/_model_builders.py:118' },
  qwen3_4b_base: { kind: 'qwen3', vocab: 151936, layers: 36, heads: 32, kvHeads: 8, hidden: 2560, ffn: 9728, headDim: 128, tied: true, source: 'qwen3/_model_builders.py:147' },
  qwen3_4b_instruct: { kind: 'qwen3', vocab: 151936, layers: 36, heads: 32, kvHeads: 8, hidden: 2560, ffn: 9728, headDim: 128, tied: true, source: 'qwen3/_model_builders.py:176' },
  qwen3_8b_base: { kind: 'qwen3', vocab: 151936, layers: 36, heads: 32, kvHeads: 8, hidden: 4096, ffn: 12288, headDim: 128, tied: false, source: 'qwen3/_model_builders.py:205' },
  qwen3_8b_instruct: { kind: 'qwen3', vocab: 151936, layers: 36, heads: 32, kvHeads: 8, hidden: 4096, ffn: 12288, headDim: 128, tied: false, source: 'qwen3/_model_builders.py:233' },
  qwen3_14b_base: { kind: 'qwen3', vocab: 151936, layers: 40, heads: 40, kvHeads: 8, hidden: 5120, ffn: 17408, headDim: 128, tied: false, source: 'qwen3/_model_builders.py:261' },
  qwen3_14b_instruct: { kind: 'qwen3', vocab: 151936, layers: 40, heads: 40, kvHeads: 8, hidden: 5120, ffn: 17408, headDim: 128, tied: false, source: 'qwen3/_model_builders.py:289' },
  qwen3_32b: { kind: 'qwen3', vocab: 151936, layers: 64, heads: 64, kvHeads: 8, hidden: 5120, ffn: 25600, headDim: 128, tied: false, source: 'qwen3/_model_builders.py:317' },
};
