import { minOf } from '../numbers/extent';
/**
 * Where the chart's short labels go so that none overlaps another or covers a marker: each label
 * tries the places around its anchor in turn (right, left, above, below, then the diagonals) and
 * takes the first free one; a label with no free place is left out (its point keeps its tooltip).
 * The chart's drawn lines (and a mark's interval bar) are kept clear too where a place allows it:
 * of the places free of other labels and markers, a label takes the one that crosses the least
 * line (each line counted once, by its weight: a bold threshold more than a faint iso-FLOP line),
 * the earliest on a tie; in a narrow chart the lines leave no room, and a label over a line beats
 * none. For a mark on a curve (`onLine`) the lines through its anchor do not count.
 * Pure arithmetic on boxes and segments, so it is tested without a canvas.
 */
export interface LabelRequest {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  /** Drawn first, at its first place, whatever it covers (the config or plan). */
  readonly priority?: boolean;
  /** The side a line's label prefers (its line runs the other way). */
  readonly align?: 'left' | 'right';
  readonly bold?: boolean;
  /** A marker to keep clear: not drawn, only avoided. */
  readonly obstacle?: boolean;
  /** The anchor is a point on a drawn line (a mark on the loss curve): the lines through it do not count against a place. */
  readonly onLine?: boolean;
  /** A bar through the anchor (a mark's interval), in pixels: the label goes beside it, not over it. */
  readonly span?: { readonly left: number; readonly right: number };
}

/** A straight piece of a drawn line, in pixels, `width` thick (2 unless said). */
export interface Segment {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly width?: number;
  /** How much a label over this line costs (1 unless said): its drawn stroke, so bold lines weigh more. */
  readonly weight?: number;
  /** Which line the piece belongs to: a label crossing a line twice pays for it once. */
  readonly line?: number;
}

export interface SegmentStyle {
  readonly width?: number;
  readonly weight?: number;
  readonly line?: number;
}

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

export interface PlacedLabel<T extends LabelRequest> {
  readonly request: T;
  /** Where the text starts (left) and its vertical middle. */
  readonly left: number;
  readonly middle: number;
  readonly box: Box;
}

const HEIGHT = 14;
const GAP = 7;
const MARKER = 5;

export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
}

/** Whether a segment passes through a box (Liang–Barsky clipping against the box widened by half the line). */
export function crosses(box: Box, segment: Segment): boolean {
  const half = (segment.width ?? 2) / 2;
  const [left, top, right, bottom] = [box.left - half, box.top - half, box.right + half, box.bottom + half];
  const dx = segment.x2 - segment.x1;
  const dy = segment.y2 - segment.y1;
  let from = 0;
  let to = 1;
  for (const [p, q] of [
    [-dx, segment.x1 - left],
    [dx, right - segment.x1],
    [-dy, segment.y1 - top],
    [dy, bottom - segment.y1],
  ] as const) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) from = Math.max(from, t);
    else to = Math.min(to, t);
    if (from > to) return false;
  }
  return true;
}

/** A drawn polyline (pixels) as the segments labels keep clear of; points that are not finite (off a log axis) break it. */
export function segmentsOf(points: readonly { readonly x: number; readonly y: number }[], style: SegmentStyle = {}): Segment[] {
  const out: Segment[] = [];
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1]!, points[i]!];
    if ([a.x, a.y, b.x, b.y].every(Number.isFinite)) out.push({ x1: a.x, y1: a.y, x2: b.x, y2: b.y, ...style });
  }
  return out;
}

/** Whether a segment passes within `reach` pixels of a point. */
function passesNear(segment: Segment, x: number, y: number, reach: number): boolean {
  const dx = segment.x2 - segment.x1;
  const dy = segment.y2 - segment.y1;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.min(1, Math.max(0, ((x - segment.x1) * dx + (y - segment.y1) * dy) / length));
  return Math.hypot(segment.x1 + t * dx - x, segment.y1 + t * dy - y) <= reach;
}

