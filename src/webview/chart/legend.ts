/**
 * The chart's legend as HTML below the canvas: each line drawn as a short line with its own dash,
 * each marker as its marker, in rows that wrap to the panel's width. Built with DOM calls and
 * textContent only (the page's CSP allows no inline markup or style).
 */
export interface LegendEntry {
  readonly label: string;
  readonly colour: string;
  readonly kind: 'line' | 'point' | 'diamond';
  readonly dash?: readonly number[];
  readonly width?: number;
}

const SVG = 'http://www.w3.org/2000/svg';

export function renderLegend(list: HTMLElement, entries: readonly LegendEntry[]): void {
  list.replaceChildren(
    ...entries.map((entry) => {
      const item = document.createElement('li');
      const sample = document.createElementNS(SVG, 'svg');
      sample.setAttribute('width', '28');
      sample.setAttribute('height', '12');
      sample.setAttribute('aria-hidden', 'true');
      if (entry.kind === 'line') {
        const line = document.createElementNS(SVG, 'line');
        line.setAttribute('x1', '1');
        line.setAttribute('y1', '6');
        line.setAttribute('x2', '27');
        line.setAttribute('y2', '6');
        line.setAttribute('stroke', entry.colour);
        line.setAttribute('stroke-width', String(Math.max(1.5, entry.width ?? 1.5)));
        if (entry.dash?.length) line.setAttribute('stroke-dasharray', entry.dash.join(' '));
        sample.append(line);
      } else {
        const marker = document.createElementNS(SVG, entry.kind === 'diamond' ? 'rect' : 'circle');
        if (entry.kind === 'diamond') {
          marker.setAttribute('x', '9');
          marker.setAttribute('y', '1');
          marker.setAttribute('width', '10');
          marker.setAttribute('height', '10');
          marker.setAttribute('transform', 'rotate(45 14 6)');
        } else {
          marker.setAttribute('cx', '14');
          marker.setAttribute('cy', '6');
          marker.setAttribute('r', '4');
        }
        marker.setAttribute('fill', entry.colour);
        sample.append(marker);
      }
      const text = document.createElement('span');
      text.textContent = entry.label;
      item.append(sample, text);
      return item;
    }),
  );
}
