import assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';
import { chartForAnalysis } from '../../../src/core/planner/chartData';

describe('chart data for absurd configs', () => {
  const finiteChart = (text: string) => {
    const chart = chartForAnalysis(analyze(text, 'absurd.yaml'), 'absurd.yaml');
    for (const bound of [...chart.bounds.parameters, ...chart.bounds.tokens]) assert.ok(Number.isFinite(bound) && bound > 0, `bound ${bound}`);
    for (const line of chart.lines) for (const point of line.points) assert.ok(Number.isFinite(point.parameters) && Number.isFinite(point.tokens));
    return chart;
  };

  it('plots no point for 1e-300 parameters on 1e-300 tokens, and ends (log10 of 0 looped forever)', () => {
    assert.equal(finiteChart('parameters: 1e-300\ntokens: 1e-300\n').current, null);
  });

  it('keeps the axes finite for a run at the edge of what is read', () => {
    finiteChart('parameters: 1e15\ntokens: 1e15\n');
    finiteChart('parameters: 1\ntokens: 1\n');
  });
});
