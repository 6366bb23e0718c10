// What every view of the chart page shares: the Chart.js configuration of a scatter chart, log
// axes with round ticks, and tooltips that show the text each point carries.
import type { Chart, ChartConfiguration, ChartDataset, TooltipItem } from 'chart.js';
import { UNICODE_NUMBERS as n } from '../../core/report/format';
import type { LabelSpec } from './labels';
import type { LegendEntry } from './legend';
import { withAlpha, type Palette } from './theme';

/** One view, ready to draw: the Chart.js configuration, its canvas labels, its legend and what it holds. */
export interface Built {
  readonly config: ChartConfiguration<'scatter', Datum[]>;
  readonly labels: (chart: Chart) => LabelSpec[];
  readonly legend: LegendEntry[];
  readonly counts: { referencePoints: number; currentPoints: number; lines: number; lossPoints: number };
}

/** A data point that carries its tooltip text. */
export interface Datum {
  x: number;
  y: number;
  label?: string;
  detail?: readonly string[];
}

/** Both views: a scatter chart drawn at once (no animation), filling its box; the legend is HTML below it. */
export function scatterConfig(
  datasets: ChartDataset<'scatter', Datum[]>[],
  palette: Palette,
  scales: NonNullable<ChartConfiguration<'scatter', Datum[]>['options']>['scales'],
): ChartConfiguration<'scatter', Datum[]> {
  return {
    type: 'scatter',
    data: { datasets },
    options: {
      animation: false,
      maintainAspectRatio: false,
      parsing: false,
      scales,
      plugins: { tooltip: tooltip(palette) },
    },
  };
}

export function logAxis(text: string, [min, max]: readonly [number, number], palette: Palette) {
  return {
    type: 'logarithmic' as const,
    min,
    max,
    title: { display: true, text, color: palette.foreground },
    grid: { color: withAlpha(palette.grid, 0.6) },
    border: { color: palette.grid },
    ticks: {
      color: palette.foreground,
      autoSkip: false,
      // Powers of ten (1B, 10B, 1T) over wide ranges; 1-2-5 steps when the axis spans under two decades.
      callback: (value: string | number) => {
        const number = Number(value);
        const exponent = Math.floor(Math.log10(number) + 1e-9);
        const mantissa = Math.round((number / 10 ** exponent) * 1000) / 1000;
        const narrow = Math.log10(max / min) < 2;
        return mantissa === 1 || (narrow && (mantissa === 2 || mantissa === 5)) ? n.count(number) : null;
      },
    },
  };
}

export function tooltip(palette: Palette) {
  return {
    backgroundColor: palette.background,
    titleColor: palette.foreground,
    bodyColor: palette.foreground,
    borderColor: palette.grid,
    borderWidth: 1,
    filter: (item: TooltipItem<'scatter'>) => Boolean((item.raw as Datum).label),
    callbacks: {
      title: (items: TooltipItem<'scatter'>[]) => (items[0]?.raw as Datum | undefined)?.label ?? '',
      label: (item: TooltipItem<'scatter'>) => [...((item.raw as Datum).detail ?? [])],
    },
  };
}
