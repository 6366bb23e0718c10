import * as assert from 'node:assert/strict';
import { crosses, markLabels, overlaps, placeLabels, segmentsOf, type LabelRequest, type Segment } from '../../../src/core/planner/labelPlacement';
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

describe('keeping labels off the chart’s lines', () => {
  const area = { left: 0, top: 0, right: 400, bottom: 400 };

  it('tells a segment through a box from one beside it, counting the line’s thickness', () => {
    const box = { left: 100, top: 100, right: 150, bottom: 114 };
    assert.ok(crosses(box, { x1: 90, y1: 90, x2: 160, y2: 124 }));
    assert.ok(crosses(box, { x1: 120, y1: 50, x2: 120, y2: 300 }));
    assert.ok(!crosses(box, { x1: 90, y1: 90, x2: 160, y2: 95 }));
    assert.ok(crosses(box, { x1: 90, y1: 96, x2: 160, y2: 96, width: 10 }));
    assert.ok(!crosses(box, { x1: 160, y1: 0, x2: 400, y2: 400 }));
  });

  it('moves a label off a line that runs through its first place when another place is free of it', () => {
    const line: Segment = { x1: 130, y1: 60, x2: 130, y2: 140 };
    const [label] = placeLabels([{ text: 'Llama 3 70B', x: 100, y: 100 }], measure, area, [line]);
    assert.ok(label, 'the label was left out');
    assert.ok(!crosses(label.box, line), `the label sits on the line at ${JSON.stringify(label.box)}`);
  });

  it('still draws a label when every place around it is crossed by a line, rather than leave it out', () => {
    const lines = Array.from({ length: 40 }, (_, i): Segment => ({ x1: 0, y1: i * 10, x2: 400, y2: i * 10 }));
    assert.equal(placeLabels([{ text: 'GPT-3 175B', x: 200, y: 200 }], measure, area, lines).length, 1);
  });

  it('crosses a faint line rather than a bold one when it must cross one', () => {
    const faint: Segment = { x1: 130, y1: 60, x2: 130, y2: 140, weight: 1 };
    const bold: Segment = { x1: 70, y1: 60, x2: 70, y2: 140, weight: 2 };
    const [label] = placeLabels([{ text: 'Llama 3 70B', x: 100, y: 100, align: 'right' }], measure, { left: 0, top: 95, right: 400, bottom: 105 }, [
      faint,
      bold,
    ]);
    assert.ok(label && crosses(label.box, faint) && !crosses(label.box, bold), JSON.stringify(label?.box));
  });

  it('lets a mark’s label sit along the curve the mark is on (all of it), rather than leave the mark', () => {
    // A curve through the mark that rises again under the label's first place, as the loss curve does past its minimum.
    const curve = segmentsOf(
      [
        { x: 0, y: 90 },
        { x: 200, y: 100 },
        { x: 230, y: 100 },
        { x: 260, y: 90 },
        { x: 400, y: 40 },
      ],
      { line: 7 },
    );
    const [label] = placeLabels([{ text: 'Kaplan et al. 2020: 41.7B', x: 200, y: 100, onLine: true }], measure, area, curve);
    assert.equal(label!.left, 207);
  });

  it('keeps a line’s own end label off that line, beside its end', () => {
    // A threshold falling steeply to the right, labelled 8 px under its upper end (as the allocation view does).
    const threshold: Segment = { x1: 200, y1: 20, x2: 260, y2: 150, width: 4, weight: 2 };
    const [label] = placeLabels([{ text: '10²⁵ FLOP', x: 200, y: 28, align: 'left' }], measure, area, [threshold]);
    assert.ok(!crosses(label!.box, threshold), JSON.stringify(label!.box));
  });

  it('skips the points a log axis cannot place when turning a line into segments', () => {
    const points = [
      { x: 0, y: 0 },
      { x: 10, y: Number.NEGATIVE_INFINITY },
      { x: 20, y: 20 },
      { x: 30, y: 30 },
    ];
    assert.deepEqual(segmentsOf(points, { width: 3 }), [{ x1: 20, y1: 20, x2: 30, y2: 30, width: 3 }]);
  });
});

