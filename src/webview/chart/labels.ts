import type { Chart, Plugin } from 'chart.js';

/**
 * Draws short labels on the canvas beside line ends and points, skipping any label that would
 * overlap one already drawn (the tooltip still names every point). Canvas text is not HTML, so
 * it needs no escaping; what it shows comes from the extension's data, never evaluated.
 */
export interface LabelSpec {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly colour: string;
  /** Drawn first and never skipped (the current config or plan). */
  readonly priority?: boolean;
  readonly align?: 'left' | 'right';
  readonly bold?: boolean;
  /** A marker to keep clear (a point): not drawn, only avoided. */
  readonly obstacle?: boolean;
}

export function labelPlugin(labels: (chart: Chart) => readonly LabelSpec[], fontFamily: string): Plugin {
  return {
    id: 'computeBudgetLabels',
    afterDatasetsDraw(chart: Chart) {
      const { ctx, chartArea } = chart;
      const placed: { left: number; top: number; right: number; bottom: number }[] = [];
      const all = labels(chart);
      // Points first: a label may not cover another model's marker.
      for (const spec of all) if (spec.obstacle) placed.push({ left: spec.x - 4, top: spec.y - 4, right: spec.x + 4, bottom: spec.y + 4 });
      const specs = all.filter((spec) => !spec.obstacle).sort((a, b) => Number(Boolean(b.priority)) - Number(Boolean(a.priority)));
      ctx.save();
      ctx.textBaseline = 'middle';
      for (const spec of specs) {
        ctx.font = `${spec.bold ? '600 ' : ''}12px ${fontFamily}`;
        const width = ctx.measureText(spec.text).width;
        const height = 14;
        let left = spec.align === 'right' ? spec.x - width - 8 : spec.x + 8;
        left = Math.min(Math.max(left, chartArea.left + 2), chartArea.right - width - 2);
        const top = Math.min(Math.max(spec.y - height / 2, chartArea.top + 1), chartArea.bottom - height - 1);
        const box = { left: left - 2, top, right: left + width + 2, bottom: top + height };
        if (!spec.priority && placed.some((other) => box.left < other.right && box.right > other.left && box.top < other.bottom && box.bottom > other.top)) continue;
        placed.push(box);
        ctx.fillStyle = spec.colour;
        ctx.textAlign = 'left';
        ctx.fillText(spec.text, left, top + height / 2);
      }
      ctx.restore();
    },
  };
}
