// The scaling-law lab's three chart views: your runs with the fitted law and residuals, a loss log
// with the stop rule's window, and the capability boundary with the planned run. Numbers come
// computed in `ChartData.lab` (src/core/lab/labChart.ts); this file only draws them.
import type { Chart, ChartDataset } from 'chart.js';
import type { BoundaryView, CurveView, RunsView } from '../../core/lab/labChart';
import { UNICODE_NUMBERS as n } from '../../core/report/format';
import { logAxis, scatterConfig, type Built, type Datum } from './config';
import type { LabelSpec } from './labels';
import type { LegendEntry } from './legend';
import { withAlpha, type Palette } from './theme';
import { minOf, maxOf } from '../../core/numbers/extent';

/** Neighbouring sizes get colours far apart (blue, orange, green, purple, red, yellow, …). */
const series = (palette: Palette) => [
  palette.blue,
  palette.orange,
  palette.green,
  palette.purple,
  palette.red,
  palette.yellow,
  palette.foreground,
  palette.muted,
];

/** Loss ticks without trailing zeros (2.4, 2.45), from the one number formatter. */
const lossTicks = (palette: Palette) => ({
  color: palette.foreground,
  callback: (value: string | number) =>
    n
      .loss(Number(value))
      .replace(/(\.\d*?)0+$/, '$1')
      .replace(/\.$/, ''),
});
const grid = (palette: Palette) => ({ grid: { color: withAlpha(palette.grid, 0.6) }, border: { color: palette.grid } });

/** Runs as points (one colour per model size, the held-out size hollow), the law as a line per size, residuals in a strip below. */
export function runsChart(view: RunsView, palette: Palette): Built {
  const colours = series(palette);
  const datasets: ChartDataset<'scatter', Datum[]>[] = [];
  const legend: LegendEntry[] = [];
  view.sizes.forEach((size, i) => {
    const colour = colours[i % colours.length]!;
    const name = `${n.count(size.parameters)}${size.heldOut ? ' (held out)' : ''}`;
    datasets.push({
      label: `${name} law`,
      order: 2,
      showLine: true,
      yAxisID: 'y',
      data: size.law.map((p) => ({ x: p.tokens, y: p.loss })),
      borderColor: withAlpha(colour, 0.85),
      backgroundColor: colour,
      borderWidth: 1.5,
      borderDash: size.heldOut ? [6, 4] : [],
      pointRadius: 0,
      pointHitRadius: 0,
      pointHoverRadius: 0,
    });
    const detail = (run: RunsView['sizes'][number]['runs'][number]) => [
      `${n.count(size.parameters)} parameters on ${n.count(run.tokens)} tokens`,
      `loss ${n.loss(run.loss)}, your law ${n.loss(run.predicted)}`,
      `residual ${run.residual >= 0 ? '+' : '−'}${n.percent(Math.abs(run.residual))}`,
    ];
    datasets.push({
      label: name,
      order: 1,
      yAxisID: 'y',
      data: size.runs.map((run) => ({ x: run.tokens, y: run.loss, label: run.run, detail: detail(run) })),
      pointRadius: 4,
      pointHoverRadius: 6,
      backgroundColor: size.heldOut ? palette.background : colour,
      borderColor: colour,
      borderWidth: size.heldOut ? 2 : 1,
    });
    datasets.push({
      label: `${name} residuals`,
      order: 1,
      yAxisID: 'residual',
      data: size.runs.map((run) => ({ x: run.tokens, y: run.residual * 100, label: run.run, detail: detail(run) })),
      pointRadius: 3,
      pointHoverRadius: 5,
      backgroundColor: size.heldOut ? palette.background : colour,
      borderColor: colour,
      borderWidth: size.heldOut ? 1.5 : 1,
    });
    legend.push({ label: name, colour, kind: 'point' });
  });
  legend.push({ label: 'your law (dashed: the held-out size, fitted without it)', colour: palette.foreground, kind: 'line', width: 1.5 });
  const tokens = view.sizes.flatMap((size) => size.law.map((p) => p.tokens));
  const losses = view.sizes.flatMap((size) => size.runs.map((run) => run.loss));
  const worst = Math.max(0.5, maxOf(view.sizes.flatMap((size) => size.runs.map((run) => Math.abs(run.residual) * 100))));
  const reach = Math.ceil(worst * 1.2 * 2) / 2;
  const zero: ChartDataset<'scatter', Datum[]> = {
    label: 'zero',
    order: 3,
    showLine: true,
    yAxisID: 'residual',
    data: [
      { x: minOf(tokens), y: 0 },
      { x: maxOf(tokens), y: 0 },
    ],
    borderColor: withAlpha(palette.muted, 0.8),
    borderWidth: 1,
    pointRadius: 0,
    pointHitRadius: 0,
  };
  const config = scatterConfig([...datasets, zero], palette, {
    x: logAxis('Training tokens (D)', [minOf(tokens), maxOf(tokens)], palette),
    // Stacked axes: Chart.js puts the first of a stack at the bottom, so the residual strip comes first.
    residual: {
      type: 'linear',
      position: 'left',
      stack: 'runs',
      stackWeight: 1,
      offset: true,
      min: -reach,
      max: reach,
      title: { display: true, text: 'Residual %', color: palette.foreground },
      ticks: {
        color: palette.foreground,
        maxTicksLimit: 5,
        callback: (value: string | number) => `${Number(value) > 0 ? '+' : Number(value) < 0 ? '−' : ''}${n.percent(Math.abs(Number(value)) / 100)}`,
      },
      ...grid(palette),
    },
    y: {
      type: 'linear',
      position: 'left',
      stack: 'runs',
      stackWeight: 3,
      min: Math.floor((minOf(losses) - 0.05) * 10) / 10,
      max: Math.ceil((maxOf(losses) + 0.05) * 10) / 10,
      title: { display: true, text: 'Loss (nats/token)', color: palette.foreground },
      ticks: lossTicks(palette),
      ...grid(palette),
    },
  });
  // The sizes are named in the legend: at the lines' ends they converge and their names would collide.
  const labels = (): LabelSpec[] => [];
  const runs = view.sizes.reduce((sum, size) => sum + size.runs.length, 0);
  return { config, labels, legend, counts: { referencePoints: 0, currentPoints: 0, lines: view.sizes.length, lossPoints: runs } };
}

