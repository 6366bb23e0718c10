import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../src/core/analyze';
import { plan } from '../../../src/core/planner/plan';
import { writeBackChoices } from '../../../src/core/planner/writeBack';
import { UNICODE_NUMBERS } from '../../../src/core/report/format';

const examples = join(__dirname, '..', '..', '..', '..', 'test', 'examples');

/** The text after applying a choice's edits, last first so earlier offsets stay valid. */
function applied(text: string, edits: readonly { span: { start: number; end: number }; newText: string }[]): string {
  return [...edits]
    .sort((a, b) => b.span.start - a.span.start)
    .reduce((out, edit) => out.slice(0, edit.span.start) + edit.newText + out.slice(edit.span.end), text);
}

describe('what the planner offers to write into a config', () => {
  const llamaText = readFileSync(join(examples, 'generic', 'llama-2-7b-run.yaml'), 'utf8');
  const llama = analyze(llamaText, 'llama-2-7b-run.yaml');

  it('never writes a 26B plan’s tokens into a config whose catalog model fixes 6.74B parameters', () => {
    const result = plan({ budget: { kind: 'flops', flops: 8.1e22 }, target: { kind: 'chinchilla' } });
    const { choices, notes } = writeBackChoices(result, llama);
    assert.ok(result.parameters > 20e9);
    assert.ok(!choices.some((choice) => choice.tokens === result.tokens), 'the plan’s own tokens are offered for another model');
    assert.match(notes.join(' '), /fixes the model at 6\.74B parameters; the plan's 26B/);
    const target = choices.find((choice) => choice.kind === 'target-for-size')!;
    // 20 tokens per parameter for the file's own 6,738,415,616 parameters: 134.8B tokens, written 135B.
    assert.equal(target.tokens, 135e9);
    assert.equal(applied(llamaText, target.edits).match(/tokens: (\S+)/)![1], '135B');
    assert.equal(analyze(applied(llamaText, target.edits), 'llama-2-7b-run.yaml').band, 'chinchilla');
  });

  it('offers to spend the plan’s compute on the file’s own model, and says how over-trained that is', () => {
    const result = plan({ budget: { kind: 'flops', flops: 1.2e23 }, target: { kind: 'chinchilla' } });
    const budget = writeBackChoices(result, llama).choices.find((choice) => choice.kind === 'budget-for-size')!;
    const after = analyze(applied(llamaText, budget.edits), 'llama-2-7b-run.yaml');
    assert.ok(Math.abs(after.flops! / 1.2e23 - 1) < 0.005, `${after.flops} is not the plan's 1.2e23 FLOP`);
    // 1.2e23 / (6 × 6,738,415,616) = 2.968e12 tokens, written 2.97T: 441 per parameter, 22× Chinchilla.
    assert.match(budget.detail, /^441 tokens per parameter, 22x Chinchilla/);
  });

  it('leaves out a choice that would not change the file', () => {
    // 8.1e22 FLOP on the file's 6.74B model is its own 2T tokens.
    const { choices } = writeBackChoices(plan({ budget: { kind: 'flops', flops: 8.1e22 }, target: { kind: 'chinchilla' } }), llama);
    assert.deepEqual(
      choices.map((choice) => choice.kind),
      ['target-for-size'],
    );
  });

  it('writes the target for the file’s size at a multiple of Chinchilla', () => {
    const result = plan({ budget: { kind: 'flops', flops: 1e23 }, target: { kind: 'multiple', multiple: 4 } });
    const target = writeBackChoices(result, llama).choices.find((choice) => choice.kind === 'target-for-size')!;
    assert.equal(target.tokens, 539e9); // 80 × 6,738,415,616, as the file will say it
    assert.match(target.label, /at 4× Chinchilla: 539B tokens/);
  });

  it('writes size and tokens together where the file states its size as one number', () => {
    const text = readFileSync(join(examples, 'generic', 'chinchilla-70b.yaml'), 'utf8');
    const result = plan({ budget: { kind: 'flops', flops: 5.76e23 }, target: { kind: 'multiple', multiple: 4 } });
    const both = writeBackChoices(result, analyze(text, 'chinchilla-70b.yaml')).choices.find((choice) => choice.kind === 'plan')!;
    const after = analyze(applied(text, both.edits), 'chinchilla-70b.yaml');
    assert.match(applied(text, both.edits), /parameters: 34\.6B\n/);
    assert.ok(Math.abs(after.flops! / 5.76e23 - 1) < 0.01, `${after.flops}`);
    assert.ok(Math.abs(after.chinchillaMultiple! - 4) < 0.02, `${after.chinchillaMultiple}`);
  });

  it('offers only the plan’s tokens when the file’s model is the plan’s size', () => {
    const result = plan({ budget: { kind: 'flops', flops: 1e23 }, target: { kind: 'parameters', parameters: 6_738_415_616 } });
    const { choices } = writeBackChoices(result, llama);
    assert.deepEqual(
      choices.map((choice) => choice.kind),
      ['plan-tokens'],
    );
  });

  it('keeps a JSON string quoted, so the file stays valid JSON', () => {
    const text = '{"parameters": "7B", "tokens": "1.4T"}';
    const result = plan({ budget: { kind: 'flops', flops: 1e22 }, target: { kind: 'chinchilla' } });
    const both = writeBackChoices(result, analyze(text, 'budget.json', { alwaysReport: true })).choices.find((choice) => choice.kind === 'plan')!;
    const after: unknown = JSON.parse(applied(text, both.edits));
    assert.deepEqual(after, { parameters: '9.13B', tokens: '183B' });
  });

  it('turns planned tokens into whole steps for a config that counts steps', () => {
    const text = readFileSync(join(examples, 'levanter', 'llama_small_fast.yaml'), 'utf8');
    const analysis = analyze(text, 'llama_small_fast.yaml');
    const result = plan({ budget: { kind: 'flops', flops: 1e20 }, target: { kind: 'chinchilla' } });
    const target = writeBackChoices(result, analysis).choices.find((choice) => choice.kind === 'target-for-size')!;
    assert.match(target.edits[0]!.title, /^Set steps to [\d,]+:/);
    const after = analyze(applied(text, target.edits), 'llama_small_fast.yaml');
    assert.ok(
      after.tokens! >= 20 * analysis.parameters.active! && after.tokens! < 20 * analysis.parameters.active! + analysis.training.setting!.tokensPerStep!,
    );
  });

  it('gives each choice the figures the file will have once written, rounded once', () => {
    const cases: [string, string, number][] = [
      ['generic/llama-2-7b-run.yaml', 'llama-2-7b-run.yaml', 1.2e23],
      ['generic/chinchilla-70b.yaml', 'chinchilla-70b.yaml', 5.76e23],
      ['levanter/llama_small_fast.yaml', 'llama_small_fast.yaml', 1e20],
    ];
    for (const [file, name, flops] of cases) {
      const text = readFileSync(join(examples, file), 'utf8');
      for (const target of [{ kind: 'chinchilla' as const }, { kind: 'multiple' as const, multiple: 4 }]) {
        const result = plan({ budget: { kind: 'flops', flops }, target });
        for (const choice of writeBackChoices(result, analyze(text, name), UNICODE_NUMBERS).choices) {
          const after = analyze(applied(text, choice.edits), name);
          assert.equal(choice.tokens, after.tokens, `${name} ${choice.label}`);
          if (choice.flops !== null) assert.equal(UNICODE_NUMBERS.flops(choice.flops), UNICODE_NUMBERS.flops(after.flops!), `${name} ${choice.label}`);
        }
      }
    }
  });

  it('refuses, with the reason, when the length is not one value it can rewrite', () => {
    const text = 'model:\n  parameters: 7B\ntraining:\n  epochs: 3\n  dataset_tokens: 100B\n';
    const analysis = analyze(text, 'budget.yaml', { alwaysReport: true });
    const { choices, notes } = writeBackChoices(plan({ budget: { kind: 'flops', flops: 1e22 }, target: { kind: 'chinchilla' } }), analysis);
    assert.equal(choices.length, 0);
    assert.match(notes[0]!, /budget\.yaml (sets its training length through|has no training-length setting)/);
  });
});
