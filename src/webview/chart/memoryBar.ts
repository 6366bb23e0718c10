import type { MemoryBar } from '../../core/planner/memoryBar';
import { gib } from '../../core/memory/units';

/**
 * The config's memory estimate as a stacked bar under the chart: one segment per part of the peak
 * (weights, gradients, optimizer states, activations, logits, buffers), the device's capacity and
 * its 90% line, and a legend with each part in GiB. Built with textContent and CSSOM widths (the
 * page's CSP allows no inline markup styles); every string came from the extension's data.
 */
export function renderMemoryBar(section: HTMLElement, bar: MemoryBar | undefined): void {
  section.hidden = !bar;
  if (!bar) {
    section.replaceChildren();
    return;
  }
  const share = (bytes: number) => `${Math.min(100, (bytes / bar.scaleBytes) * 100).toFixed(3)}%`;
  const heading = document.createElement('h2');
  heading.id = 'memory-heading';
  heading.textContent = bar.heading;
  const summary = document.createElement('p');
  summary.className = 'memory-summary';
  summary.textContent = bar.summary;

  const track = document.createElement('div');
  track.className = 'memory-track';
  track.setAttribute('role', 'img');
  track.setAttribute('aria-label', bar.summary);
  for (const part of bar.parts) {
    if (part.bytes <= 0) continue;
    const segment = document.createElement('div');
    segment.className = `memory-part part-${part.id}`;
    segment.style.width = share(part.bytes);
    segment.title = `${part.label}: ${gib(part.bytes)}`;
    track.append(segment);
  }
  const scale = document.createElement('div');
  scale.className = 'memory-scale';
  if (bar.capacity) {
    for (const [kind, bytes, text] of [
      ['usable', bar.capacity.usableBytes, `90%: ${gib(bar.capacity.usableBytes)}`],
      ['capacity', bar.capacity.bytes, `${bar.capacity.name}: ${gib(bar.capacity.bytes)}`],
    ] as const) {
      const line = document.createElement('div');
      line.className = `memory-line memory-${kind}`;
      line.style.left = share(bytes);
      line.title = text;
      track.append(line);
      const label = document.createElement('span');
      label.className = `memory-mark memory-${kind}`;
      label.style.left = share(bytes);
      label.textContent = text;
      scale.append(label);
    }
  }
  const legend = document.createElement('ul');
  legend.className = 'memory-legend';
  legend.setAttribute('aria-label', 'Parts of the peak');
  for (const part of bar.parts) {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = `memory-swatch part-${part.id}`;
    const text = document.createElement('span');
    text.textContent = `${part.label} ${gib(part.bytes)}`;
    item.append(swatch, text);
    legend.append(item);
  }
  section.replaceChildren(heading, summary, track, scale, legend);
}
