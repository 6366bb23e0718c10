import type { MemoryReport, ServingReport, ThroughputReport } from '../memory/report';
import type { ModelResult } from '../architecture/readModel';
import type { OvertrainingBand } from '../budget/overtraining';
import type { LossFit } from '../budget/scaling';
import type { ThresholdResult } from '../budget/thresholds';
import type { DetailedFlops } from '../budget/detailedFlops';
import type { AcceleratorOverride } from '../hardware/accelerators';
import type { HardwareEstimate } from '../hardware/mismatch';
import type { NumberStyle } from '../report/format';
import type { PendingResources, Resources } from '../resources/resources';
import type { UserFact } from '../source/directives';
import type { Syntax } from '../source/syntax';
import type { AdapterCount } from '../training/adapters';
import type { Lifecycle } from '../training/lifecycle';
import type { TokenResult } from '../training/tokens';
import type { FineTuneMethod } from '../training/hfTrainer/fineTuneCompute';
import type { ModifierTest } from '../training/hfTrainer/modifierTest';
import type { TrainerCompute } from '../training/hfTrainer/trainerCompute';
import type { TrainerType } from '../training/hfTrainer/trainerType';
import type { Finding } from './findings';

/*
 * What an analysis takes (its options) and gives (the Analysis record): the shared types of the
 * analysis, below everything that uses them (analyze.ts, settings, workers, reports, surfaces).
 */

export interface AnalyzeOptions {
  /** Facts from outside the file: settings or `--fact name=value`. */
  readonly facts?: Readonly<Record<string, string | number>>;
  /** Tokens per parameter counted as compute-optimal; Chinchilla's 20 by default. */
  readonly tokensPerParameter?: number;
  /** Which threshold rules to evaluate (all by default). */
  readonly thresholdIds?: readonly string[];
  /** Larger texts are not analysed; a config is kilobytes, not megabytes. */
  readonly maxLength?: number;
  /** The syntax when the host knows it better than the file name does (an untitled document's language). */
  readonly syntax?: Syntax;
  /** The user's accelerator peaks (TFLOP/s) over the built-in table, for the hardware check. */
  readonly accelerators?: Readonly<Record<string, AcceleratorOverride>>;
  /** In-house key names: a known key name (e.g. `hidden_size`, `tokens`) to the names a team uses instead. */
  readonly extraKeys?: Readonly<Record<string, readonly string[]>>;
  /** Report findings even when the text is not recognised as a training config (plain budget files). */
  readonly alwaysReport?: boolean;
  /** Files the config points at and models it names by id, as far as the host has them. */
  readonly resources?: Resources;
  /** How numbers in messages are written: `unicode` (8.1 × 10²²) for the editor, `ascii` (8.1e22, default) for the terminal and JSON. */
  readonly numberStyle?: NumberStyle;
  /** Propose TP · PP · DP layouts that fit the accelerator (`memory.layouts`): hundreds of estimates, so only when asked (the planner, `plan --config`). */
  readonly layouts?: boolean;
  /** Internal: the text did not parse, so say nothing about what is "missing". */
  readonly quiet?: boolean;
  /** Internal: what this analysis asked the host for. */
  readonly pending?: PendingResources;
}

export interface FineTune {
  /** The base model as the config names it. */
  readonly base: string;
  /** Its pretraining tokens and compute, when published (catalog) or stated. */
  readonly baseTokens: number | null;
  readonly baseFlops: number | null;
  /** The fine-tune's compute ÷ the base's pretraining compute. */
  readonly share: number | null;
  /** What the run optimises (`sft`, `dpo`, `grpo`…), and why the reader thinks so. */
  readonly trainer: TrainerType;
  readonly trainerReason: string;
  /** What trains: `full`, `lora`, `qlora`, `dora`, `rslora`, `galore`, `freeze`. */
  readonly method: FineTuneMethod;
  /** The trainer's compute per token, term by term; null without the model's size. */
  readonly compute: TrainerCompute | null;
  /** The Commission guidelines' one-third test (points 60-61). */
  readonly modifierTest: ModifierTest;
}

export interface LossPrediction {
  readonly fit: LossFit['id'];
  readonly label: string;
  readonly loss: number;
}

export interface Analysis {
  readonly file: string;
  readonly syntax: Syntax;
  /** The id of the framework module that read the file (`huggingface`, `gpt-neox`, …, `unknown`). */
  readonly framework: string;
  readonly frameworkName: string;
  readonly model: ModelResult;
  readonly parameters: { readonly total: number | null; readonly active: number | null };
  readonly training: TokenResult;
  readonly tokens: number | null;
  /**
   * The compute estimate thresholds are compared with: C = 6 · N_active · D (the architecture
   * method), or, when that is unknown, accelerators × time × peak × utilisation (the hardware method).
   */
  readonly flops: number | null;
  /** LoRA/QLoRA adapters and their trainable parameters: `flops` is then (4·N + 2·N_trainable)·D. */
  readonly adapter: AdapterCount | null;
  /** Which of the Commission's two estimation methods produced `flops`. */
  readonly method: 'architecture' | 'hardware' | null;
  /** The hardware method's estimate, when the config states accelerator, count and time; beside 6·N·D when both are known. */
  readonly hardware: HardwareEstimate | null;
  /** 6·N·D plus attention's own work, 6·L·s·(a·d) per token (Kaplan et al. 2020, eq. 2.2). */
  readonly flopsWithAttention: number | null;
  /**
   * The run counted component by component as trainers' MFU counters count it (matmuls, attention
   * over the context, routers, logits), beside 6·N·D; null without an architecture and a context length.
   */
  readonly detailedFlops: (DetailedFlops & { readonly total: number; readonly fullAttentionTotal: number; readonly sequenceLength: number }) | null;
  /** The model's whole training compute as regulation counts it: `lifecycle.total`. */
  readonly cumulativeFlops: number | null;
  /** The parts of that total (this run, the base's pretraining, earlier stages, synthetic data) and what it leaves out. */
  readonly lifecycle: Lifecycle | null;
  /**
   * A run that starts from pretrained weights (a fine-tune, or continued training): its own tokens
   * and compute against the base's pretraining. Pre-training advice (Chinchilla bands, a
   * compute-optimal size, a predicted pre-training loss) does not apply, so those fields are null.
   */
  readonly fineTune: FineTune | null;
  readonly tokensPerParameter: number | null;
  readonly targetTokensPerParameter: number;
  readonly chinchillaTokens: number | null;
  readonly chinchillaMultiple: number | null;
  readonly band: OvertrainingBand | null;
  /** The N and D that would spend the same compute at the target ratio. */
  readonly computeOptimal: { readonly parameters: number; readonly tokens: number } | null;
  readonly loss: readonly LossPrediction[];
  readonly thresholds: readonly ThresholdResult[];
  readonly findings: readonly Finding[];
  readonly userFacts: readonly UserFact[];
  /** What the analysis asked the host for and did not get: fetch it and analyse again. */
  readonly pending: PendingResources;
  /** Peak memory per device of the training run (docs/memory.md); null without an architecture and a layout. */
  readonly memory: MemoryReport | null;
  /** Step time and wall-clock days, an estimate; null without an accelerator, its count and a global batch. */
  readonly throughput: ThroughputReport | null;
  /** KV cache of the model: bytes per token and, with an accelerator, the tokens that fit. */
  readonly serving: ServingReport | null;
}
