/**
 * Training programs whose flags do not say what they mean by their names alone: single letters
 * (llm.c), defaults that fix the count when a flag is left out (GaLore's `--max_length`), presets
 * named by a flag (EasyLM's `--load_llama_config=7b`), a batch counted in tokens. Each entry maps
 * the program's own flags onto the shared names the generic reader knows, from the program's
 * argument parser (cited), so the rest of the reading is the shared one.
 */

/** Flags of one launch, by name as written (without dashes). */
export type FlagLookup = (name: string) => string | undefined;

export interface ProgramDialect {
  /** What users call the program, for notes. */
  readonly name: string;
  /** Where its flags and defaults are defined, `repo@commit:path`. */
  readonly source: string;
  readonly program: RegExp;
  /** The shared name for a flag, `null` to leave it out (not a size or length), `undefined` to keep it. */
  rename(flag: string): string | null | undefined;
  /** Defaults of the program for flags the launch leaves out, by shared name. */
  readonly defaults: Readonly<Record<string, number>>;
  /** Shared values derived from several flags (llm.c's batch in tokens). */
  derive?(flags: FlagLookup): Record<string, number>;
  /** The model the flags select, as Hugging Face `config.json` keys, with how it was chosen. */
  model?(flags: FlagLookup): { readonly config: Record<string, unknown>; readonly why: string } | undefined;
}

const LLMC_SOURCE = 'karpathy/llm.c@f1e2ace651495b74ae22d45d1723443fd00ecd3a:train_gpt2.cu';

/** llm.c's `-e` descriptors (`gpt2_set_hyperparameters`, `gpt3_set_hyperparameters`): channels and heads by depth. */
const GPT2_DEPTHS: Readonly<Record<number, readonly [number, number]>> = {
  6: [384, 6],
  12: [768, 12],
  24: [1024, 16],
  36: [1280, 20],
  48: [1600, 25],
  60: [1920, 30],
  72: [2880, 30],
  84: [3456, 36],
};
const GPT3_CHANNELS: Readonly<Record<number, readonly [number, number]>> = {
  384: [6, 64],
  768: [12, 64],
  1024: [24, 64],
  1536: [24, 96],
  2048: [24, 128],
  2560: [32, 80],
  4096: [32, 128],
  5140: [40, 128],
  12288: [96, 128],
};
/** Checkpoints llm.c's scripts write and load (`gpt2_124M_bf16.bin`, the default `-e`): GPT-2 by size. */
const GPT2_CHECKPOINTS: Readonly<Record<string, number>> = { '124m': 12, '350m': 24, '774m': 36, '1558m': 48 };

function llmcModel(descriptor: string): { config: Record<string, unknown>; why: string } | undefined {
  // Both GPT-2 and GPT-3 descriptors use GPT-2's tokenizer, 50,257 rows padded to 50,304 (train_gpt2.cu).
  const gpt2 = (depth: number, why: string) => {
    const shape = GPT2_DEPTHS[depth];
    return shape
      ? {
          config: { model_type: 'gpt2', n_layer: depth, n_embd: shape[0], n_head: shape[1], n_positions: 1024, vocab_size: 50304, tie_word_embeddings: true },
          why,
        }
      : undefined;
  };
  const depth = /^(?:gpt2:)?d(\d+)$/.exec(descriptor);
  if (depth) return gpt2(Number(depth[1]), `-e ${descriptor}: a GPT-2 of depth ${depth[1]} (llm.c's gpt2_set_hyperparameters)`);
  const channels = /^gpt3:c(\d+)$/.exec(descriptor);
  if (channels) {
    const shape = GPT3_CHANNELS[Number(channels[1])];
    if (!shape) return undefined;
    const width = Number(channels[1]);
    return {
      config: {
        model_type: 'gpt2',
        n_layer: shape[0],
        n_embd: width,
        n_head: width / shape[1],
        n_positions: 2048,
        vocab_size: 50304,
        tie_word_embeddings: true,
      },
      why: `-e ${descriptor}: a GPT-3 of width ${width} (llm.c's gpt3_set_hyperparameters)`,
    };
  }
  const checkpoint = /gpt2_(124m|350m|774m|1558m)/i.exec(descriptor);
  if (checkpoint) return gpt2(GPT2_CHECKPOINTS[checkpoint[1].toLowerCase()], `-e ${descriptor}: a GPT-2 ${checkpoint[1]} checkpoint`);
  return undefined;
}

