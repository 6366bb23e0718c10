import * as assert from 'assert';
import * as vscode from 'vscode';
import { FitRunner } from '../../src/extension/lab/fitRunner';
import { runTask } from '../../src/extension/lab/labEngine';
import type { LabExecutor, LabResult, LabTask } from '../../src/extension/lab/labTasks';
import { labToDiagnostics } from '../../src/extension/lab/labDiagnostics';
import { placingText, readContent } from '../../src/extension/lab/workspaceFit';
import { exampleUri } from './helpers';

/** An executor that runs each task here and keeps what it was given. */
function recording(): LabExecutor & { tasks: LabTask[] } {
  const tasks: LabTask[] = [];
  return { tasks, run: (task: LabTask) => (tasks.push(task), Promise.resolve<LabResult>(runTask(task))), dispose: () => undefined };
}

/**
 * A loss log or a runs file may be 50 MB: decoding and hashing 42 MB for the cache took about
 * 150 ms of the host's thread. The host hands the worker the file's bytes, keyed by the version
 * they were read at, and the worker decodes them.
 */
describe("the editor hands a lab file's bytes to the lab's worker undecoded", () => {
  const log = exampleUri('lab/loss.csv');

  it('reads a log that is not open as bytes with the version they were read at', async () => {
    const read = await readContent(log);
    assert.ok(read !== undefined && typeof read !== 'string', 'a file not open in an editor comes back as bytes');
    const stat = await vscode.workspace.fs.stat(log);
    assert.strictEqual(read.version, `${stat.mtime}:${stat.size}`);
    assert.strictEqual(read.bytes.length, stat.size);
  });

  it('judges the bytes as it judges the text, and once per version', async () => {
    const read = await readContent(log);
    assert.ok(read !== undefined && typeof read !== 'string');
    const executor = recording();
    const runner = new FitRunner(executor);
    const fromBytes = await runner.stop(read, log.path, undefined, undefined);
    await runner.stop({ bytes: read.bytes, version: read.version }, log.path, undefined, undefined);
    assert.strictEqual(executor.tasks.length, 1, 'the same version is judged once');
    assert.ok(executor.tasks[0].text instanceof Uint8Array, 'the worker got the bytes, not a decoded string');
    const fromText = await runner.stop(new TextDecoder('utf-8').decode(read.bytes), log.path, undefined, undefined);
    assert.deepStrictEqual(fromBytes, fromText);
    await runner.stop({ bytes: read.bytes, version: `${read.version}+touched` }, log.path, undefined, undefined);
    assert.strictEqual(executor.tasks.length, 3, 'a new version is judged again');
  });

  it("fits a runs file from its bytes, and places a large file's findings on their lines without decoding it", async () => {
    const header = 'run,params,tokens,loss\n';
    const good = Array.from(
      { length: 40 },
      (_, i) =>
        `r${i},${1e8 * (1 + (i % 5))},${1e10 * (1 + Math.floor(i / 5))},${(2 + 400 / (1e8 * (1 + (i % 5))) ** 0.34 + 400 / (1e10 * (1 + Math.floor(i / 5))) ** 0.28).toFixed(4)}`,
    );
    const filler = '# ' + 'x'.repeat(100) + '\n';
    const text = header + good.join('\n') + '\nbad,row\n' + filler.repeat(11_000);
    const bytes = new TextEncoder().encode(text);
    assert.ok(bytes.length > 1 << 20, 'over the size the host decodes');
    assert.strictEqual(placingText({ bytes, version: '1:1' }), undefined, 'the host does not decode it');
    const executor = recording();
    const result = await new FitRunner(executor).fit({ bytes, version: '1:1' }, '/w/big.runs.csv', undefined);
    assert.ok(executor.tasks[0]!.text instanceof Uint8Array);
    const bad = result.findings.find((finding) => finding.code === 'lab-bad-row');
    assert.ok(bad, result.findings.map((finding) => finding.code).join(', '));
    const [diagnostic] = labToDiagnostics(undefined, [bad]);
    assert.strictEqual(diagnostic!.range.start.line, 41, 'the bad row is line 42 of the file');
    assert.strictEqual(diagnostic!.range.start.character, 0);
  });
});
