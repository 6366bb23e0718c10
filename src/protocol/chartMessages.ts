/**
 * Messages between the extension and the chart webview (types only; both sides import them, so
 * the module lives outside either: `src/extension/` and `src/webview/` each import it from here).
 * The page posts `ready` once its script runs; only then does the extension send `render`;
 * the page answers every `render` with `rendered` (what it drew) or `error`.
 */
import type { ChartData } from '../core/planner/chartData';

/** The planner's two views, then the scaling-law lab's three (drawn when `ChartData.lab` holds them). */
export type ChartView = 'allocation' | 'loss' | 'runs' | 'curve' | 'boundary';

export type ToWebview = {
  readonly type: 'render';
  readonly renderId: number;
  readonly data: ChartData;
  readonly view?: ChartView;
  /** The followed config's URI, kept in state. */ readonly source?: string;
};

export interface RenderedMessage {
  readonly type: 'rendered';
  readonly renderId: number;
  readonly view: ChartView;
  /** Reference models drawn as points. */
  readonly referencePoints: number;
  /** 1 when the config or plan is drawn as the highlighted point. */
  readonly currentPoints: number;
  /** The highlighted point as drawn (active parameters, tokens), or null. */
  readonly current: { readonly parameters: number; readonly tokens: number } | null;
  /** Lines drawn (iso-FLOP, thresholds, Chinchilla, bands, the budget). */
  readonly lines: number;
  /** Points of the loss curve and its marks, when that view is shown. */
  readonly lossPoints: number;
  /** The body class the page saw: vscode-light, vscode-dark, vscode-high-contrast(-light). */
  readonly theme: string;
}

export type FromWebview =
  | { readonly type: 'ready' }
  | RenderedMessage
  | { readonly type: 'error'; readonly renderId: number; readonly message: string }
  /** The chart as a file: a PNG data URL, or SVG text; the extension asks where to save it. */
  | { readonly type: 'export'; readonly format: 'png' | 'svg'; readonly data: string; readonly name: string }
  /** Copy the plan as Markdown (the page may not reach the clipboard itself). */
  | { readonly type: 'copy-markdown' }
  /** The plan view's "Write to <file>…" button: the extension offers the choices. */
  | { readonly type: 'write-back' };

/** What the page keeps with `setState`, so a reload (or the serializer) can redraw at once. */
export interface ChartState {
  readonly data: ChartData;
  readonly view: ChartView;
  /** The config the chart follows, so the serializer can re-attach live updates. */
  readonly source?: string;
}
