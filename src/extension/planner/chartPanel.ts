import * as vscode from 'vscode';
import type { LabChartData } from '../../core/lab/labChart';
import type { ChartData } from '../../core/planner/chartData';
import type { ChartState, ChartView, FromWebview, RenderedMessage, ToWebview } from '../../protocol/chartMessages';
import { rememberSideColumn, sideColumn } from '../sideGroup';
import { notify } from '../notify';

export const CHART_VIEW_TYPE = 'computeBudget.chart';

/**
 * The one chart panel. Its page runs only the bundled dist/webview/chart.js under a strict CSP;
 * data reaches it by message after the page says `ready`, never inline in the HTML.
 */
export class ChartPanel implements vscode.Disposable {
  private static current: ChartPanel | undefined;

  private nextId = 1;
  /** The latest render: sent again whenever the page (re)loads, e.g. when a hidden panel is shown again. */
  private latest: ToWebview | undefined;
  private readonly waiters = new Map<number, { resolve: (message: RenderedMessage) => void; reject: (error: Error) => void }>();
  private readonly disposables: vscode.Disposable[] = [];
  /** The config this chart follows (live updates), if any. */
  source: vscode.Uri | undefined;
  /** How to work the chart out again when the lab's fit changes (a plan is re-planned under the new law). */
  private rebuild: (() => ChartData | undefined) | undefined;
  /** What the plan view's write-back button does, for the plan shown now. */
  private writeBack: (() => void) | undefined;

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
  ) {
    panel.webview.options = webviewOptions(extensionUri);
    panel.webview.html = chartHtml(panel.webview, extensionUri);
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: FromWebview) => this.receive(message)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /**
   * The scaling-law lab's views for a chart (your runs, the followed config's loss log, the
   * boundary), set by the lab when it starts; every render carries what it has at that moment.
   */
  static labData: ((source: vscode.Uri | undefined, data: ChartData) => LabChartData | undefined) | undefined;

  static get active(): ChartPanel | undefined {
    return ChartPanel.current;
  }

  /**
   * Shows the chart (creating the panel or revealing it) with this data; resolves when the page drew
   * it. `rebuild` works the data out again when the lab's fit changes (see `refreshLab`);
   * `writeBack` answers the plan view's write-back button.
   */
  static show(
    extensionUri: vscode.Uri,
    data: ChartData,
    source: vscode.Uri | undefined,
    view?: ChartView,
    { rebuild, writeBack }: { rebuild?: () => ChartData | undefined; writeBack?: () => void } = {},
  ): Promise<RenderedMessage> {
    if (!ChartPanel.current) {
      const configColumn = source
        ? vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === source.toString())?.viewColumn
        : undefined;
      const panel = vscode.window.createWebviewPanel(
        CHART_VIEW_TYPE,
        'Compute Budget Chart',
        { viewColumn: sideColumn(configColumn), preserveFocus: true },
        webviewOptions(extensionUri),
      );
      rememberSideColumn(panel.viewColumn);
      ChartPanel.current = new ChartPanel(panel, extensionUri);
    } else {
      ChartPanel.current.panel.reveal(undefined, true);
    }
    ChartPanel.current.source = source;
    ChartPanel.current.rebuild = rebuild;
    ChartPanel.current.writeBack = writeBack;
    return ChartPanel.current.render(data, view);
  }

  /** Re-attaches a panel VS Code restored after a reload (see the serializer). */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, state: ChartState | undefined): ChartPanel {
    ChartPanel.current?.dispose();
    const revived = new ChartPanel(panel, extensionUri);
    ChartPanel.current = revived;
    revived.source = state?.source ? vscode.Uri.parse(state.source) : undefined;
    if (state?.data) void revived.render(state.data, state.view).catch(() => undefined);
    return revived;
  }

  render(base: ChartData, view?: ChartView): Promise<RenderedMessage> {
    const renderId = this.nextId++;
    const lab = ChartPanel.labData?.(this.source, base);
    const data: ChartData = lab && (lab.runs || lab.curve || lab.boundary) ? { ...base, lab } : base;
    const message: ToWebview = { type: 'render', renderId, data, view, source: this.source?.toString() };
    const rendered = new Promise<RenderedMessage>((resolve, reject) => this.waiters.set(renderId, { resolve, reject }));
    this.latest = message; // only the latest matters; earlier waiters resolve with its outcome
    // Posted whether or not the page is loaded: a page that is still loading (or was discarded while
    // hidden, as without retainContextWhenHidden) says `ready` when it runs, and gets the latest again.
    void this.panel.webview.postMessage(message);
    return rendered;
  }

  /**
   * Draws the latest data again with what the lab has now (a fit or a log check arrived); a plan is
   * worked out again under the fit as it is now. The page keeps its view.
   */
  refreshLab(): Promise<RenderedMessage> | undefined {
    if (!this.latest) return undefined;
    return this.render(this.rebuild?.() ?? this.latest.data, undefined);
  }

  private receive(message: FromWebview): void {
    switch (message?.type) {
      case 'ready':
        if (this.latest) void this.panel.webview.postMessage(this.latest);
        break;
      case 'export':
        void saveExport(message.format, message.data, message.name);
        break;
      case 'write-back':
        if (this.writeBack) this.writeBack();
        else void notify.info('Compute Budget: plan again to write this plan into a config.');
        break;
      case 'copy-markdown': {
        const markdown = this.latest?.data.plan?.markdown;
        if (markdown)
          void vscode.env.clipboard.writeText(markdown).then(() => vscode.window.setStatusBarMessage('Compute Budget: plan copied as Markdown', 4000));
        break;
      }
      case 'rendered':
      case 'error': {
        // Earlier renders superseded before the page drew them settle with the latest outcome.
        for (const [id, waiter] of [...this.waiters]) {
          if (id > message.renderId) continue;
          this.waiters.delete(id);
          if (message.type === 'rendered') waiter.resolve(message);
          else waiter.reject(new Error(`the chart could not draw: ${message.message}`));
        }
        break;
      }
    }
  }

  dispose(): void {
    if (ChartPanel.current === this) ChartPanel.current = undefined;
    for (const waiter of this.waiters.values()) waiter.reject(new Error('the chart was closed before it drew'));
    this.waiters.clear();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.panel.dispose();
  }
}

