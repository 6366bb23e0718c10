import assert from 'node:assert/strict';
import * as path from 'path';
import { workspaceFactsFor } from '../../src/node/workspaceFacts';

/** test/examples/workspace-facts/: facts files at its root, in a subfolder, and a broken one. */
const EXAMPLES = path.resolve(__dirname, '../../../test/examples/workspace-facts');
const options = { root: EXAMPLES };

describe('workspace facts for the command line', () => {
  it('gives a config the facts of the .compute-budget.yaml above it', async () => {
    const result = await workspaceFactsFor(path.join(EXAMPLES, 'llama-2-7b/config.json'), options);
    assert.deepEqual(result.facts, { tokens: '2T' });
    assert.deepEqual(result.files, [path.join(EXAMPLES, '.compute-budget.yaml')]);
    assert.deepEqual(result.problems, []);
  });

  it("lets a subfolder's file win over the root's, fact by fact", async () => {
    const result = await workspaceFactsFor(path.join(EXAMPLES, 'team/gpt2.config.json'), options);
    assert.deepEqual(result.facts, { gpus: '8', tokens: '10B' });
    assert.deepEqual(result.files, [path.join(EXAMPLES, '.compute-budget.yaml'), path.join(EXAMPLES, 'team/.compute-budget.yaml')]);
  });

  it('keeps the valid facts of a broken file and names its problems with 1-based positions', async () => {
    const result = await workspaceFactsFor(path.join(EXAMPLES, 'broken-on-purpose/config.json'), options);
    assert.deepEqual(result.facts, { tokens: '300B' });
    assert.deepEqual(
      result.problems.map((problem) => [path.basename(path.dirname(problem.file)), problem.line, problem.column]),
      [
        ['broken-on-purpose', 3, 34],
        ['broken-on-purpose', 3, 52],
        ['broken-on-purpose', 4, 3],
      ],
    );
    assert.match(result.problems[0].message, /"tokenz" is not a fact/);
  });

  it("reads no facts file above the boundary (the command line's --root), even with no .git on the way", async () => {
    const inside = await workspaceFactsFor(path.join(EXAMPLES, 'team/gpt2.config.json'), { boundary: path.join(EXAMPLES, 'team') });
    assert.deepEqual(inside.files, [path.join(EXAMPLES, 'team/.compute-budget.yaml')]);
    assert.deepEqual(inside.facts, { tokens: '10B' }, 'the gpus of the file above are not read');
    const outside = await workspaceFactsFor(path.join(EXAMPLES, 'llama-2-7b/config.json'), { boundary: path.join(EXAMPLES, 'team') });
    assert.deepEqual(outside.files, [], "a config outside the boundary gets only its own folder's file, and llama-2-7b/ has none");
  });

  it('finds the repository root by its .git when no root is given, and never throws for a missing config', async () => {
    const result = await workspaceFactsFor(path.join(EXAMPLES, 'llama-2-7b/config.json'));
    assert.deepEqual(result.facts, { tokens: '2T' });
    const missing = await workspaceFactsFor(path.join(EXAMPLES, 'no/such/folder/config.json'), options);
    assert.deepEqual(missing.facts, {});
  });
});
