import assert from 'node:assert/strict';
import { stopText } from '../../../src/core/lab/stop';
import { lossLogCsv } from './synthetic';

describe('the stop-training signal', () => {
  it('says a curve that has flattened has reached low returns, with the window as evidence', () => {
    const report = stopText(lossLogCsv('flattening'));
    const signal = report.signal!;
    assert.equal(signal.lowReturns, true);
    // d/dD of 400·D^-0.35 at ~360B tokens is about 0.0035 per 100B.
    assert.ok(signal.lossImprovementPer100B > 0.002 && signal.lossImprovementPer100B < 0.005, String(signal.lossImprovementPer100B));
    const low = report.findings.find((f) => f.code === 'lab-low-returns')!;
    assert.deepEqual(low.lines, { first: 321, last: 401 });
    assert.match(low.message, /320B to 400B, 81 points/);
  });

  it('says a curve still falling 0.25 per 100B tokens is still improving', () => {
    const report = stopText(lossLogCsv('steep'));
    assert.equal(report.signal!.lowReturns, false);
    assert.ok(Math.abs(report.signal!.lossImprovementPer100B - 0.25) < 0.01);
    assert.ok(report.findings.some((f) => f.code === 'lab-still-improving'));
  });

  it('uses the perplexity rule too: 0.03 per 100B passes the loss rule but is under 0.5% perplexity per 10B', () => {
    const lines = ['tokens,loss'];
    for (let i = 1; i <= 100; i++) lines.push(`${i * 1e9},${3 - 0.03 * (i / 100)}`);
    const signal = stopText(lines.join('\n')).signal!;
    assert.ok(signal.lossImprovementPer100B > 0.01);
    assert.ok(signal.perplexityImprovementPer10B < 0.005);
    assert.equal(signal.lowReturns, true);
  });

  it('projects the gain of the remaining planned tokens from the curve fitted to the log', () => {
    const projection = stopText(lossLogCsv('flattening'), { plannedTokens: 1e12 }).signal!.projection!;
    const truth = 400 / 4e11 ** 0.35 - 400 / 1e12 ** 0.35;
    assert.ok(Math.abs(projection.gain - truth) < 0.3 * truth, `${projection.gain} vs ${truth}`);
    assert.equal(projection.plannedTokens - projection.currentTokens, 6e11);
  });

  it('works tokens out from steps and the tokens per step, and says so when it cannot', () => {
    const text = 'Wall time,Step,Value\n' + Array.from({ length: 50 }, (_, i) => `0,${(i + 1) * 100},${3 - i * 1e-4}`).join('\n');
    assert.equal(stopText(text, { tokensPerStep: 4e6 }).signal!.window.toTokens, 5000 * 4e6);
    const none = stopText(text);
    assert.equal(none.signal, undefined);
    assert.equal(none.findings[0]!.code, 'lab-missing-tokens');
  });
});
