import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { makeRoot, writeCase } from '../fuzz/cli/cliCase';
import { cliViolations } from '../fuzz/cli/cliInvariants';
import { KEPT } from '../fuzz/cli/keptCases';
import { runCli } from '../fuzz/cli/worker';

/**
 * The hostile inputs we keep (test/fuzz/cli/keptCases.ts: issue 21's set and the CLI fuzz's
 * reproducers), each run through the command line on a temporary repository with the fuzz's
 * invariants: no crash, no read outside --root, no secret, no raw control character, no line
 * starting with `::`. The large ones are measured by test/bench/hostileCli.ts instead.
 */
describe('the command line on the hostile inputs we keep', function () {
  this.timeout(60_000);
  let root: ReturnType<typeof makeRoot>;
  before(() => (root = makeRoot(fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'compute-budget-kept-'))))));
  after(() => fs.rmSync(root.root, { recursive: true, force: true }));

  KEPT.filter((kept) => !kept.heavy).forEach((kept, index) => {
    const title = kept.open ? `${kept.name} (open, owned by ${kept.open})` : `holds on ${kept.name}`;
    (kept.open ? it.skip : it)(title, async () => {
      const dir = path.join(root.cases, `k${index}`);
      const argv = writeCase(kept.case, dir, root.outside);
      const outcome = await runCli({ id: index, argv });
      const reads = outcome.reads.map((read) => (fs.existsSync(read) ? fs.realpathSync(read) : path.resolve(read)));
      assert.deepEqual(cliViolations({ ...outcome, reads }, { boundary: dir, allowed: [], github: argv.includes('github') }), []);
    });
  });
});
