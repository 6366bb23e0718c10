import assert from 'node:assert/strict';
import * as path from 'path';
import { inlineFactsEngine } from '../../src/core/workspaceFacts/engine';
import { workerFactsEngine } from '../../src/node/workerFactsEngine';

const WORKER = path.resolve(__dirname, '../../src/node/factsWorker.js');

/** The 10.5 KB facts file of a hundred `{a,b}` globs that once took 125 s and 3.8 GB on the host's thread. */
const HUNDRED_BRACES = `facts:\n${Array.from({ length: 100 }, (_, i) => `  "${'{a,b}'.repeat(20)}${i}.json": { gpus: 2 }`).join('\n')}\n`;

describe('facts files read on a worker thread', function () {
  this.timeout(20_000);
  let engine: ReturnType<typeof workerFactsEngine> | undefined;
  afterEach(() => engine?.dispose());

  it('gives the same facts and problems as the engine on the calling thread', async () => {
    engine = workerFactsEngine(WORKER);
    const text = 'facts:\n  "configs/*.json": { gpus: 256, tokens: 2T }\n  "x": { nonsense: 1 }\n';
    const here = inlineFactsEngine();
    const files = [{ folder: '/w', text }];
    assert.deepEqual(await engine.factsForPath(files, '/w/configs/a.json'), await here.factsForPath(files, '/w/configs/a.json'));
    assert.deepEqual(await engine.factsForPath(files, '/w/configs/a.json'), { gpus: '256', tokens: '2T' });
    const problems = await engine.problems(text);
    assert.deepEqual(problems, await here.problems(text));
    assert.equal(problems.length, 1);
  });

  it('matches the hundred {a,b} globs and the *a*a…*b glob there', async () => {
    engine = workerFactsEngine(WORKER);
    assert.deepEqual(await engine.problems(HUNDRED_BRACES), []);
    assert.deepEqual(await engine.factsForPath([{ folder: '/w', text: HUNDRED_BRACES }], `/w/${'ab'.repeat(10)}99.json`), { gpus: '2' });
    const star = `facts:\n  "${'*a'.repeat(30)}*b": { gpus: 8 }\n`;
    assert.deepEqual(await engine.factsForPath([{ folder: '/w', text: star }], `/w/${'a'.repeat(60)}`), {});
  });

  it('writes the edit that adds a fact, with a glob that names exactly the file', async () => {
    engine = workerFactsEngine(WORKER);
    const glob = await engine.globForPath('runs/[exp] 7b.json');
    const edit = await engine.addFactEdit(undefined, glob, 'gpus', '64');
    assert.ok(edit.ok);
    assert.match(edit.edit.newText, /gpus: 64/);
  });

  it('refuses a job past its time limit with the reason, and answers the next on a fresh worker', async () => {
    // A limit no real parse fits in: the first job is stopped while the thread is at work.
    engine = workerFactsEngine(WORKER, () => undefined, 1);
    await assert.rejects(engine.problems(HUNDRED_BRACES.repeat(8)), /took longer than/);
    engine.dispose();
    engine = workerFactsEngine(WORKER);
    assert.deepEqual(await engine.problems('facts: {}\n'), []);
  });
});
