import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../../src/core/analyze';
import { readToml } from '../../../src/core/source/tomlTree';
import { getPath, type ConfigNode } from '../../../src/core/source/tree';
import { syntaxOf } from '../../../src/core/source/syntax';

const EXAMPLES = path.resolve(__dirname, '../../../../test/examples');

function at(text: string, keys: string): { key: string; value: string; node: ConfigNode } {
  const root = readToml(text).root;
  const found = getPath(root, keys.split('.'));
  assert.ok(found, `${keys} is in the tree`);
  const key = found.entry ? text.slice(found.entry.keySpan.start, found.entry.keySpan.end) : '';
  return { key, value: text.slice(found.node.span.start, found.node.span.end), node: found.node };
}

const scalar = (node: ConfigNode) => (node.kind === 'scalar' ? node.value : undefined);

describe('the TOML reader', () => {
  it('is chosen for files named *.toml', () => {
    assert.equal(syntaxOf('/x/llama3_8b.toml', ''), 'toml');
    assert.equal(syntaxOf('/x/PYPROJECT.TOML', ''), 'toml');
  });

  it('reads CRLF line endings without carrying the carriage return into values', () => {
    const text = '[training]\r\nsteps = 10\r\ndataset = "c4"  # c\r\n';
    assert.equal(at(text, 'training.steps').value, '10');
    assert.equal(scalar(at(text, 'training.dataset').node), 'c4');
  });

  it('gives each key of a [table] the span of its name and each value the span of its text', () => {
    const text = '# top\n[training]\nsteps = 1_000  # comment\nseq_len = 8192\ndataset = "c4"\n';
    const steps = at(text, 'training.steps');
    assert.equal(steps.key, 'steps');
    assert.equal(steps.value, '1_000');
    assert.equal(scalar(steps.node), 1000);
    assert.equal(at(text, 'training.dataset').value, '"c4"');
    assert.equal(scalar(at(text, 'training.dataset').node), 'c4');
    const table = at(text, 'training');
    assert.equal(table.key, 'training');
    assert.ok(table.value.startsWith('[training]') && table.value.endsWith('"c4"'));
  });

  it('reads dotted keys and dotted table headers as nested tables', () => {
    const text = 'a.b.c = 1\n"quoted key".x = 2\n[quantize.linear.float8]\nenable = true\n';
    assert.equal(at(text, 'a.b.c').key, 'c');
    assert.equal(at(text, 'a.b').key, 'b');
    assert.equal(scalar(at(text, 'quoted key.x').node), 2);
    assert.equal(at(text, 'quoted key').key, '"quoted key"');
    assert.equal(scalar(at(text, 'quantize.linear.float8.enable').node), true);
    assert.equal(at(text, 'quantize.linear.float8').key, 'float8');
  });

  it('reads [[arrays of tables]], with a later [a.b] table going into the last element', () => {
    const text = '[[fruit]]\nname = "apple"\n[fruit.physical]\ncolor = "red"\n[[fruit]]\nname = "banana"\n';
    const fruit = at(text, 'fruit').node;
    assert.equal(fruit.kind, 'seq');
    assert.equal(fruit.kind === 'seq' && fruit.items.length, 2);
    assert.equal(scalar(at(text, 'fruit.0.physical.color').node), 'red');
    assert.equal(at(text, 'fruit.1.name').value, '"banana"');
    assert.ok(at(text, 'fruit').value.endsWith('"banana"'), 'the array spans every element');
  });

  it('reads inline tables and nested arrays with a span for every item', () => {
    const text = 'x = [1, [2, 3], {y = 4, z.w = "v"}]\nt = { name = "llama3", flavor = "8B" }\n';
    assert.equal(at(text, 'x.1.0').value, '2');
    assert.equal(at(text, 'x.2.z.w').value, '"v"');
    assert.equal(at(text, 't.flavor').value, '"8B"');
    assert.equal(at(text, 't').value, '{ name = "llama3", flavor = "8B" }');
  });

  it("reads strings of every kind with smol-toml's value and the whole literal as the span", () => {
    const text = 'basic = "tab\\there \\u00e9"\nliteral = \'C:\\path\'\nmulti = """\nline "one"\nline two""""\nraw = \'\'\'\nkeep \\n\'\'\'\nafter = 1\n';
    assert.equal(scalar(at(text, 'basic').node), 'tab\there é');
    assert.equal(scalar(at(text, 'literal').node), 'C:\\path');
    assert.equal(scalar(at(text, 'multi').node), 'line "one"\nline two"');
    assert.equal(at(text, 'multi').value, '"""\nline "one"\nline two""""');
    assert.equal(scalar(at(text, 'raw').node), 'keep \\n');
    assert.equal(at(text, 'after').value, '1');
  });

  it('counts offsets in UTF-16 units, as the editor does', () => {
    const text = 'emoji = "😀😀"\nsteps = 10\n';
    assert.equal(at(text, 'steps').node.span.start, text.indexOf('10'));
  });

  it('keeps dates as the text written and numbers with their spelling', () => {
    const text = 'd = 1979-05-27 07:32:00Z\nh = 0xff\nbig = 1e400\n';
    assert.equal(scalar(at(text, 'd').node), '1979-05-27 07:32:00Z');
    assert.equal(scalar(at(text, 'h').node), 255);
    const big = at(text, 'big').node;
    assert.equal(big.kind === 'scalar' && big.source, '1e400');
  });

  it("reports a syntax error once, at smol-toml's line and column, and still reads the lines before it", () => {
    const text = '[training]\nsteps = 10\nseq_len = = 3\n';
    const parsed = readToml(text);
    assert.equal(parsed.problems.length, 1);
    assert.equal(parsed.problems[0].code, 'parse-error');
    assert.equal(text.slice(0, parsed.problems[0].span.start).split('\n').length, 3);
    assert.match(parsed.problems[0].message, /^TOML: /);
    assert.equal(scalar(getPath(parsed.root, ['training', 'steps'])!.node), 10);
  });

  it('reports a duplicated key as a syntax error, as TOML requires', () => {
    assert.equal(readToml('a = 1\na = 2\n').problems[0]?.code, 'parse-error');
  });

  it('never reports the real TOML files in the examples as broken', () => {
    for (const dir of ['torchtitan', 'not-configs']) {
      for (const name of fs.readdirSync(path.join(EXAMPLES, dir)).filter((file) => file.endsWith('.toml'))) {
        const parsed = readToml(fs.readFileSync(path.join(EXAMPLES, dir, name), 'utf8'));
        assert.deepEqual(parsed.problems, [], name);
        assert.ok(parsed.root, name);
      }
    }
  });

  it('reads hostile, deep and huge TOML quickly without throwing', function () {
    this.timeout(10_000);
    const inputs = [
      '['.repeat(5_000) + ']'.repeat(5_000),
      'a = ' + '['.repeat(100) + ']'.repeat(100),
      'a = ' + '{b='.repeat(100) + '1' + '}'.repeat(100),
      '[' + Array.from({ length: 500 }, (_, i) => `k${i}`).join('.') + ']\nx = 1\n',
      Array.from({ length: 500 }, (_, i) => `k${i}`).join('.') + ' = 1\n',
      Array.from({ length: 50_000 }, (_, i) => `k${i} = ${i}`).join('\n'),
      'a = """' + '\\'.repeat(10_001),
      "a = '''\n" + "''".repeat(5_000),
      '\u0000\uffff\ud800 = "x"',
      '[a]\n[a]\n',
      '[[a]]\n[a]\n',
    ];
    for (const text of inputs) {
      const parsed = readToml(text);
      for (const problem of parsed.problems) assert.ok(problem.span.start >= 0 && problem.span.end <= text.length && problem.span.start <= problem.span.end);
      analyze(text, 'hostile.toml');
    }
  });
});