/** llm.c's CUDA trainer: `main` of train_gpt2.cu reads `-x[y]` flags of one or two letters. */
const LLMC: ProgramDialect = {
  name: "llm.c's train_gpt2cu",
  source: LLMC_SOURCE,
  program: /(^|\/)train_gpt2(cu|fp32cu)?$/,
  // -b per-GPU micro-batch, -t sequence length; -x max steps (-1: one epoch); -d total batch in tokens; -e the model.
  rename: (flag) => ({ b: 'micro_batch_size', t: 'seq_len', x: 'max_steps' })[flag] ?? null,
  defaults: { micro_batch_size: 4, seq_len: 1024 },
  derive: (flags) => {
    const derived: Record<string, number> = {};
    const steps = Number(flags('x') ?? -1);
    // max_steps -1 (the default) runs one epoch of the training data (train_gpt2.cu: train_num_batches).
    if (!(steps > 0)) derived.epochs = 1;
    const total = Number(flags('d') ?? -1);
    const sequence = Number(flags('t') ?? 1024);
    // -d is the whole step in tokens; as sequences it is -d ÷ -t (train_gpt2.cu asserts it divides).
    if (total > 0 && sequence > 0 && Number.isInteger(total / sequence)) derived.global_batch_size = total / sequence;
    return derived;
  },
  model: (flags) => llmcModel(flags('e') ?? 'gpt2_124M_bf16.bin'),
};

/**
 * GaLore's `torchrun_main.py` (the same script, flags and defaults as ReLoRA's, Q-GaLore's and
 * Fira's): `--model_config` a Hugging Face config, `--total_batch_size` sequences per step.
 */
const TORCHRUN_MAIN: ProgramDialect = {
  name: "GaLore's torchrun_main.py",
  source: 'jiaweizzhao/GaLore@2cc66f88cce189e505affbb91042a8e77f5bf4e9:torchrun_main.py',
  program: /(^|\/)torchrun_main\.py$/,
  // --max_train_tokens "Overwrites num_training_steps"; --gradient_accumulation is accumulation.
  rename: (flag) => ({ max_train_tokens: 'train_tokens', gradient_accumulation: 'gradient_accumulation_steps' })[flag],
  defaults: { max_length: 256, num_training_steps: 10_000 },
};

/**
 * APOLLO's `main_pretrain.py`: GaLore's trainer renamed, with the same flags and defaults
 * (`--max_length` 256, `--num_training_steps` 10,000) moved to utils/argparse.py:28-40.
 */
const APOLLO_MAIN: ProgramDialect = {
  ...TORCHRUN_MAIN,
  name: "APOLLO's main_pretrain.py",
  source: 'zhuhanqing/APOLLO@76b34725abcbd45aa47d8fdf831c8b5ba6d34dde:utils/argparse.py',
  program: /(^|\/)main_pretrain\.py$/,
};

