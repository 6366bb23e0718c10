import * as assert from 'node:assert/strict';
import { markLabels, overlaps, placeLabels, type LabelRequest } from '../../../src/core/planner/labelPlacement';
import { REFERENCE_MODELS } from '../../../src/core/reference/models';

/** The chart's log axes, as Chart.js maps them: 1e8–1e13 parameters, 1e11–1e14 tokens. */
function pixel(value: number, [low, high]: [number, number], [start, end]: [number, number]): number {
  return start + ((Math.log10(value) - Math.log10(low)) / (Math.log10(high) - Math.log10(low))) * (end - start);
}

function referenceLabels(width: number, height: number): LabelRequest[] {
  const models = REFERENCE_MODELS.filter((model) => model.tokens !== null);
  const at = (model: (typeof models)[number]) => ({
    x: pixel(model.parameters, [1e8, 1e13], [60, width - 20]),
    y: pixel(model.tokens!, [1e11, 1e14], [height - 40, 10]),
  });
  return [...models.map((model) => ({ text: '', ...at(model), obstacle: true })), ...models.map((model) => ({ text: model.name, ...at(model) }))];
}

// 6.5 px per character, about what 12 px sans-serif measures.
const measure = (text: string) => text.length * 6.5;

describe('placing the chart’s labels', () => {
  for (const [width, height] of [
    [330, 380],
    [450, 380],
    [900, 560],
    [1400, 700],
  ] as const) {
    it(`never lets two labels overlap or cover a model’s marker in a ${width} × ${height} chart`, () => {
      const requests = referenceLabels(width, height);
      const placed = placeLabels(requests, measure, { left: 60, top: 10, right: width - 20, bottom: height - 40 });
      for (let i = 0; i < placed.length; i++) {
        for (let j = i + 1; j < placed.length; j++)
          assert.ok(!overlaps(placed[i]!.box, placed[j]!.box), `${placed[i]!.request.text} overlaps ${placed[j]!.request.text}`);
        for (const marker of requests.filter((request) => request.obstacle)) {
          assert.ok(
            !overlaps(placed[i]!.box, { left: marker.x - 5, top: marker.y - 5, right: marker.x + 5, bottom: marker.y + 5 }),
            `${placed[i]!.request.text} covers a marker`,
          );
        }
      }
    });
  }

  it('labels GPT-3, Gopher and LLaMA-1 in a wide chart by moving labels around their points', () => {
    const placed = placeLabels(referenceLabels(1400, 700), measure, { left: 60, top: 10, right: 1380, bottom: 660 }).map((label) => label.request.text);
    for (const name of ['GPT-3 175B', 'Gopher 280B']) assert.ok(placed.includes(name), `${name} is not labelled: ${placed.join(', ')}`);
    assert.ok(
      placed.some((text) => /^LLaMA-1/.test(text)),
      placed.join(', '),
    );
  });

  it('always draws the config’s own label, above its point', () => {
    const [label] = placeLabels(
      [
        { text: 'Plan', x: 200, y: 200, priority: true },
        { text: 'Other', x: 200, y: 184 },
      ],
      measure,
      { left: 0, top: 0, right: 400, bottom: 400 },
    );
    assert.equal(label!.request.text, 'Plan');
    assert.ok(label!.middle < 200);
  });
});

describe('placing the loss view’s labels in a 330 px panel', () => {
  // The loss view at 5.9e23 FLOP in a 330 px panel (a plot about 210 px wide): the loss-optimal
  // point, 20 tokens per parameter and this config fall within a few pixels; Kaplan's is apart.
  const marks: LabelRequest[] = [
    { text: 'This config: 70B', x: 120, y: 340, priority: true },
    { text: 'Loss-optimal: 73B', x: 123, y: 338 },
    { text: '20 tokens/parameter: 70B', x: 120, y: 341 },
    { text: 'Kaplan et al. 2020: 816B', x: 215, y: 245 },
  ];
  const area = { left: 62, top: 10, right: 272, bottom: 380 };

  it('never draws a label over another label or over another mark', () => {
    const requests = markLabels(marks);
    const placed = placeLabels(requests, measure, area);
    assert.ok(placed.length >= 3, `only ${placed.map((label) => label.request.text).join(', ')} placed`);
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++)
        assert.ok(!overlaps(placed[i]!.box, placed[j]!.box), `${placed[i]!.request.text} overlaps ${placed[j]!.request.text}`);
      if (placed[i]!.request.priority) continue;
      for (const mark of marks)
        assert.ok(
          !overlaps(placed[i]!.box, { left: mark.x - 5, top: mark.y - 5, right: mark.x + 5, bottom: mark.y + 5 }),
          `${placed[i]!.request.text} covers the mark of ${mark.text}`,
        );
    }
  });

  it('covers marks when they are not kept clear (what the view did before)', () => {
    const placed = placeLabels(
      marks.map((mark) => ({ ...mark, y: mark.y - 16 })),
      measure,
      area,
    );
    const covers = placed.some(
      (label) =>
        !label.request.priority && marks.some((mark) => overlaps(label.box, { left: mark.x - 5, top: mark.y - 5, right: mark.x + 5, bottom: mark.y + 5 })),
    );
    assert.ok(covers, 'the old placement did not cover a mark in this case; the case shows nothing');
  });
});
