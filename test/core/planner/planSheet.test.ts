import * as assert from 'node:assert/strict';
import { plan } from '../../../src/core/planner/plan';
import { planMarkdown, planSheet } from '../../../src/core/planner/planSheet';
import { THRESHOLD_RULES } from '../../../src/core/budget/thresholds';

describe('the plan view and its Markdown', () => {
  // 4,096 H100 × 90 days × 989.5 TFLOP/s × 40% = 1.26e25 FLOP: over the EU's 10²⁵.
  const big = plan({
    budget: { kind: 'hardware', accelerator: 'H100', count: 4096, days: 90, mfu: 0.4 },
    target: { kind: 'chinchilla' },
    pricePerAcceleratorHour: 2,
  });
  const sheet = planSheet(big);
  const rows = sheet.sections.flatMap((section) => section.rows);

  it('lists every threshold rule, with its tier', () => {
    const thresholds = sheet.sections.find((section) => section.heading === 'Regulatory thresholds')!;
    assert.equal(thresholds.rows.length, THRESHOLD_RULES.length);
    const eu = thresholds.rows.find((row) => row.label.startsWith('EU AI Act systemic risk'))!;
    assert.equal(eu.tone, 'crossed');
    assert.match(eu.value, /^10²⁵ FLOP: 126%, crossed$/);
  });

  it('states the notification duty for a plan over 10²⁵', () => {
    const eu = rows.find((row) => row.label.startsWith('EU AI Act systemic risk'))!;
    assert.match(eu.note ?? '', /Notify the European Commission within 14 days/);
  });

  it('shows accelerator-hours, wall-clock days and a cost only when priced', () => {
    assert.equal(rows.find((row) => row.label === 'Accelerator-hours')!.value, (4096 * 90 * 24).toLocaleString('en-US'));
    assert.equal(rows.find((row) => row.label === 'Wall-clock')!.value, '90.0 days');
    assert.equal(rows.find((row) => row.label === 'Cost')!.value, (4096 * 90 * 24 * 2).toLocaleString('en-US'));
    const unpriced = planSheet(plan({ budget: { kind: 'hardware', accelerator: 'H100', count: 8, days: 1 }, target: { kind: 'chinchilla' } }));
    assert.equal(unpriced.sections.flatMap((section) => section.rows).find((row) => row.label === 'Cost')!.value, 'no price set');
  });

  it('has no hardware section for a FLOP budget without accelerators', () => {
    const bare = planSheet(plan({ budget: { kind: 'flops', flops: 5.76e23 }, target: { kind: 'chinchilla' } }));
    assert.ok(!bare.sections.some((section) => section.heading === 'Hardware'));
  });

  it('writes Markdown tables whose cells cannot break the table or inject markup', () => {
    const markdown = planMarkdown(big);
    assert.match(markdown, /^# Plan: Chinchilla-optimal/);
    assert.match(markdown, /\| Wall-clock \| 90\.0 days \|/);
    for (const line of markdown.split('\n').filter((each) => each.startsWith('| ') && !each.startsWith('| |'))) {
      // Two unescaped pipes inside a row would add a column.
      assert.equal(line.replace(/\\\|/g, '').split('|').length, 4, line);
    }
    assert.doesNotMatch(markdown, /<(?!br>)/);
  });
});
