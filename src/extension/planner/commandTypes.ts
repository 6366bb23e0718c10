import type { PlanResult, PlanTarget } from '../../core/planner/plan';
import type { PlanLayouts } from '../../core/planner/planLayouts';
import type { WriteBackKind } from '../../core/planner/writeBack';
import type { ChartView, RenderedMessage } from '../../protocol/chartMessages';

// The planner commands' arguments and results: what register.ts and writeBack.ts both use, below both.
/** Arguments for running "Plan compute budget" without its prompts (tests, keybindings, tasks). */
export interface PlanCommandArgs {
  readonly flops?: number | string;
  readonly gpu?: string;
  readonly accelerator?: string;
  readonly count?: number;
  readonly days?: number;
  readonly mfu?: number;
  readonly precision?: 'bf16' | 'fp8';
  readonly pricePerAcceleratorHour?: number;
  /** `chinchilla`, `multiple:4`, `parameters:7B`, `inference:2T`, or a PlanTarget object. */
  readonly target?: string | PlanTarget;
  /** Show the plan in the chart (default true); resolves once the page drew it. */
  readonly open?: boolean;
  /** The config a write-back would edit (default: the active editor's, if it is a config). */
  readonly uri?: string;
  /** Apply this write-back choice to the config (as if picked); with `preview` (default true) VS Code shows the diff first. */
  readonly writeBack?: WriteBackKind | { readonly kind: WriteBackKind; readonly label: string };
  readonly preview?: boolean;
}

export interface PlanCommandResult {
  readonly plan: PlanResult;
  readonly rendered?: RenderedMessage;
  /** What the user would be offered to write into the config: never applied without their choice. */
  readonly writeBack?: {
    readonly choices: readonly {
      readonly kind: WriteBackKind;
      readonly label: string;
      readonly detail: string;
      readonly edits: readonly { readonly start: number; readonly end: number; readonly newText: string }[];
    }[];
    readonly notes: readonly string[];
  };
  /** Whether the `writeBack` asked for was applied. */
  readonly applied?: boolean;
  /** The config's run laid out on the plan's accelerator (`layouts` of `plan --json`), when a config with a model was open. */
  readonly layouts?: PlanLayouts;
}

export interface ShowChartArgs {
  readonly uri?: string;
  readonly view?: ChartView;
}
