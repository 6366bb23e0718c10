import type { ModelResult } from '../../architecture/readModel';
import type { OvertrainingBand } from '../../budget/overtraining';
import type { ThresholdResult, ThresholdRule } from '../../budget/thresholds';
import type { FrameworkModule } from '../../formats/format';
import type { HardwareEstimate } from '../../hardware/mismatch';
import type { MemoryOutcome } from '../../memory/memoryStage';
import type { StatedHardware } from '../../hardware/readHardware';
import type { PendingResources, ResourceLookups } from '../../resources/resources';
import type { UserFact } from '../../source/directives';
import type { Syntax } from '../../source/syntax';
import type { ParsedSource } from '../../source/yamlTree';
import type { ConfigView } from '../../source/view';
import type { AdapterCount, AdapterSettings } from '../../training/adapters';
import type { FineTuneReading } from '../../training/hfTrainer/fineTuneCompute';
import type { TrainerArgs } from '../../training/hfTrainer/trainerArgs';
import type { Lifecycle, LifecycleInputs } from '../../training/lifecycle';
import type { TokenResult } from '../../training/tokens';
import type { Finding } from '../findings';
import type { Analysis, AnalyzeOptions, FineTune, LossPrediction } from '../types';

/*
 * The records the analysis pipeline hands from stage to stage, below the stages that make them:
 * source → format → model → training → hardware → scope → memory → budget → rules → findings.
 * Each record carries the one before it, so a stage added between two others takes the earlier
 * record and returns it with its own fields beside (a memory estimate after hardware, say).
 */

/** How an earlier stage's config is analysed (`prior_config:`): injected, so no stage imports the analysis above it. */
export type AnalyzeLinked = (text: string, path: string, chain: readonly string[]) => Analysis;

/** The text and what is known before its keys are read: syntax, parse, the user's facts. */
export interface SourceRecord {
  readonly text: string;
  readonly fileName: string;
  /** The options as validated; `pending` is filled in by the training stage. */
  readonly options: AnalyzeOptions;
  readonly syntax: Syntax;
  /** Every finding of the analysis, in the order it was made; the findings stage sorts them once. */
  readonly findings: Finding[];
  readonly userFacts: UserFact[];
  /** The parse; absent when the text is not read: too large (`refused`) or in a syntax we do not parse (`foreign`). */
  readonly parsed?: ParsedSource;
  readonly refused: boolean;
  /** The format a file's name says it is in when that is not a syntax we parse (TOML config, Python, INI). */
  readonly foreign?: string;
}

/** Which format reads the text, and the view of its keys that every reader shares. */
export interface FormatRecord extends SourceRecord {
  readonly framework: FrameworkModule;
  readonly view: ConfigView;
  readonly lookups: ResourceLookups;
}

export interface ModelRecord extends FormatRecord {
  readonly model: ModelResult;
}

export interface TrainingRecord extends ModelRecord {
  readonly training: TokenResult;
  /** Earlier stages, base models and checkpoints the run continues from. */
  readonly lifecycle: LifecycleInputs;
  readonly adapter?: AdapterSettings;
  /** The Hugging Face Trainer / TRL arguments: which trainer, its reference, reward and teacher models. */
  readonly trainerArgs?: TrainerArgs;
  /** What the reading asked the host for (files, models) and did not have yet. */
  readonly pending: PendingResources;
}

export interface HardwareRecord extends TrainingRecord {
  readonly hardware?: StatedHardware;
}

/**
 * What of the reading counts toward the budget: for a file that is no training config, or that did
 * not parse, less than was read (see stages/scope.ts).
 */
export interface ScopedRecord {
  readonly file: string;
  readonly syntax: Syntax;
  readonly framework: FrameworkModule;
  readonly model: ModelResult;
  readonly training: TokenResult;
  readonly findings: Finding[];
  readonly userFacts: UserFact[];
  readonly options: AnalyzeOptions;
  readonly pending: PendingResources;
  readonly hardware?: StatedHardware;
  readonly adapter?: AdapterSettings;
  readonly lifecycle?: LifecycleInputs;
  readonly trainerArgs?: TrainerArgs;
  /** The whole reading, when all of it counts (a training config that parsed): later stages may read more of it. */
  readonly reading?: HardwareRecord;
}

/** Memory per device, step time and serving memory (memory/memoryStage.ts), its findings already with the rest. */
export interface MemoryRecord extends ScopedRecord {
  readonly memory: Omit<MemoryOutcome, 'findings'>;
}

/** Every figure of the run, before any judgement of it. */
export interface BudgetRecord extends MemoryRecord {
  readonly target: number;
  readonly total: number | null;
  readonly active: number | null;
  /** The training length as read, and as used (null when it is past any real run). */
  readonly statedTokens: number | null;
  readonly tokens: number | null;
  readonly adapterCount: AdapterCount | null;
  /** A fine-tune's trainer and its compute per token (reference, rollouts, teacher): training/hfTrainer/fineTuneCompute.ts. */
  readonly tuned: FineTuneReading | undefined;
  readonly architectureFlops: number | null;
  readonly hardwareEstimate: HardwareEstimate | null;
  readonly flops: number | null;
  readonly method: Analysis['method'];
  readonly flopsWithAttention: number | null;
  readonly detailedFlops: Analysis['detailedFlops'];
  readonly baseFlops: number;
  readonly totals: Lifecycle | null;
  readonly cumulativeFlops: number | null;
  readonly fineTune: FineTune | null;
  readonly stages: LifecycleInputs;
  /** A staged run whose earlier stages are unknown: its tokens per parameter cannot be judged. */
  readonly stageUnknown: boolean;
  readonly runTokens: number | null;
  readonly tokensPerParameter: number | null;
  readonly chinchillaTokens: number | null;
  readonly chinchillaMultiple: number | null;
  readonly band: OvertrainingBand | null;
  readonly rules: readonly ThresholdRule[];
  readonly thresholds: readonly ThresholdResult[];
  readonly loss: readonly LossPrediction[];
  readonly computeOptimal: Analysis['computeOptimal'];
}
