import * as assert from 'assert';
import * as vscode from 'vscode';
import { FitRunner } from '../../src/extension/lab/fitRunner';
import { runTask } from '../../src/extension/lab/labEngine';
import type { LabExecutor, LabResult, LabTask } from '../../src/extension/lab/labTasks';
import { readContent } from '../../src/extension/lab/workspaceFit';
import { exampleUri } from './helpers';

/** An executor that runs each task here and keeps what it was given. */
function recording(): LabExecutor & { tasks: LabTask[] } {
  const tasks: LabTask[] = [];
  return { tasks, run: (task: LabTask) => (tasks.push(task), Promise.resolve<LabResult>(runTask(task))), dispose: () => undefined };
}

/**
 * A loss log may be 50 MB: decoding it and hashing it for the cache took about 150 ms of the
 * host's thread on 42 MB. The host hands the worker the file's bytes, keyed by the version they
 * were read at, and the worker decodes them.
 */
describe("the editor hands a loss log's bytes to the lab's worker undecoded", () => {
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
});
