import type { Chart, Plugin } from 'chart.js';
import { placeLabels, type LabelRequest } from '../../core/planner/labelPlacement';

/**
 * Draws short labels on the canvas beside line ends and points, each at the first free place
 * around its anchor (see labelPlacement.ts); a label with no free place is left out and its point
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
      const placed = placeLabels(labels(chart), measure, chartArea);
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
