import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Minimatch } from 'minimatch';
import { compileGlob, MAX_GLOB_STATES, type CompiledGlob, type MatchBudget } from '../../../src/core/workspaceFacts/glob';
import { factsForPath } from '../../../src/core/workspaceFacts/match';
import { readFactsFile } from '../../../src/core/workspaceFacts/read';

/**
 * The facts file's globs run in linear time: these tests count the automaton's states and the
 * steps a match takes (never wall-clock time), and check the matcher against minimatch, whose
 * syntax the facts file documents.
 */

function compiled(glob: string): CompiledGlob {
  const result = compileGlob(glob);
  assert.ok(result.ok, `${glob} compiles`);
  return result.glob;
}

/** Steps a match takes, counted by the matcher itself. */
function stepsToMatch(glob: CompiledGlob, path: string): { matched: boolean; steps: number } {
  const budget: MatchBudget = { steps: 1e12 };
  const matched = glob.matches(path, budget);
  return { matched, steps: 1e12 - budget.steps };
}

describe('facts file globs', () => {
  it('match as minimatch with { dot: true } does, on globs and paths made of glob syntax', () => {
    const part = fc.constantFrom('a', 'b', '.', '/', '*', '**', '?', '[ab]', '[!a]', '{a,b}', '{a,b/c}', 'x', '**/', '/**', '{1..3}', '1', '\\*');
    const segment = fc.constantFrom('a', 'b', '.', '/', 'x', 'ab', '.a', '1', '2', '*');
    const glob = fc.array(part, { maxLength: 7 }).map((parts) => parts.join(''));
    const path = fc.array(segment, { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));
    // Paths as the facts file hands them over (relative, normalised); globs the file accepts
    // (no leading `/`, no `..`), leaving out `//` and empty brace options, where minimatch expands
    // braces before it decides what `**` is and no user writes such globs.
    const usable = (g: string, p: string) =>
      g !== '' && !g.startsWith('/') && !g.includes('//') && !g.includes('{,') && !g.includes('..') && !/^\/|\/$|\/\/|(^|\/)\.\.?(\/|$)/.test(p);
    fc.assert(
      fc.property(glob, path, (g, p) => {
        fc.pre(usable(g, p));
        const reference = new Minimatch(g, { dot: true, nonegate: true, nocomment: true });
        fc.pre(reference.makeRe() !== false);
        assert.equal(compiled(g).matches(p), reference.match(p), `${JSON.stringify(g)} against ${JSON.stringify(p)}`);
      }),
      { numRuns: 5_000 },
    );
  });

  it('match the paths the documented examples name', () => {
    assert.ok(compiled('configs/llama/*.json').matches('configs/llama/7b.json'));
    assert.ok(!compiled('configs/llama/*.json').matches('configs/llama/deep/7b.json'));
    assert.ok(compiled('**/config.json').matches('config.json'));
    assert.ok(compiled('**/config.json').matches('hub/.cache/llama/config.json'));
    assert.ok(compiled('runs/{7b,13b}/*.yaml').matches('runs/13b/a.yaml'));
    assert.ok(compiled('runs/[exp] 7b[*].json').matches('runs/e 7b*.json'));
  });

  it('build a hundred {a,b} alternations into states that grow with the glob, not 2^100 expansions', () => {
    const glob = compiled(`${'{a,b}'.repeat(100)}.json`);
    assert.ok(glob.size < 1_000, `${glob.size} states`);
    const { matched, steps } = stepsToMatch(glob, `${'ab'.repeat(50)}.json`);
    assert.ok(matched);
    assert.ok(steps < 100_000, `${steps} steps`);
  });

  it('match *a*a*a…*b against a 60-character name in steps linear in the name (the glob that never finished)', () => {
    const glob = compiled(`${'*a'.repeat(30)}*b`);
    const short = stepsToMatch(glob, 'a'.repeat(60));
    const long = stepsToMatch(glob, 'a'.repeat(600));
    const longer = stepsToMatch(glob, 'a'.repeat(1200));
    assert.deepEqual([short.matched, long.matched, longer.matched], [false, false, false]);
    assert.ok(short.steps <= glob.size * 61, `${short.steps} steps, at most states × characters`);
    assert.ok(longer.steps <= 2.1 * long.steps, `${long.steps} then ${longer.steps} steps for twice the name`);
  });

  it('stop a match when its budget runs out, and say so', () => {
    const budget: MatchBudget = { steps: 100 };
    assert.equal(compiled(`${'*a'.repeat(30)}*b`).matches(`${'a'.repeat(600)}b`, budget), false);
    assert.equal(budget.exhausted, true);
  });

  it('refuse a glob whose automaton would pass the state limit, and extended globs, with the reason', () => {
    const huge = compileGlob('{1..999}'.repeat(10));
    assert.ok(!huge.ok && huge.reason.includes(MAX_GLOB_STATES.toLocaleString('en-US')), JSON.stringify(huge));
    const range = compileGlob('{1..100000}');
    assert.ok(!range.ok && /more than 1000 numbers/.test(range.reason));
    const extended = compileGlob('+(a|b).json');
    assert.ok(!extended.ok && /extended globs/.test(extended.reason));
  });

  it('report the glob that takes the file past its total state limit, at that glob, and keep the ones before it', () => {
    const globs = Array.from({ length: 60 }, (_, i) => `  "${'{a,b}'.repeat(150)}${i}": { gpus: 2 }`);
    const text = `facts:\n${globs.join('\n')}\n`;
    const file = readFactsFile(text);
    assert.ok(file.entries.length > 0 && file.entries.length < 60, `${file.entries.length} entries kept`);
    assert.equal(file.findings.length, 1);
    const at = text.slice(file.findings[0].span.start, file.findings[0].span.end);
    assert.equal(at, `"${'{a,b}'.repeat(150)}${file.entries.length}"`);
    assert.match(file.findings[0].message, /matcher states/);
  });

  it('read the 10.5 KB file of a hundred {a,b} globs and match a path against it', () => {
    const globs = Array.from({ length: 100 }, (_, i) => `  "${'{a,b}'.repeat(20)}${i}.json": { gpus: 2 }`);
    const file = readFactsFile(`facts:\n${globs.join('\n')}\n`);
    assert.deepEqual(file.findings, []);
    assert.deepEqual(factsForPath([{ folder: '/w', file }], `/w/${'ab'.repeat(10)}99.json`), { gpus: '2' });
  });
});