/** EasyLM's LLaMA presets (llama_model.py): hidden, MLP, layers, heads, KV heads, vocabulary. */
const LLAMA_PRESETS: Readonly<Record<string, readonly [number, number, number, number, number, number]>> = {
  debug: [128, 256, 2, 4, 4, 32000],
  llama_1b: [2048, 5504, 22, 16, 16, 32000],
  llama_3b: [3200, 8640, 26, 32, 32, 32000],
  llama_7b: [4096, 11008, 32, 32, 32, 32000],
  llama_13b: [5120, 13824, 40, 40, 40, 32000],
  llama_30b: [6656, 17920, 60, 52, 52, 32000],
  llama_65b: [8192, 22016, 80, 64, 64, 32000],
  llama2_7b: [4096, 11008, 32, 32, 32, 32000],
  llama2_13b: [5120, 13824, 40, 40, 40, 32000],
  llama2_70b: [8192, 28672, 80, 64, 8, 32000],
  llama3_8b: [4096, 14336, 32, 32, 8, 128256],
  llama3_70b: [8192, 28672, 80, 64, 8, 128256],
};
const LLAMA_OVERRIDES = ['vocab_size', 'hidden_size', 'intermediate_size', 'num_hidden_layers', 'num_attention_heads', 'num_key_value_heads'];

/** Sections of EasyLM's flags that hold no size or length of the training run. */
const EASYLM_ELSEWHERE = /^(optimizer|eval_dataset|logger|checkpointer|tokenizer|jax_distributed)\./;

/**
 * EasyLM's `llama_train` (mlxu flags, `--section.key=value`): the model is a preset named by
 * `--load_llama_config` (2023: `7b`) or `--llama.base_model` (since: `llama_7b`, default
 * `llama_3b`) with `--llama.<key>` over it; the dataset's `batch_size` is the whole step.
 */
const EASYLM: ProgramDialect = {
  name: "EasyLM's llama_train",
  source: 'young-geng/EasyLM@fe5b2c354e25d697fce7cd225e23bbbe72570da3:EasyLM/models/llama/llama_train.py, llama_model.py, data.py',
  program: /(^|\.)llama_train(\.py)?$/,
  rename: (flag) => {
    if (EASYLM_ELSEWHERE.test(flag) || flag.startsWith('llama.')) return null;
    // data.py: each step is batch_size sequences of seq_length tokens, one batch for the whole mesh.
    if (/^train_dataset\..*\bbatch_size$/.test(flag)) return 'global_batch_size';
    if (/^train_dataset\..*\bseq_length$/.test(flag)) return 'seq_length';
    return flag.includes('.') ? null : undefined;
  },
  // llama_train.py: total_steps=10000; data.py: seq_length=1024, batch_size=8.
  defaults: { total_steps: 10_000, seq_length: 1024, global_batch_size: 8 },
  model: (flags) => {
    const written = flags('load_llama_config') || flags('llama.base_model') || 'llama_3b';
    const name = /^\d+b$/.test(written) ? `llama_${written}` : written;
    const preset = Object.hasOwn(LLAMA_PRESETS, name) ? LLAMA_PRESETS[name] : undefined;
    if (!preset) return undefined;
    const [hidden_size, intermediate_size, num_hidden_layers, num_attention_heads, num_key_value_heads, vocab_size] = preset;
    const config: Record<string, unknown> = {
      model_type: 'llama',
      hidden_size,
      intermediate_size,
      num_hidden_layers,
      num_attention_heads,
      num_key_value_heads,
      vocab_size,
      tie_word_embeddings: false,
    };
    const overridden: string[] = [];
    for (const key of LLAMA_OVERRIDES) {
      const value = Number(flags(`llama.${key}`));
      if (Number.isInteger(value) && value > 0) {
        config[key] = value;
        overridden.push(`--llama.${key}`);
      }
    }
    return { config, why: `EasyLM's ${name} preset${overridden.length ? ` with ${overridden.join(', ')}` : ''} (llama_model.py)` };
  },
};

export const PROGRAM_DIALECTS: readonly ProgramDialect[] = [LLMC, TORCHRUN_MAIN, APOLLO_MAIN, EASYLM];

export function dialectOf(program: string | undefined): ProgramDialect | undefined {
  return program === undefined ? undefined : PROGRAM_DIALECTS.find((dialect) => dialect.program.test(program));
}
