/**
 * Where the chart's short labels go so that none overlaps another or covers a marker: each label
 * tries the places around its anchor in turn (right, left, above, below, then the diagonals) and
 * takes the first free one; a label with no free place is left out (its point keeps its tooltip).
 * Pure arithmetic on boxes, so it is tested without a canvas.
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

export function placeLabels<T extends LabelRequest>(requests: readonly T[], measure: (text: string, bold: boolean) => number, area: Box): PlacedLabel<T>[] {
  const taken: Box[] = requests
    .filter((request) => request.obstacle)
    .map((request) => ({ left: request.x - MARKER, top: request.y - MARKER, right: request.x + MARKER, bottom: request.y + MARKER }));
  const ordered = requests.filter((request) => !request.obstacle && request.text).sort((a, b) => Number(Boolean(b.priority)) - Number(Boolean(a.priority)));
  const placed: PlacedLabel<T>[] = [];
  for (const request of ordered) {
    const width = measure(request.text, Boolean(request.bold));
    const candidates = positions(request, width);
    for (const [left, middle] of candidates) {
      const clampedLeft = Math.min(Math.max(left, area.left + 2), area.right - width - 2);
      const clampedMiddle = Math.min(Math.max(middle, area.top + HEIGHT / 2 + 1), area.bottom - HEIGHT / 2 - 1);
      const box = { left: clampedLeft - 2, top: clampedMiddle - HEIGHT / 2, right: clampedLeft + width + 2, bottom: clampedMiddle + HEIGHT / 2 };
      if (!request.priority && taken.some((other) => overlaps(box, other))) continue;
      taken.push(box);
      placed.push({ request, left: clampedLeft, middle: clampedMiddle, box });
      break;
    }
  }
  return placed;
}

/** Candidate (left, middle) pairs around the anchor, the preferred side first. */
function positions(request: LabelRequest, width: number): [number, number][] {
  const { x, y } = request;
  const right: [number, number] = [x + GAP, y];
  const left: [number, number] = [x - GAP - width, y];
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
  return [...marks.map((mark) => ({ text: '', x: mark.x, y: mark.y, obstacle: true })), ...marks];
}
