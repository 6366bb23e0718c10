import assert from 'node:assert/strict';
import { BAND_LABELS, overtrainingBand } from '../../../src/core/budget/overtraining';

describe('over-training bands', () => {
  it('puts a run below 0.95× Chinchilla-optimal among the under-trained', () => {
    assert.equal(overtrainingBand(0), 'under-trained');
    assert.equal(overtrainingBand(0.5), 'under-trained');
    assert.equal(overtrainingBand(0.9499), 'under-trained');
  });

  it('counts 0.95× to 2× as about Chinchilla-optimal', () => {
    assert.equal(overtrainingBand(0.95), 'chinchilla');
    assert.equal(overtrainingBand(1), 'chinchilla');
    assert.equal(overtrainingBand(2), 'chinchilla');
  });

  it('counts Llama-2-7B (about 14.8×) as deliberately over-trained', () => {
    assert.equal(overtrainingBand(2.01), 'overtrained');
    assert.equal(overtrainingBand(14.84), 'overtrained');
    assert.equal(overtrainingBand(16), 'overtrained');
  });

  it('sees diminishing returns past 16× and negligible gains past 24×', () => {
    assert.equal(overtrainingBand(16.01), 'diminishing');
    assert.equal(overtrainingBand(24), 'diminishing');
    assert.equal(overtrainingBand(24.01), 'negligible');
    assert.equal(overtrainingBand(1000), 'negligible');
  });

  it('labels every band', () => {
    for (const band of ['under-trained', 'chinchilla', 'overtrained', 'diminishing', 'negligible'] as const) assert.ok(BAND_LABELS[band].length > 0);
  });
});