/** The log as a thin line, the stop rule's window between two rules, and the fitted curve to the planned length. */
export function curveChart(view: CurveView, palette: Palette): Built {
  const B = 1e9;
  const datasets: ChartDataset<'scatter', Datum[]>[] = [
    {
      label: 'Training loss',
      order: 2,
      showLine: true,
      data: view.points.map((p) => ({ x: p.tokens / B, y: p.loss, label: `${n.count(p.tokens)} tokens`, detail: [`loss ${n.loss(p.loss)}`] })),
      borderColor: palette.blue,
      backgroundColor: palette.blue,
      borderWidth: 1.5,
      pointRadius: 0,
      pointHitRadius: 3,
      pointHoverRadius: 3,
    },
  ];
  if (view.fitted.length) {
    datasets.push({
      label: 'Fitted L(D) = E + B/D^β',
      order: 1,
      showLine: true,
      data: view.fitted.map((p) => ({ x: p.tokens / B, y: p.loss })),
      borderColor: palette.green,
      backgroundColor: palette.green,
      borderWidth: 2,
      borderDash: [6, 4],
      pointRadius: 0,
      pointHitRadius: 0,
    });
  }
  const tail = view.points.filter((p) => p.tokens >= 0.1 * (view.points[view.points.length - 1]?.tokens ?? 0));
  const shown = [...tail.map((p) => p.loss), ...view.fitted.map((p) => p.loss)];
  const low = minOf(shown);
  const high = Math.max(maxOf(tail.slice(0, Math.max(1, Math.ceil(tail.length / 20))).map((p) => p.loss)), low + 0.02);
  const step = [0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5].find((candidate) => (high - low) / candidate <= 8) ?? 1;
  const yMin = Math.floor(low / step) * step;
  const yMax = Math.ceil(high / step) * step;
  const window = view.window;
  const windowColour = view.lowReturns ? palette.red : palette.yellow;
  if (window) {
    for (const edge of [window.fromTokens, window.toTokens]) {
      datasets.push({
        label: 'window',
        order: 3,
        showLine: true,
        data: [
          { x: edge / B, y: yMin },
          { x: edge / B, y: yMax },
        ],
        borderColor: windowColour,
        borderWidth: 1.5,
        borderDash: [3, 3],
        pointRadius: 0,
        pointHitRadius: 0,
      });
    }
  }
  if (view.planned) {
    datasets.push({
      label: 'Planned length',
      order: 0,
      data: [
        {
          x: view.planned.tokens / B,
          y: view.planned.loss,
          label: 'Planned length',
          detail: [`${n.count(view.planned.tokens)} tokens`, `fitted loss ${n.loss(view.planned.loss)}`],
        },
      ],
      pointRadius: 7,
      pointHoverRadius: 9,
      pointStyle: 'rectRot',
      backgroundColor: palette.orange,
      borderColor: palette.foreground,
      borderWidth: 2,
    });
  }
  const xs = [...view.points.map((p) => p.tokens), ...view.fitted.map((p) => p.tokens)];
  const xStep = niceStep(maxOf(xs) / B / 5);
  const config = scatterConfig(datasets, palette, {
    x: {
      type: 'linear',
      min: 0,
      max: Math.ceil(maxOf(xs) / B / xStep) * xStep,
      title: { display: true, text: 'Tokens seen (billions)', color: palette.foreground },
      ticks: { color: palette.foreground, stepSize: xStep, callback: (value: string | number) => n.count(Number(value) * B) },
      ...grid(palette),
    },
    y: {
      type: 'linear',
      min: yMin,
      max: yMax,
      title: { display: true, text: 'Training loss (nats/token)', color: palette.foreground },
      ticks: { ...lossTicks(palette), stepSize: step },
      ...grid(palette),
    },
  });
  const labels = (chart: Chart): LabelSpec[] => {
    const out: LabelSpec[] = [];
    if (view.planned)
      out.push({
        text: 'planned',
        x: chart.scales.x!.getPixelForValue(view.planned.tokens / B) - 4,
        y: chart.scales.y!.getPixelForValue(view.planned.loss) - 16,
        colour: palette.foreground,
        align: 'right',
        priority: true,
      });
    return out;
  };
  const legend: LegendEntry[] = [
    { label: 'Training loss', colour: palette.blue, kind: 'line', width: 1.5 },
    ...(view.fitted.length
      ? [{ label: 'Fitted curve, extended to the planned length', colour: palette.green, kind: 'line' as const, dash: [6, 4], width: 2 }]
      : []),
    ...(window
      ? [
          {
            label: `Stop rule's window (last 20% of tokens)${view.lowReturns ? ': low returns' : ''}`,
            colour: windowColour,
            kind: 'line' as const,
            dash: [3, 3],
            width: 1.5,
          },
        ]
      : []),
    ...(view.planned ? [{ label: 'Planned length', colour: palette.orange, kind: 'diamond' as const }] : []),
  ];
  return {
    config,
    labels,
    legend,
    counts: { referencePoints: 0, currentPoints: view.planned ? 1 : 0, lines: datasets.length - (view.planned ? 1 : 0), lossPoints: view.points.length },
  };
}

