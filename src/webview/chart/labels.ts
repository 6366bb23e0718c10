import type { Chart, Plugin } from 'chart.js';
import { placeLabels, segmentsOf, type LabelRequest, type Segment } from '../../core/planner/labelPlacement';

/**
 * Draws short labels on the canvas beside line ends and points, each at the first free place
 * around its anchor, off the chart's drawn lines where there is room (see labelPlacement.ts); a
 * label with no free place is left out and its point
 * keeps its tooltip. Canvas text is not HTML, so it needs no escaping; what it shows comes from
 * the extension's data, never evaluated.
 */
export interface LabelSpec extends LabelRequest {
  readonly colour: string;
}

export function labelPlugin(labels: (chart: Chart) => readonly LabelSpec[], fontFamily: string): Plugin {
  return {
    id: 'computeBudgetLabels',
    afterDatasetsDraw(chart: Chart) {
      const { ctx, chartArea } = chart;
      const font = (bold: boolean) => `${bold ? '600 ' : ''}12px ${fontFamily}`;
      ctx.save();
      const measure = (text: string, bold: boolean) => {
        ctx.font = font(bold);
        return ctx.measureText(text).width;
      };
      const placed = placeLabels(labels(chart), measure, chartArea, drawnLines(chart));
      ctx.textBaseline = 'middle';
      ctx.textAlign = 'left';
      for (const label of placed) {
        ctx.font = font(Boolean(label.request.bold));
        ctx.fillStyle = label.request.colour;
        ctx.fillText(label.request.text, label.left, label.middle);
      }
      ctx.restore();
    },
  };
}

/**
 * Every line the chart draws (datasets with `showLine`: thresholds, iso-FLOP lines, the loss curve,
 * an interval bar), as pixel segments as thick as drawn plus a pixel each side (a bar drawn with
 * `line` end ticks as thick as its ticks are tall), weighing what its stroke weighs.
 */
function drawnLines(chart: Chart): Segment[] {
  return chart.data.datasets.flatMap((dataset, index) => {
    if (!(dataset as { showLine?: boolean }).showLine || !chart.isDatasetVisible(index)) return [];
    const drawn = dataset as { borderWidth?: unknown; pointStyle?: unknown; pointRadius?: unknown };
    const stroke = Number(drawn.borderWidth ?? 1);
    const width = Math.max(stroke + 2, drawn.pointStyle === 'line' ? 2 * Number(drawn.pointRadius ?? 0) : 0);
    return segmentsOf(
      chart.getDatasetMeta(index).data.map((point) => ({ x: point.x, y: point.y })),
      { width, weight: stroke, line: index },
    );
  });
}
