import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../src/core/analyze';
import { plan } from '../../../src/core/planner/plan';
import { layoutLines, layoutRows, planLayoutsOf } from '../../../src/core/planner/planLayouts';
import { planMarkdown, planSheet } from '../../../src/core/planner/planSheet';

const examples = join(__dirname, '..', '..', '..', '..', 'test', 'examples');
/** torchtitan's Llama 3 8B preset on one node: FSDP, micro-batch 4 of 8,192 tokens, no recompute. */
const TORCHTITAN = readFileSync(join(examples, 'memory/llama3_8b_one_node.toml'), 'utf8');
const FILE = 'llama3_8b_one_node.toml';

const laidOut = (facts: Record<string, string>, text = TORCHTITAN) => analyze(text, FILE, { facts, layouts: true });

describe('the layouts a plan shows for the open config', () => {
  const layouts = planLayoutsOf(FILE, 'H100', laidOut({ accelerator: 'H100', gpus: '8' }));

  it("lays the file's run out on the plan's accelerator and count: its own layout, then the fewest accelerators that fit", () => {
    assert.equal(layouts.accelerator?.name, 'NVIDIA H100 (SXM)');
    assert.equal(layouts.current?.accelerators, 8);
    assert.equal(layouts.current?.fits, false);
    assert.ok(layouts.proposals.length > 0);
    for (const proposal of layouts.proposals) assert.ok(proposal.peakBytes <= layouts.accelerator!.bytes * 0.9);
    assert.equal(layouts.reason, null);
  });

  it('names what every layout keeps as the file sets it: micro-batch, sequence, recompute, sharding, optimizer', () => {
    assert.deepEqual(layouts.held, ['micro-batch 4', 'sequence 8192', 'recompute none', 'ZeRO/FSDP stage 3', 'optimizer adam']);
  });

  it('gives the terminal and the plan view the same rows, joined by x in one and × in the other', () => {
    const terminal = layoutRows(layouts);
    const editor = layoutRows(layouts, '×');
    assert.equal(terminal.length, layouts.proposals.length + 1);
    assert.deepEqual(
      editor.map((row) => row.label),
      terminal.map((row) => row.label.replaceAll(' x ', ' × ')),
    );
    assert.match(terminal[0]!.value, /^8 accelerators, peak [\d.]+ GiB \(does not fit\)$/);
    assert.equal(terminal[0]!.over, true);
    const lines = layoutLines(layouts);
    assert.match(lines[1]!, /as written {10}8 accelerators/);
    assert.match(lines.at(-1)!, /held as written: micro-batch 4, sequence 8192/);
  });

  it("adds a read-only section to the plan sheet and its Markdown, naming the file's own model size", () => {
    const result = plan({ budget: { kind: 'hardware', accelerator: 'H100', count: 8, days: 30 }, target: { kind: 'chinchilla' } });
    const sheet = planSheet(result, undefined, { layouts, parameters: 8.03e9 });
    const section = sheet.sections.at(-1)!;
    assert.equal(section.heading, 'Layouts that fit');
    assert.match(section.rows[0]!.value, /llama3_8b_one_node\.toml \(its own 8\.03B model\) on NVIDIA H100 \(SXM\), 79\.2 GiB each/);
    assert.equal(section.rows[1]!.tone, 'crossed');
    assert.match(section.rows.at(-1)!.note!, /shown, not written/);
    assert.match(planMarkdown(result, { layouts, parameters: 8.03e9 }), /## Layouts that fit/);
    assert.ok(!planSheet(result).sections.some((s) => s.heading === 'Layouts that fit'));
  });

  it('says an accelerator is needed when neither the plan nor the config names one', () => {
    const bare = TORCHTITAN.replace(/^# compute-budget: accelerator=.*$/m, '');
    const none = planLayoutsOf(FILE, undefined, laidOut({}, bare));
    assert.equal(none.proposals.length, 0);
    assert.match(none.reason!, /^unknown: needs an accelerator/);
  });

  it('says an accelerator the table does not know is not in it, and a file with no model has none to lay out', () => {
    assert.match(planLayoutsOf(FILE, 'Gaudi9', laidOut({ accelerator: 'Gaudi9' })).reason!, /Gaudi9 is not in the accelerator table/);
    const plain = planLayoutsOf('plan.yaml', 'H100', analyze('training:\n  tokens: 1T\n', 'plan.yaml', { facts: { accelerator: 'H100' }, layouts: true }));
    assert.equal(plain.accelerator, null);
    assert.ok(plain.reason);
  });

  it('uses the accelerator the config names when the plan gives none', () => {
    const own = planLayoutsOf(FILE, undefined, laidOut({}));
    assert.equal(own.accelerator?.name, 'NVIDIA H100 (SXM)');
    assert.equal(own.current?.accelerators, 8);
  });
});