/**
 * Saves an exported chart where the person chooses. The page's data is checked before it is
 * written: a PNG must be a base64 PNG data URL, an SVG must be an <svg> document.
 */
async function saveExport(format: 'png' | 'svg', data: string, name: string): Promise<void> {
  let bytes: Uint8Array;
  if (format === 'png') {
    const match = /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(typeof data === 'string' ? data : '');
    if (!match) return void notify.error('Compute Budget: the chart did not produce a PNG.');
    bytes = Uint8Array.from(atob(match[1]!), (char) => char.charCodeAt(0));
  } else {
    if (typeof data !== 'string' || !/^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/.test(data))
      return void notify.error('Compute Budget: the chart did not produce an SVG.');
    bytes = new TextEncoder().encode(data);
  }
  const base =
    (typeof name === 'string' ? name : 'chart')
      .replace(/[^\w.-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'chart';
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    title: `Export the chart as ${format.toUpperCase()}`,
    defaultUri: folder ? vscode.Uri.joinPath(folder, `${base}.${format}`) : undefined,
    filters: format === 'png' ? { 'PNG image': ['png'] } : { 'SVG image': ['svg'] },
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, bytes);
  void notify.info(`Compute Budget: chart saved to ${target.path.split('/').pop()}.`);
}

/** Scripts on; resources only from dist/webview, the folder that holds the page's bundle. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')] };
}

/**
 * The page: a strict CSP (no inline script or style, the one script by nonce), the bundle's
 * stylesheet and script, and empty elements the script fills with textContent.
 * Chart.js sizes its canvas through the CSSOM (element.style.width = …), which style-src does
 * not govern, so no 'unsafe-inline' is needed.
 */
export function chartHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = newNonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'chart.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'chart.css'));
  const csp = [
    `default-src 'none'`,
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource}`,
    `img-src ${webview.cspSource} data:`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>Compute Budget Chart</title>
</head>
<body>
<header>
<h1 id="title"></h1>
<p id="subtitle"></p>
<div class="views" role="group" aria-label="Chart view">
<button id="view-allocation" type="button" aria-pressed="true">Parameters × tokens</button>
<button id="view-loss" type="button" aria-pressed="false">Loss at this compute</button>
<button id="view-runs" type="button" aria-pressed="false" hidden>Your runs</button>
<button id="view-curve" type="button" aria-pressed="false" hidden>Loss curve</button>
<button id="view-boundary" type="button" aria-pressed="false" hidden>Boundary</button>
</div>
<div class="tools" role="group" aria-label="Export the chart">
<button id="export-png" type="button" title="Save the chart as a PNG image">PNG</button>
<button id="export-svg" type="button" title="Save the chart as an SVG image">SVG</button>
</div>
</header>
<main id="layout">
<div id="chart-column">
<div class="chart-box"><canvas id="chart" role="img" aria-label="Parameters against training tokens, with iso-FLOP lines, regulatory thresholds and published models"></canvas></div>
<ul id="legend" aria-label="Legend"></ul>
<p id="note"></p>
<section id="memory" aria-labelledby="memory-heading" hidden></section>
</div>
<section id="plan" aria-labelledby="plan-heading" hidden>
<div class="plan-head"><h2 id="plan-heading">The plan</h2><button id="copy-markdown" type="button">Copy as Markdown</button></div>
<div id="write-back" hidden><p id="write-back-notes"></p><button id="write-back-button" type="button"></button></div>
<div id="plan-body"></div>
</section>
</main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}

/** 128 random bits, base64: Web Crypto, which both the Node host and the browser's web worker have. */
function newNonce(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
