import * as assert from 'assert';
import { decorationsFor } from '../../src/extension/surfaces/decorations';
import { statusText } from '../../src/extension/surfaces/statusBar';
import { closeAll, openExample, openUntitled } from './helpers';

describe('the inline budget and the status bar', () => {
  afterEach(closeAll);

  it('puts the parameter count after the model line and the budget after the training line', async () => {
    const { editor, analysis } = await openExample('generic/llama-2-7b-run.yaml');
    const lines = decorationsFor(editor.document, analysis).map((decoration) => [decoration.range.start.line, decoration.renderOptions?.after?.contentText]);
    assert.deepStrictEqual(lines, [
      [2, '≈ 6.74B params'],
      [4, '≈ 8.1 × 10²² FLOP · 297 tok/param · 14.8× Chinchilla · 0.81% of EU 10²⁵'],
    ]);
    assert.strictEqual(statusText(analysis), '$(graph) 8.1 × 10²² FLOP · 0.81% EU');
  });

  it('shows active parameters of a mixture of experts and the Chinchilla-optimal length when none is given', async () => {
    const { editor, analysis } = await openExample('huggingface/mixtral-8x7b.config.json');
    const [decoration] = decorationsFor(editor.document, analysis);
    assert.strictEqual(decoration.renderOptions?.after?.contentText, '≈ 46.7B params (12.9B active) · Chinchilla-optimal 258B tokens');
    assert.strictEqual(statusText(analysis), '$(graph) 46.7B params · tokens?');
  });

  it('draws nothing for a config it cannot count', async () => {
    const { editor, analysis } = await openUntitled('model:\n  parameters: banana\n');
    assert.deepStrictEqual(decorationsFor(editor.document, analysis), []);
    assert.strictEqual(statusText(analysis), undefined);
  });
});