describe('the narrow allocation view: labels off the threshold lines', () => {
  // The allocation view in a 330 px panel: a plot about 250 × 360 px over 1e8–1e13 parameters and
  // 1e11–1e14 tokens, with the threshold lines 1e23, 1e25 and 1e26 FLOP (N·D = C/6) across it.
  const [width, height] = [330, 410];
  const plot = { left: 60, top: 10, right: width - 20, bottom: height - 40 };
  const px = (parameters: number) => pixel(parameters, [1e8, 1e13], [plot.left, plot.right]);
  const py = (tokens: number) => pixel(tokens, [1e11, 1e14], [plot.bottom, plot.top]);
  const lines = [23, 25, 26].flatMap((exponent) => {
    const points = Array.from({ length: 41 }, (_, i) => {
      const parameters = 10 ** (8 + (5 * i) / 40);
      return { x: px(parameters), y: py(10 ** exponent / 6 / parameters) };
    });
    return segmentsOf(points, { width: 4, weight: 2, line: exponent });
  });
  const requests = referenceLabels(width, height);
  const placed = placeLabels(requests, measure, plot, lines);
  const onLines = placed.filter((label) => lines.some((line) => crosses(label.box, line))).map((label) => label.request.text);
  const before = placeLabels(requests, measure, plot);
  const onLinesBefore = before.filter((label) => lines.some((line) => crosses(label.box, line))).map((label) => label.request.text);

  it('puts fewer labels over a line than the placement that ignored lines, and labels as many models', () => {
    assert.ok(onLinesBefore.length > 0, 'the old placement put no label on a line here; the case shows nothing');
    assert.ok(onLines.length < onLinesBefore.length, `on lines now: ${onLines.join(', ')}; before: ${onLinesBefore.join(', ')}`);
    assert.ok(placed.length >= before.length, `labelled now: ${placed.length}, before: ${before.length}`);
  });

  it('still never lets two labels overlap or cover a marker', () => {
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) assert.ok(!overlaps(placed[i]!.box, placed[j]!.box));
      for (const marker of requests.filter((request) => request.obstacle))
        assert.ok(!overlaps(placed[i]!.box, { left: marker.x - 5, top: marker.y - 5, right: marker.x + 5, bottom: marker.y + 5 }));
    }
  });
});

describe('the loss view’s optimum under your fit, beside its 95% interval bar', () => {
  // A plan of 1e22 FLOP under a fit of your runs, as the lab-allocation walkthrough draws it (a
  // plot about 400 px wide over 3B–150B): the plan at 9.13B, the loss-optimum at 10.2B with its
  // interval 7.36B–11.8B drawn as a bar with end ticks (12 px tall), 20 tokens per parameter on
  // the plan's point.
  const area = { left: 62, top: 10, right: 467, bottom: 380 };
  const x = (parameters: number) => pixel(parameters, [3e9, 1.5e11], [area.left, area.right]);
  const bar: Segment = { x1: x(7.36e9), y1: 300, x2: x(11.8e9), y2: 300, width: 12 };
  const marks: LabelRequest[] = [
    { text: 'This plan: 9.13B', x: x(9.13e9), y: 300, priority: true },
    { text: 'Loss-optimal: 10.2B (7.36B–11.8B)', x: x(10.2e9), y: 300, span: { left: bar.x1, right: bar.x2 } },
    { text: '20 tokens/parameter: 9.13B', x: x(9.13e9), y: 301 },
    { text: 'Kaplan et al. 2020: 41.7B', x: x(41.7e9), y: 230 },
  ];

  it('puts the optimum’s label beside the bar, not over it, in this plot and in a 330 px panel’s', () => {
    const narrow = { ...area, right: 272 };
    const squeezed = marks.map((mark) => ({ ...mark, x: area.left + ((mark.x - area.left) * 210) / 405 }));
    const narrowBar = { ...bar, x1: area.left + ((bar.x1 - area.left) * 210) / 405, x2: area.left + ((bar.x2 - area.left) * 210) / 405 };
    const placedNarrow = placeLabels(
      markLabels(squeezed.map((mark) => (mark.span ? { ...mark, span: { left: narrowBar.x1, right: narrowBar.x2 } } : mark))),
      measure,
      narrow,
      [narrowBar],
    );
    for (const label of placedNarrow) if (!label.request.priority) assert.ok(!crosses(label.box, narrowBar), `${label.request.text} sits on the bar`);
    const placed = placeLabels(markLabels(marks), measure, area, [bar]);
    const optimum = placed.find((label) => label.request.text.startsWith('Loss-optimal'));
    assert.ok(optimum, `the optimum is not labelled: ${placed.map((label) => label.request.text).join(', ')}`);
    assert.ok(!crosses(optimum.box, bar), `the optimum's label sits on its interval bar at ${JSON.stringify(optimum.box)}`);
    for (const label of placed) if (!label.request.priority) assert.ok(!crosses(label.box, bar), `${label.request.text} sits on the bar`);
  });

  it('sat over the bar when the bar was not known to the placement (what the view did before)', () => {
    const placed = placeLabels(markLabels(marks.map((mark) => ({ ...mark, span: undefined }))), measure, area);
    const optimum = placed.find((label) => label.request.text.startsWith('Loss-optimal'));
    assert.ok(optimum && crosses(optimum.box, bar), 'the old placement kept this label off the bar; the case shows nothing');
  });
});
