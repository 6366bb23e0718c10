import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';

const budget = (text: string) => analyze(text, 'budget.yaml', { alwaysReport: true });

describe('plain budget files', () => {
  it('counts epochs over a dataset size stated in the file', () => {
    const analysis = budget('model:\n  parameters: 7B\ntraining:\n  epochs: 3\n  dataset_tokens: 100B\n');
    assert.equal(analysis.tokens, 3e11);
    assert.equal(analysis.training.derivation, '3 epochs × 100,000,000,000 dataset tokens');
    assert.equal(analysis.flops, 6 * 7e9 * 3e11);
  });

  it('reads a token count in a dataset section as the dataset’s size when the file states epochs', () => {
    const analysis = budget('parameters: 7B\nnum_epochs: 2\ndataset:\n  name: my-corpus\n  tokens: 50B\n');
    assert.equal(analysis.tokens, 1e11);
  });

  it('keeps a dataset’s token count as the run’s length when no epochs are stated', () => {
    assert.equal(budget('parameters: 7B\ndataset:\n  tokens: 50B\n').tokens, 5e10);
  });

  it('reports a dataset size that is not a number at its key and asks for nothing else', () => {
    const analysis = budget('parameters: 7B\nepochs: 2\ndataset_tokens: lots\n');
    assert.equal(analysis.tokens, null);
    assert.deepEqual(analysis.findings.map((finding) => finding.code), ['invalid-number']);
  });

  it('lets a compute-budget fact give the dataset size the file leaves out', () => {
    assert.equal(budget('# compute-budget: dataset_tokens=20B\nparameters: 1B\nepochs: 4\n').tokens, 8e10);
  });
});