/** What a label box costs in lines crossed: each line once, at its weight; `own` lines are free. */
function lineCost(box: Box, lines: readonly Segment[], own: ReadonlySet<Segment | number>): number {
  const crossed = new Map<Segment | number, number>();
  for (const segment of lines) {
    if (own.has(segment.line ?? segment) || !crosses(box, segment)) continue;
    crossed.set(segment.line ?? segment, Math.max(crossed.get(segment.line ?? segment) ?? 0, segment.weight ?? 1));
  }
  let cost = 0;
  for (const weight of crossed.values()) cost += weight;
  return cost;
}

export function placeLabels<T extends LabelRequest>(
  requests: readonly T[],
  measure: (text: string, bold: boolean) => number,
  area: Box,
  lines: readonly Segment[] = [],
): PlacedLabel<T>[] {
  const taken: Box[] = requests
    .filter((request) => request.obstacle)
    .map((request) => ({ left: request.x - MARKER, top: request.y - MARKER, right: request.x + MARKER, bottom: request.y + MARKER }));
  const ordered = requests.filter((request) => !request.obstacle && request.text).sort((a, b) => Number(Boolean(b.priority)) - Number(Boolean(a.priority)));
  const placed: PlacedLabel<T>[] = [];
  for (const request of ordered) {
    const width = measure(request.text, Boolean(request.bold));
    const candidates = positions(request, width).map(([left, middle]) => {
      const clampedLeft = Math.min(Math.max(left, area.left + 2), area.right - width - 2);
      const clampedMiddle = Math.min(Math.max(middle, area.top + HEIGHT / 2 + 1), area.bottom - HEIGHT / 2 - 1);
      const box = { left: clampedLeft - 2, top: clampedMiddle - HEIGHT / 2, right: clampedLeft + width + 2, bottom: clampedMiddle + HEIGHT / 2 };
      return { request, left: clampedLeft, middle: clampedMiddle, box };
    });
    const free = candidates.filter((label) => request.priority || !taken.some((other) => overlaps(label.box, other)));
    if (!free.length) continue;
    // The lines through a mark's anchor (the curve it sits on, all of it) are the label's own.
    const own = new Set(
      request.onLine ? lines.filter((segment) => passesNear(segment, request.x, request.y, MARKER)).map((segment) => segment.line ?? segment) : [],
    );
    const costs = free.map((label) => lineCost(label.box, lines, own));
    const chosen = free[costs.indexOf(minOf(costs))]!;
    taken.push(chosen.box);
    placed.push(chosen);
  }
  return placed;
}

/** Candidate (left, middle) pairs around the anchor, the preferred side first. */
function positions(request: LabelRequest, width: number): [number, number][] {
  const { x, y } = request;
  // Beside a bar through the anchor, clear of its end ticks, not over it.
  const right: [number, number] = request.span ? [Math.max(x, request.span.right) + GAP + MARKER, y] : [x + GAP, y];
  const left: [number, number] = request.span ? [Math.min(x, request.span.left) - GAP - MARKER - width, y] : [x - GAP - width, y];
  const above: [number, number] = [x - width / 2, y - HEIGHT - 2];
  const below: [number, number] = [x - width / 2, y + HEIGHT + 2];
  const diagonals: [number, number][] = [
    [x + GAP, y - HEIGHT],
    [x + GAP, y + HEIGHT],
    [x - GAP - width, y - HEIGHT],
    [x - GAP - width, y + HEIGHT],
  ];
  if (request.priority) return [above];
  return request.align === 'right' ? [left, right, above, below, ...diagonals] : [right, left, above, below, ...diagonals];
}

/**
 * Labels for marks on a curve (the loss view's optimum, Kaplan, 20:1 and this config), which often
 * sit within a few pixels of one another: each mark is kept clear as an obstacle and each label is
 * placed around its own mark, so no label is drawn over another mark or another label.
 */
export function markLabels<T extends LabelRequest>(marks: readonly T[]): (T | LabelRequest)[] {
  return [...marks.map((mark) => ({ text: '', x: mark.x, y: mark.y, obstacle: true })), ...marks.map((mark) => ({ onLine: true, ...mark }))];
}
