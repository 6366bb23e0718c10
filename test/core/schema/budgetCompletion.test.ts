import * as assert from 'node:assert/strict';
import { budgetCompletions, type BudgetCompletion } from '../../../src/core/schema/budgetCompletion';

/** Completions at the `|` in `marked`. */
function at(marked: string): { items: BudgetCompletion[]; text: string; offset: number } {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { items: budgetCompletions(text, offset), text, offset };
}
const labels = (marked: string) => at(marked).items.map((item) => item.label);
const item = (marked: string, label: string) => at(marked).items.find((candidate) => candidate.label === label);

describe('completion in a plain budget file', () => {
  it('offers the sections and top-level keys at the start of an empty file, the example budget first', () => {
    const { items } = at('|');
    const sorted = [...items].sort((a, b) => a.sortText.localeCompare(b.sortText));
    assert.equal(sorted[0].label, 'Example budget');
    assert.equal(sorted[0].kind, 'snippet');
    for (const key of ['model', 'training', 'hardware', 'parameters', 'tokens', 'prior_tokens'])
      assert.ok(
        items.some((candidate) => candidate.label === key),
        key,
      );
    assert.ok(!items.some((candidate) => candidate.label === 'hidden_size'), 'shape keys belong under model:');
  });

  it('offers only the keys of the section the cursor is in', () => {
    const model = labels('model:\n  |\n');
    assert.ok(model.includes('hidden_size') && model.includes('parameters'));
    assert.ok(!model.includes('epochs') && !model.includes('accelerator'));
    const hardware = labels('training:\n  tokens: 2T\n  hardware:\n    |');
    assert.ok(hardware.includes('accelerator') && hardware.includes('count') && hardware.includes('utilisation'));
    assert.ok(!hardware.includes('tokens') && !hardware.includes('model'));
  });

  it('goes back to the outer section when the line is indented less', () => {
    const outer = labels('training:\n  hardware:\n    accelerator: H100\n  |');
    assert.ok(outer.includes('epochs') && !outer.includes('count'), 'count belongs beside the accelerator');
    assert.ok(!outer.includes('hardware'), 'hardware is already written in this section');
  });

  it('leaves out keys already written at that level, before or after the cursor', () => {
    const keys = labels('model:\n  parameters: 7B\n  |\n  name: x\ntraining:\n  tokens: 2T\n');
    assert.ok(!keys.includes('parameters') && !keys.includes('name'));
    assert.ok(keys.includes('active_parameters'));
  });

  it('documents each key with its description, and another spelling with the key it stands for', () => {
    const tokens = item('training:\n  |', 'tokens')!;
    assert.match(tokens.documentation, /Training tokens of the whole run/);
    assert.equal(tokens.detail, 'number (7B, 1.4T, 2e12)');
    const maxSteps = item('training:\n  |', 'max_steps')!;
    assert.equal(maxSteps.detail, '= steps');
    assert.match(maxSteps.documentation, /Another spelling of `steps`/);
    assert.ok(maxSteps.sortText > item('training:\n  |', 'seq_len')!.sortText, 'other spellings sort after the schema’s own keys');
  });

  it('inserts a key with a placeholder value, a section with an indented line, and hardware with its fields', () => {
    assert.equal(item('|', 'tokens')!.insertText, 'tokens: ${1:2T}');
    assert.equal(item('|', 'model')!.insertText, 'model:\n  $0');
    assert.equal(item('|', 'hardware')!.insertText, 'hardware:\n  accelerator: ${1:H100}\n  count: ${2:256}\n  days: ${3:10}');
    assert.equal(item('training:\n  |', 'fp8')!.insertText, 'fp8: ${1|true,false|}');
  });

  it('indents inserted sections the way the file already does', () => {
    assert.equal(item('model:\n    parameters: 7B\n|', 'training')!.insertText, 'training:\n    $0');
  });

  it('replaces the word being typed, and only the key on a line that has its colon', () => {
    const typed = at('training:\n  tok|');
    const tokens = typed.items.find((candidate) => candidate.label === 'tokens')!;
    assert.equal(typed.text.slice(tokens.replace.start, tokens.replace.end), 'tok');
    const renamed = at('training:\n  to|kens: 2T\n');
    const again = renamed.items.find((candidate) => candidate.label === 'train_tokens')!;
    assert.equal(renamed.text.slice(again.replace.start, again.replace.end), 'tokens');
    assert.equal(again.insertText, 'train_tokens');
    assert.ok(!renamed.items.some((candidate) => candidate.kind === 'snippet'));
  });

  it('offers values from a key’s examples after its colon', () => {
    const { items, text } = at('hardware:\n  accelerator: H|\n');
    assert.deepEqual(
      items.map((candidate) => candidate.label),
      // prettier-ignore
      ['A100', 'A100-40GB', 'H100', 'H100-NVL', 'H100-96GB', 'H200', 'B200', 'GB200', 'MI250X', 'MI300X', 'MI325X', 'L4', 'L40S', 'A10G', 'RTX3090', 'RTX4090', 'RTX5090', 'TPUv4', 'TPUv5e', 'TPUv5p', 'TPUv6e', 'Trainium2'],
    );
    assert.equal(text.slice(items[0].replace.start, items[0].replace.end), 'H');
    assert.deepEqual(labels('training:\n  fp8: |'), ['true', 'false']);
    assert.deepEqual(labels('parameters: |'), ['7B', '70B', '1.3e9']);
  });

  it('lists other spellings of a key that may also be a mapping after the schema’s own keys', () => {
    const hardware = at('hardware:\n  |').items;
    const timeLimit = hardware.find((candidate) => candidate.label === 'time_limit')!;
    assert.equal(timeLimit.detail, '= max_time');
    assert.ok(timeLimit.sortText > hardware.find((candidate) => candidate.label === 'precision')!.sortText);
    assert.equal(hardware.find((candidate) => candidate.label === 'count')!.detail, 'whole number');
  });

  it('offers the fields of a wall-clock mapping under max_time', () => {
    assert.deepEqual(labels('hardware:\n  max_time:\n    |').sort(), ['days', 'hours', 'minutes', 'seconds']);
  });

  it('says nothing in comments, lists, unknown sections, under a key with a value, or past the text', () => {
    assert.deepEqual(labels('# |'), []);
    assert.deepEqual(labels('model:\n  name: x # |'), []);
    assert.deepEqual(labels('dataset:\n  - |'), []);
    assert.deepEqual(labels('notes:\n  |'), []);
    assert.deepEqual(labels('training:\n  tokens: 2T\n    |'), []);
    assert.deepEqual(budgetCompletions('model:', 99), []);
    assert.deepEqual(budgetCompletions('model:', -1), []);
  });

  it('reads files with Windows line ends', () => {
    assert.ok(labels('training:\r\n  hardware:\r\n    |').includes('accelerator'));
  });
});