/** Models as points, the boundary as a sigmoid of log-compute, and the planned run on it. */
export function boundaryChart(view: BoundaryView, palette: Palette): Built {
  const datasets: ChartDataset<'scatter', Datum[]>[] = [
    {
      label: 'Boundary',
      order: 2,
      showLine: true,
      data: view.curve.map((p) => ({ x: p.compute, y: p.score })),
      borderColor: palette.green,
      backgroundColor: palette.green,
      borderWidth: 2,
      pointRadius: 0,
      pointHitRadius: 0,
    },
    {
      label: 'Models',
      order: 1,
      data: view.points.map((p) => ({
        x: p.compute,
        y: p.score,
        label: p.model || `${n.flops(p.compute)} FLOP`,
        detail: [`${n.flops(p.compute)} FLOP`, `score ${n.ratio(p.score)}`],
      })),
      pointRadius: 4,
      pointHoverRadius: 6,
      backgroundColor: palette.blue,
      borderColor: palette.blue,
    },
  ];
  if (view.planned) {
    datasets.push({
      label: view.planned.label,
      order: 0,
      data: [
        {
          x: view.planned.compute,
          y: view.planned.score,
          label: view.planned.label,
          detail: [`${n.flops(view.planned.compute)} FLOP`, `boundary ${n.ratio(view.planned.score)}`],
        },
      ],
      pointRadius: 8,
      pointHoverRadius: 10,
      pointStyle: 'rectRot',
      backgroundColor: palette.orange,
      borderColor: palette.foreground,
      borderWidth: 2,
    });
  }
  const computes = view.curve.map((p) => p.compute);
  const config = scatterConfig(datasets, palette, {
    x: logAxis('Training compute (FLOP)', [minOf(computes), maxOf(computes)], palette),
    y: {
      type: 'linear',
      min: 0,
      max: 1,
      title: { display: true, text: `Score on ${view.task || 'the benchmark'}`, color: palette.foreground },
      ticks: { color: palette.foreground, stepSize: 0.1 },
      ...grid(palette),
    },
  });
  // Compute axis ticks read as FLOP powers of ten, not counts.
  (config.options!.scales!.x as { ticks: { callback: (value: string | number) => string | null } }).ticks.callback = (value) => {
    const exponent = Math.log10(Number(value));
    return Math.abs(exponent - Math.round(exponent)) < 1e-9 ? n.threshold(Number(value)) : null;
  };
  const labels = (chart: Chart): LabelSpec[] =>
    view.planned
      ? [
          {
            text: `${view.planned.label}: ${n.ratio(view.planned.score)}`,
            x: chart.scales.x!.getPixelForValue(view.planned.compute),
            y: chart.scales.y!.getPixelForValue(view.planned.score) - 16,
            colour: palette.foreground,
            priority: true,
            bold: true,
          },
        ]
      : [];
  const legend: LegendEntry[] = [
    { label: `${Math.round(view.tau * 100)}th-percentile boundary`, colour: palette.green, kind: 'line', width: 2 },
    { label: 'Models', colour: palette.blue, kind: 'point' },
    ...(view.planned ? [{ label: view.planned.label, colour: palette.orange, kind: 'diamond' as const }] : []),
  ];
  return { config, labels, legend, counts: { referencePoints: view.points.length, currentPoints: view.planned ? 1 : 0, lines: 1, lossPoints: 0 } };
}

/** 1, 2 or 5 times a power of ten, at least `rough`. */
function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  return ([1, 2, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
}
