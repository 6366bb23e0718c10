import assert from 'node:assert/strict';
import { boundaryText, sigmoidAt, type Sigmoid } from '../../../src/core/lab/boundary';
import { seededRandom } from '../../../src/core/lab/stats';

const TRUE: Sigmoid = { floor: 0.25, ceiling: 0.85, slope: 1.5, midpoint: 23 };

/** 80 models under a known boundary: a few on it, the rest below by an exponential gap. */
function evalsCsv(seed = 5): string {
  const random = seededRandom(seed);
  const lines = ['model,task,compute,score'];
  for (let i = 0; i < 80; i++) {
    const x = 20 + 6 * (i / 79);
    const gap = i % 10 === 0 ? 0 : 0.06 * -Math.log(random() || 1e-9);
    lines.push(`m${i},mmlu,${10 ** x},${sigmoidAt(TRUE, 10 ** x) - gap}`);
  }
  return lines.join('\n') + '\n';
}

describe('the capability boundary', () => {
  const report = boundaryText(evalsCsv(), { compute: 1e23 });
  const fit = report.fits[0]!;

  it('recovers a known sigmoid boundary from models under it', () => {
    const s = fit.sigmoid;
    assert.ok(Math.abs(s.floor - TRUE.floor) < 0.05, `floor ${s.floor}`);
    assert.ok(Math.abs(s.ceiling - TRUE.ceiling) < 0.05, `ceiling ${s.ceiling}`);
    assert.ok(Math.abs(s.midpoint - TRUE.midpoint) < 0.3, `midpoint ${s.midpoint}`);
    assert.ok(Math.abs(s.slope / TRUE.slope - 1) < 0.3, `slope ${s.slope}`);
  });

  it('has about τ of the models under it and reports coverage on the held-out largest ones', () => {
    assert.ok(fit.coverage >= 0.95, String(fit.coverage));
    assert.equal(fit.heldOut!.points, 16);
    assert.ok(fit.heldOut!.coverage >= 0.8, String(fit.heldOut!.coverage));
  });

  it('places a planned compute on the boundary, in words', () => {
    assert.ok(Math.abs(fit.at!.score - 0.55) < 0.04, String(fit.at!.score));
    assert.ok(
      report.findings.some((f) => /^At 1\.0e23 FLOP the 98th-percentile boundary on mmlu is 0\.5\d/.test(f.message)),
      report.findings.map((f) => f.message).join('\n'),
    );
  });

  it('takes compute as 6ND when the file gives parameters and tokens', () => {
    const text = 'parameters,tokens,score\n' + Array.from({ length: 8 }, (_, i) => `${1e9 * (i + 1)},20B,${0.3 + 0.05 * i}`).join('\n');
    const r = boundaryText(text);
    assert.equal(r.points[0]!.compute, 6 * 1e9 * 20e9);
    assert.equal(r.fits.length, 1);
  });

  it('says a task with too few models has no boundary', () => {
    const r = boundaryText('compute,score,task\n1e20,0.3,a\n1e21,0.4,a\n');
    assert.equal(r.fits.length, 0);
    assert.equal(r.findings[0]!.code, 'lab-too-few-runs');
  });
});
