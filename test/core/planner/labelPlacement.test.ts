import * as assert from 'node:assert/strict';
import { overlaps, placeLabels, type LabelRequest } from '../../../src/core/planner/labelPlacement';
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
