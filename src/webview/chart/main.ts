// The chart webview's script, bundled with Chart.js into dist/webview/chart.js. It holds no data
// of its own: data arrives by message after the `ready` handshake, or from its saved state.
import {
  BasicPlatform,
  Chart,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  ScatterController,
  Tooltip,
  type ChartConfiguration,
  type ChartDataset,
  type Plugin,
} from 'chart.js';
import { Element as SvgCanvas } from 'svgcanvas';
import type { ChartData, ChartLine } from '../../core/planner/chartData';
import { UNICODE_NUMBERS as n } from '../../core/report/format';
import { labelPlugin, type LabelSpec } from './labels';
import { markLabels } from '../../core/planner/labelPlacement';
import { renderLegend, type LegendEntry } from './legend';
import { renderPlan } from './planView';
import { renderMemoryBar } from './memoryBar';
import type { ChartState, ChartView, FromWebview, ToWebview } from '../../protocol/chartMessages';
import { readPalette, withAlpha, type Palette } from './theme';
import { logAxis, scatterConfig, type Built, type Datum } from './config';
import { boundaryChart, curveChart, runsChart } from './labViews';
import './chart.css';
import { minOf, maxOf } from '../../core/numbers/extent';
import { webviewData } from '../../core/text/sanitise';

Chart.register(ScatterController, LineController, LineElement, PointElement, LogarithmicScale, LinearScale, Tooltip);

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): ChartState | undefined;
  setState(state: ChartState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const canvas = document.getElementById('chart') as HTMLCanvasElement;
const title = document.getElementById('title')!;
const subtitle = document.getElementById('subtitle')!;
const note = document.getElementById('note')!;
const legend = document.getElementById('legend')!;
const planSection = document.getElementById('plan')!;
const planBody = document.getElementById('plan-body')!;
const memorySection = document.getElementById('memory')!;
const copyButton = document.getElementById('copy-markdown') as HTMLButtonElement;
const writeBack = document.getElementById('write-back')!;
const writeBackNotes = document.getElementById('write-back-notes')!;
const writeBackButton = document.getElementById('write-back-button') as HTMLButtonElement;
const exportButtons = { png: document.getElementById('export-png') as HTMLButtonElement, svg: document.getElementById('export-svg') as HTMLButtonElement };
const buttons: Record<ChartView, HTMLButtonElement> = {
  allocation: document.getElementById('view-allocation') as HTMLButtonElement,
  loss: document.getElementById('view-loss') as HTMLButtonElement,
  runs: document.getElementById('view-runs') as HTMLButtonElement,
  curve: document.getElementById('view-curve') as HTMLButtonElement,
  boundary: document.getElementById('view-boundary') as HTMLButtonElement,
};

/** The view to draw: the one asked for when the data has it, else the allocation chart. */
function viewShown(data: ChartData, view: ChartView): ChartView {
  if (view === 'loss') return data.loss ? 'loss' : 'allocation';
  if (view === 'runs' || view === 'curve' || view === 'boundary') return data.lab?.[view] ? view : 'allocation';
  return 'allocation';
}

/** A lab view's heading, its one-line summary and the file it came from. */
function labHeading(data: ChartData, view: ChartView): { title: string; subtitle: string; note: string } | undefined {
  const lab = data.lab;
  if (view === 'runs' && lab?.runs)
    return {
      title: `Your runs and your law: ${lab.runs.label}`,
      subtitle: lab.runs.summary,
      note: `From ${lab.runs.file}. Points are runs; lines are the fitted law at each size; the strip below shows each run's residual.`,
    };
  if (view === 'curve' && lab?.curve)
    return {
      title: `Training loss: ${lab.curve.log}`,
      subtitle: lab.curve.summary,
      note: 'The slope is a Theil–Sen fit over the window; low returns: under 0.01 loss per 100B tokens or 0.5% perplexity per 10B.',
    };
  if (view === 'boundary' && lab?.boundary)
    return {
      title: `Capability boundary: ${lab.boundary.task || 'benchmark'}`,
      subtitle: lab.boundary.summary,
      note: `From ${lab.boundary.file}. The boundary is the best score reached at each compute (a sigmoid of log-compute at a high quantile), not a prediction for one run.`,
    };
  return undefined;
}

let chart: Chart | undefined;
let state: ChartState | undefined = vscode.getState();
let renderId = 0;

/**
 * Each threshold and each over-training band has its own colour and dash, so that they can be
 * told apart in the legend and in print; iso-FLOP decades stay faint and dotted.
 */
function lineColour(line: ChartLine, palette: Palette): { colour: string; dash: number[]; width: number } {
  switch (line.kind) {
    case 'threshold': {
      const exponent = Number(line.id.replace('threshold-', ''));
      const styles: Record<number, { colour: string; dash: number[] }> = {
        23: { colour: palette.yellow, dash: [10, 4] },
        25: { colour: palette.red, dash: [] },
        26: { colour: palette.purple, dash: [12, 4, 3, 4] },
      };
      const style = styles[exponent] ?? { colour: palette.red, dash: [6, 3] };
      return { ...style, width: 2 };
    }
    case 'budget':
      return { colour: palette.orange, dash: [6, 4], width: 2 };
    case 'chinchilla':
      return { colour: palette.green, dash: [], width: 2 };
    case 'band': {
      const multiple = Number(line.id.replace('band-', ''));
      const dashes: Record<number, number[]> = { 4: [2, 3], 16: [6, 3], 24: [10, 3, 2, 3], 32: [14, 4] };
      return { colour: withAlpha(palette.green, palette.highContrast ? 1 : 0.8), dash: dashes[multiple] ?? [4, 4], width: 1.5 };
    }
    default:
      return { colour: withAlpha(palette.muted, palette.highContrast ? 0.8 : 0.45), dash: [1, 3], width: 1 };
  }
}

/** The legend: each kind of line once, with its own style; iso-FLOP decades as one entry. */
function allocationLegend(data: ChartData, palette: Palette): LegendEntry[] {
  const entries: LegendEntry[] = [];
  if (data.current) entries.push({ label: data.current.kind === 'plan' ? 'This plan' : 'This config', colour: palette.orange, kind: 'diamond' });
  entries.push({ label: 'Published models', colour: palette.blue, kind: 'point' });
  const iso = data.lines.find((line) => line.kind === 'iso-flop');
  if (iso) entries.push({ label: 'Iso-FLOP decades', kind: 'line', ...style(iso) });
  for (const line of data.lines.filter((each) => each.kind !== 'iso-flop')) entries.push({ label: line.label, kind: 'line', ...style(line) });
  return entries;
  function style(line: ChartLine) {
    const { colour, dash, width } = lineColour(line, palette);
    return { colour, dash, width };
  }
}

function allocationChart(data: ChartData, palette: Palette): Built {
  const datasets: ChartDataset<'scatter', Datum[]>[] = [];
  for (const line of data.lines) {
    const { colour, dash, width } = lineColour(line, palette);
    datasets.push({
      label: line.label,
      data: line.points.map((p) => ({ x: p.parameters, y: p.tokens })),
      showLine: true,
      borderColor: colour,
      backgroundColor: colour,
      borderDash: dash,
      borderWidth: width,
      pointRadius: 0,
      pointHitRadius: 0,
      pointHoverRadius: 0,
      order: 2,
    });
  }
  datasets.push({
    label: 'Published models',
    order: 1,
    data: data.references.map((p) => ({ x: p.parameters, y: p.tokens, label: p.label, detail: p.detail })),
    pointRadius: 4,
    pointHoverRadius: 6,
    backgroundColor: palette.blue,
    borderColor: palette.blue,
  });
  if (data.current) {
    datasets.push({
      label: data.current.kind === 'plan' ? 'This plan' : 'This config',
      order: 0,
      data: [{ x: data.current.parameters, y: data.current.tokens, label: data.current.label, detail: data.current.detail }],
      pointRadius: 8,
      pointHoverRadius: 10,
      pointStyle: 'rectRot',
      backgroundColor: palette.orange,
      borderColor: palette.foreground,
      borderWidth: 2,
    });
  }
  const labelsFor = (chart: Chart): LabelSpec[] => {
    const x = chart.scales.x;
    const y = chart.scales.y;
    const out: LabelSpec[] = [];
    if (data.current)
      out.push({
        text: data.current.kind === 'plan' ? 'Plan' : 'This config',
        x: x.getPixelForValue(data.current.parameters),
        y: y.getPixelForValue(data.current.tokens) - 14,
        colour: palette.foreground,
        priority: true,
        bold: true,
      });
    for (const p of data.references)
      out.push({ text: '', x: x.getPixelForValue(p.parameters), y: y.getPixelForValue(p.tokens), colour: palette.foreground, obstacle: true });
    for (const p of data.references)
      out.push({ text: p.label, x: x.getPixelForValue(p.parameters), y: y.getPixelForValue(p.tokens), colour: palette.foreground });
    for (const line of data.lines) {
      if (line.kind === 'budget') continue; // in the legend; its label would sit on the point
      // Iso-FLOP lines fall to the right: label their upper-left end; ratio lines their upper-right end.
      const end = line.kind === 'iso-flop' || line.kind === 'threshold' ? line.points[0] : line.points[line.points.length - 1];
      const text =
        line.kind === 'threshold'
          ? line.label.split(':')[0]
          : line.kind === 'band'
            ? `${line.label.split(' ')[0]} Chinchilla`
            : line.kind === 'chinchilla'
              ? '20:1'
              : line.label;
      out.push({
        text,
        x: x.getPixelForValue(end.parameters),
        y: y.getPixelForValue(end.tokens) + 8,
        colour: lineColour(line, palette).colour,
        align: line.kind === 'iso-flop' || line.kind === 'threshold' ? 'left' : 'right',
      });
    }
    return out;
  };
  const config = scatterConfig(datasets, palette, {
    x: logAxis('Parameters (N, active)', data.bounds.parameters, palette),
    y: logAxis('Training tokens (D)', data.bounds.tokens, palette),
  });
  return {
    config,
    labels: labelsFor,
    legend: allocationLegend(data, palette),
    counts: { referencePoints: data.references.length, currentPoints: data.current ? 1 : 0, lines: data.lines.length, lossPoints: 0 },
  };
}

/**
 * The loss axis: from just under the lowest point to at most 0.6 above it (the curve's steep ends
 * would otherwise flatten the optimum), with both ends on a round step so that the axis ends are
 * ticks like the others instead of odd values crowding the nearest round one.
 */
function lossAxisRange(ys: readonly number[]): { min: number; max: number; stepSize: number } {
  const low = minOf(ys) - 0.01;
  const high = Math.min(maxOf(ys), minOf(ys) + 0.6) + 0.01;
  // The range is at most 0.62, so 0.1 always gives eight steps or fewer.
  const step = [0.01, 0.02, 0.05].find((candidate) => (high - low) / candidate <= 8) ?? 0.1;
  return { min: Math.floor(low / step) * step, max: Math.ceil(high / step) * step, stepSize: step };
}

function lossChart(data: ChartData, palette: Palette): Built {
  const loss = data.loss!;
  const colours = { optimum: palette.green, kaplan: palette.red, chinchilla: palette.purple, current: palette.orange } as const;
  const datasets: ChartDataset<'scatter', Datum[]>[] = [
    {
      label: `Loss at ${n.flops(loss.budgetFlops)} FLOP (${loss.fitLabel})`,
      order: 2,
      showLine: true,
      data: loss.curve.map((p) => ({
        x: p.parameters,
        y: p.loss,
        label: `${n.count(p.parameters)} parameters`,
        detail: [`${n.count(p.tokens)} tokens`, `predicted loss ${n.loss(p.loss)}`],
      })),
      borderColor: palette.blue,
      backgroundColor: palette.blue,
      borderWidth: 2,
      pointRadius: 0,
      pointHitRadius: 4,
      pointHoverRadius: 3,
    },
    ...loss.marks.map((mark): ChartDataset<'scatter', Datum[]> => ({
      label: mark.label,
      order: 1,
      data: [{ x: mark.parameters, y: mark.loss, label: mark.label, detail: mark.detail }],
      pointRadius: mark.kind === 'current' ? 8 : 6,
      pointHoverRadius: 9,
      pointStyle: mark.kind === 'current' ? 'rectRot' : mark.kind === 'kaplan' ? 'triangle' : 'circle',
      backgroundColor: colours[mark.kind],
      borderColor: palette.foreground,
      borderWidth: mark.kind === 'current' ? 2 : 1,
    })),
    // The optimum under the user's own fit carries its bootstrap interval on N: a bar through the mark.
    ...loss.marks
      .filter((mark) => mark.interval)
      .map((mark): ChartDataset<'scatter', Datum[]> => ({
        label: `${mark.label}: ${n.percent(mark.interval!.level)} interval`,
        order: 1.5,
        showLine: true,
        data: [mark.interval!.low, mark.interval!.high].map((x) => ({ x, y: mark.loss, label: mark.label, detail: mark.detail })),
        borderColor: colours[mark.kind],
        backgroundColor: colours[mark.kind],
        borderWidth: 3,
        pointStyle: 'line',
        pointRadius: 6,
        pointRotation: 90,
        pointBorderWidth: 2,
        pointBorderColor: colours[mark.kind],
      })),
  ];
  const ys = [...loss.curve.map((p) => p.loss), ...loss.marks.map((m) => m.loss)];
  const labels = (chart: Chart): LabelSpec[] => {
    const x = chart.scales.x;
    const y = chart.scales.y;
    // Each mark kept clear and labelled around itself: the marks sit close together at this compute.
    return markLabels(
      loss.marks.map((mark) => ({
        text: mark.interval
          ? `${mark.label}: ${n.count(mark.parameters)} (${n.count(mark.interval.low)}–${n.count(mark.interval.high)})`
          : `${mark.label}: ${n.count(mark.parameters)}`,
        x: x.getPixelForValue(mark.parameters),
        y: y.getPixelForValue(mark.loss),
        colour: palette.foreground,
        priority: mark.kind === 'current',
        // The label goes beside the interval bar through the mark, not over it.
        ...(mark.interval ? { span: { left: x.getPixelForValue(mark.interval.low), right: x.getPixelForValue(mark.interval.high) } } : {}),
      })),
    ).map((request) => ({ colour: palette.foreground, ...request }));
  };
  const lossAxis = lossAxisRange(ys);
  const first = loss.curve[0].parameters;
  const last = loss.curve[loss.curve.length - 1].parameters;
  return {
    config: scatterConfig(datasets, palette, {
      x: logAxis('Parameters (N) on the iso-FLOP curve of this budget', [first, last], palette),
      y: {
        type: 'linear',
        min: lossAxis.min,
        max: lossAxis.max,
        title: { display: true, text: 'Predicted loss (nats/token)', color: palette.foreground },
        ticks: { color: palette.foreground, stepSize: lossAxis.stepSize, callback: (value) => Number(value).toFixed(2) },
        grid: { color: withAlpha(palette.grid, 0.6) },
        border: { color: palette.grid },
      },
    }),
    labels,
    legend: [
      { label: datasets[0]!.label ?? 'Loss', colour: palette.blue, kind: 'line', width: 2 },
      ...loss.marks.map((mark): LegendEntry => ({ label: mark.label, colour: colours[mark.kind], kind: mark.kind === 'current' ? 'diamond' : 'point' })),
      ...loss.marks
        .filter((mark) => mark.interval)
        .map((mark): LegendEntry => ({
          label: `${mark.label}: ${n.percent(mark.interval!.level)} interval on N from the bootstrap of your runs`,
          colour: colours[mark.kind],
          kind: 'line',
          width: 3,
        })),
    ],
    counts: { referencePoints: 0, currentPoints: 1, lines: 1, lossPoints: loss.curve.length + loss.marks.length },
  };
}

function render(data: ChartData, view: ChartView, id: number): void {
  try {
    const shown = viewShown(data, view);
    const heading = labHeading(data, shown);
    title.textContent = heading?.title ?? data.title;
    subtitle.textContent = heading?.subtitle ?? data.subtitle;
    note.textContent =
      heading?.note ?? (data.unplotted.length ? `Not placed (no published training tokens): ${data.unplotted.map((u) => u.label).join(', ')}.` : '');
    buttons.loss.disabled = !data.loss;
    buttons.allocation.disabled = !data.current && !!data.lab && data.references.length === 0;
    // The lab's views are offered only when the workspace has what they draw.
    for (const name of ['runs', 'curve', 'boundary'] as const) buttons[name].hidden = !data.lab?.[name];
    for (const [name, button] of Object.entries(buttons) as [ChartView, HTMLButtonElement][]) button.setAttribute('aria-pressed', String(name === shown));
    const palette = readPalette();
    Chart.defaults.font.family = palette.fontFamily;
    Chart.defaults.color = palette.foreground;
    const lab = data.lab;
    const built =
      shown === 'loss'
        ? lossChart(data, palette)
        : shown === 'runs' && lab?.runs
          ? runsChart(lab.runs, palette)
          : shown === 'curve' && lab?.curve
            ? curveChart(lab.curve, palette)
            : shown === 'boundary' && lab?.boundary
              ? boundaryChart(lab.boundary, palette)
              : allocationChart(data, palette);
    renderLegend(legend, built.legend);
    renderPlan(planSection, planBody, data.plan?.sheet);
    renderMemoryBar(memorySection, data.memory);
    renderWriteBack(data.plan?.writeBack);
    chart?.destroy();
    delete document.body.dataset.rendered;
    const done: Plugin = {
      id: 'computeBudgetRendered',
      afterRender: () => {
        document.body.dataset.rendered = `${shown} ${palette.theme}`; // what end-to-end tests wait for
        // Chart.js renders again on resize and hover; the extension hears of each render once.
        if (id === renderedFor) return;
        renderedFor = id;
        vscode.postMessage({
          type: 'rendered',
          renderId: id,
          view: shown,
          ...built.counts,
          current: data.current ? { parameters: data.current.parameters, tokens: data.current.tokens } : null,
          theme: palette.theme,
        });
      },
    };
    drawn = { built, palette };
    chart = new Chart(canvas, {
      ...built.config,
      plugins: [backgroundPlugin(palette), labelPlugin(built.labels, palette.fontFamily), done],
    } as ChartConfiguration<'scatter', Datum[]>);
    state = { ...state, data, view: shown };
    vscode.setState(state);
  } catch (error) {
    vscode.postMessage({ type: 'error', renderId: id, message: String(error instanceof Error ? error.message : error) });
  }
}

let renderedFor = -1;
/** What the canvas shows now, for the exports. */
let drawn: { built: Built; palette: Palette } | undefined;

/** Paints the editor's background under the chart, so an exported PNG is not transparent. */
function backgroundPlugin(palette: Palette): Plugin {
  return {
    id: 'computeBudgetBackground',
    beforeDraw(target: Chart) {
      const { ctx, width, height } = target;
      ctx.save();
      ctx.fillStyle = palette.background;
      ctx.fillRect(0, 0, width, height);
      ctx.restore();
    },
  };
}

/** The chart as SVG: the same configuration drawn once more onto svgcanvas's SVG context. */
function chartSvg(): string {
  if (!chart || !drawn) throw new Error('nothing is drawn yet');
  const target = new SvgCanvas();
  target.width = chart.width;
  target.height = chart.height;
  const copy = new Chart(
    target as unknown as HTMLCanvasElement,
    {
      ...drawn.built.config,
      platform: BasicPlatform,
      options: { ...drawn.built.config.options, responsive: false, animation: false, devicePixelRatio: 1 },
      plugins: [backgroundPlugin(drawn.palette), labelPlugin(drawn.built.labels, drawn.palette.fontFamily)],
    } as ChartConfiguration<'scatter', Datum[]>,
  );
  copy.draw();
  const svg = target.ctx.getSerializedSvg(true);
  copy.destroy();
  return svg;
}

for (const [format, button] of Object.entries(exportButtons) as ['png' | 'svg', HTMLButtonElement][]) {
  button.addEventListener('click', () => {
    try {
      const data = format === 'png' ? chart!.toBase64Image('image/png', 1) : chartSvg();
      vscode.postMessage({ type: 'export', format, data, name: state?.data.title ?? 'chart' });
    } catch (error) {
      vscode.postMessage({ type: 'error', renderId, message: `export failed: ${String(error instanceof Error ? error.message : error)}` });
    }
  });
}
copyButton.addEventListener('click', () => vscode.postMessage({ type: 'copy-markdown' }));
writeBackButton.addEventListener('click', () => vscode.postMessage({ type: 'write-back' }));

/** The offer to write the plan into the config, at the top of the plan: it stays until answered. */
function renderWriteBack(offer: NonNullable<ChartData['plan']>['writeBack']): void {
  writeBack.hidden = !offer;
  writeBackNotes.textContent = offer?.notes.join(' ') ?? '';
  writeBackNotes.hidden = !offer?.notes.length;
  writeBackButton.textContent = offer?.action ?? '';
  writeBackButton.hidden = !offer?.action;
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  if (event.data?.type !== 'render') return;
  // Config text is drawn by this page, Chart.js's tooltips and the canvas: controls and bidi overrides are shown escaped.
  const message = webviewData(event.data);
  renderId = message.renderId;
  state = { data: message.data, view: message.view ?? state?.view ?? 'allocation', source: message.source };
  render(message.data, state.view, renderId);
});

for (const [name, button] of Object.entries(buttons) as [ChartView, HTMLButtonElement][]) {
  button.addEventListener('click', () => {
    if (!state) return;
    renderId += 0.5; // a new drawing of the same data: report it under a new id
    render(state.data, name, renderId);
  });
}

// The theme changes the body class: redraw with the new colours.
new MutationObserver(() => state && render(state.data, state.view, (renderId += 0.5))).observe(document.body, { attributes: true, attributeFilter: ['class'] });

// After a reload, draw what was shown at once; the extension's `render` follows the handshake.
if (state?.data) render(state.data, state.view, -2);
vscode.postMessage({ type: 'ready' });
