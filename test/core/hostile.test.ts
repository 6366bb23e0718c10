import assert from 'node:assert/strict';
import * as yaml from 'yaml';
import { analyze, type Analysis, type AnalyzeOptions } from '../../src/core/analyze';
import { readJson } from '../../src/core/source/jsonTree';
import { jsonNestingBound, MAX_NESTING, yamlNestingBound } from '../../src/core/source/nesting';
import { MAX_SYNTAX_PROBLEMS, readYaml } from '../../src/core/source/yamlTree';

/**
 * Whatever text an editor holds, analysis returns a well-formed result with short, readable
 * diagnostics, never throws and never runs away. No test asserts wall-clock time: the work is
 * bounded by construction (counted where the library would do it) and mocha's timeout is the
 * hang guard.
 */

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint']);
/** Longer than any message the engine writes, far shorter than any text it might quote. */
const MAX_MESSAGE = 400;

function check(text: string, fileName = 'config.yaml', options: AnalyzeOptions = {}): Analysis {
  const analysis = analyze(text, fileName, options);
  assert.equal(typeof analysis.file, 'string');
  assert.ok(analysis.syntax === 'yaml' || analysis.syntax === 'json');
  for (const value of [
    analysis.parameters.total,
    analysis.parameters.active,
    analysis.tokens,
    analysis.flops,
    analysis.tokensPerParameter,
    analysis.chinchillaMultiple,
  ]) {
    assert.ok(value === null || (Number.isFinite(value) && value >= 0 && !Object.is(value, -0)), `a number is null or finite and non-negative, got ${value}`);
  }
  for (const threshold of analysis.thresholds) assert.ok(Number.isFinite(threshold.fraction));
  for (const finding of analysis.findings) {
    assert.ok(SEVERITIES.has(finding.severity), finding.severity);
    assert.ok(
      finding.span.start >= 0 && finding.span.start <= finding.span.end && finding.span.end <= text.length,
      `span ${finding.span.start}-${finding.span.end} of ${text.length}`,
    );
    assert.ok(
      finding.message.length > 0 && finding.message.length <= MAX_MESSAGE,
      `message of ${finding.message.length} characters: ${finding.message.slice(0, 80)}`,
    );
    assert.doesNotMatch(finding.message, /[\u0000-\u0008\u000b-\u001f\u202a-\u202e\u2066-\u2069]/, 'no raw control or bidi characters');
  }
  return analysis;
}

const codes = (analysis: Analysis) => analysis.findings.map((finding) => finding.code);

/** Counts calls of a method of the `yaml` package while `run` runs. */
function countCalls<T extends object>(target: T, method: keyof T & string, run: () => void): number {
  const original = target[method] as unknown as (...args: unknown[]) => unknown;
  let calls = 0;
  (target as Record<string, unknown>)[method] = function (this: unknown, ...args: unknown[]) {
    calls++;
    return original.apply(this, args);
  };
  try {
    run();
  } finally {
    (target as Record<string, unknown>)[method] = original;
  }
  return calls;
}

describe('hostile and broken input', () => {
  describe('broken syntax', function () {
    this.timeout(20_000);

    it('reports malformed YAML as one parse error on the line that opened the unclosed bracket', () => {
      const text = 'model:\n  hidden_size: 4096\n  num_layers: [32\n  heads: 32\n';
      const analysis = check(text);
      assert.deepEqual(codes(analysis), ['parse-error']);
      assert.equal(analysis.findings[0].span.start, text.indexOf('[32'));
    });

    it('reports truncated JSON as a parse error and still reads what came before', () => {
      const analysis = check('{"parameters": "7B", "tokens": "1.4T", "hidden_size": 40', 'config.json');
      assert.ok(codes(analysis).includes('parse-error'));
      assert.equal(analysis.parameters.total, 7e9);
    });

    it('lists the first twenty YAML syntax errors and sums up the rest in one', () => {
      const text = Array.from({ length: 150 }, () => 'a: b: c').join('\n');
      const problems = readYaml(text).problems.filter((problem) => problem.code === 'parse-error');
      assert.equal(problems.length, MAX_SYNTAX_PROBLEMS + 1);
      assert.match(problems.at(-1)!.message, /^\d+ more YAML syntax errors from here on are not listed\.$/);
      check(text);
    });

    it('lists the first twenty JSON syntax errors and sums up the rest in one', () => {
      const text = `{${Array.from({ length: 5_000 }, () => '"a" 1').join(',')}}`;
      const { problems } = readJson(text);
      assert.equal(problems.length, MAX_SYNTAX_PROBLEMS + 1);
      assert.match(problems.at(-1)!.message, /^4980 more JSON syntax errors/);
      check(text, 'config.json');
    });

    it('reads the first of several YAML documents and reports the second as an error', () => {
      const analysis = check('parameters: 7B\n---\ntokens: 1T\n');
      assert.ok(codes(analysis).includes('parse-error'));
      assert.equal(analysis.parameters.total, 7e9);
    });

    it('reports tabs used as indentation', () => {
      assert.deepEqual(codes(check('model:\n\thidden_size: 4096\n')), ['parse-error']);
    });

    it('reports an alias to an anchor that does not exist instead of dropping the key silently', () => {
      const analysis = check('parameters: 7B\ntokens: *nowhere\n');
      const problem = analysis.findings.find((finding) => finding.code === 'parse-error');
      assert.ok(problem);
      assert.match(problem.message, /\*nowhere refers to no anchor/);
    });
  });

  describe('numbers that are not numbers', () => {
    it('reports 1e400 as out of range in YAML and in JSON', () => {
      for (const [text, file] of [
        ['parameters: 1e400\ntokens: 1e12\n', 'a.yaml'],
        ['{"parameters": 1e400, "tokens": 1e12}', 'a.json'],
      ]) {
        const analysis = check(text, file);
        assert.deepEqual(codes(analysis), ['out-of-range']);
        assert.equal(analysis.parameters.total, null);
        assert.equal(analysis.flops, null);
      }
    });

    it('reports negative sizes at their key and computes nothing from them', () => {
      const text = 'model_type: llama\nhidden_size: -4096\nnum_hidden_layers: 32\nnum_attention_heads: 32\nintermediate_size: 11008\nvocab_size: 32000\n';
      const analysis = check(text);
      const negative = analysis.findings.find((finding) => finding.code === 'negative-value');
      assert.ok(negative);
      assert.equal(negative.span.start, text.indexOf('hidden_size'));
      assert.equal(analysis.parameters.total, null);
    });

    it('reads -0 tokens as zero, never as negative zero', () => {
      const analysis = check('parameters: 7B\ntokens: -0\n');
      assert.ok(Object.is(analysis.tokens, 0));
    });

    it('rejects -0 parameters, which must be positive', () => {
      assert.ok(codes(check('parameters: -0\ntokens: 1T\n')).includes('negative-value'));
    });

    it('reports NaN-ish and infinite spellings as not numbers', () => {
      for (const text of ['parameters: .nan\ntokens: .inf\n', 'parameters: "NaN"\ntokens: "Infinity"\n', 'parameters: -.inf\ntokens: nan\n']) {
        const analysis = check(text);
        assert.deepEqual(codes(analysis), ['invalid-number', 'invalid-number']);
        assert.equal(analysis.flops, null);
      }
    });

    it('reads NaN and Infinity literals in JSON (Python writes them) and refuses them as counts, each at its key', () => {
      const analysis = check('{"parameters": NaN, "tokens": Infinity}', 'config.json');
      assert.ok(!codes(analysis).includes('parse-error'), codes(analysis).join(', '));
      const refused = analysis.findings.filter((finding) => finding.code === 'invalid-number' || finding.code === 'out-of-range');
      assert.equal(refused.length, 2, codes(analysis).join(', '));
      assert.notEqual(refused[0].span.start, refused[1].span.start);
      assert.equal(analysis.flops, null);
    });
  });

  describe('nesting', function () {
    this.timeout(20_000);

    it('never composes YAML nested 100,000 brackets deep, which would overflow the stack', () => {
      for (const text of ['['.repeat(100_000), `${'['.repeat(100_000)}${']'.repeat(100_000)}`, '{a: '.repeat(100_000), `key: ${'['.repeat(100_000)}`]) {
        let result: ReturnType<typeof readYaml> | undefined;
        const composed = countCalls(yaml.Composer.prototype, 'next', () => (result = readYaml(text)));
        assert.equal(composed, 0);
        assert.deepEqual(
          result!.problems.map((problem) => problem.code),
          ['too-deep'],
        );
        check(text);
      }
    });

    it('never composes YAML nested 5,000 levels deep by indentation or by compact indicators', () => {
      const staircase = Array.from({ length: 5_000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n');
      for (const text of [staircase, `${'- '.repeat(5_000)}x`, `${'? '.repeat(5_000)}x`]) {
        const composed = countCalls(yaml.Composer.prototype, 'next', () =>
          assert.deepEqual(
            readYaml(text).problems.map((problem) => problem.code),
            ['too-deep'],
          ),
        );
        assert.equal(composed, 0);
        check(text);
      }
    });

    it('catches nesting that only the error recovery of the parser creates', () => {
      // The yaml parser nests each `a: b: c` line inside the one before: 100,000 lines, 100,000 levels.
      const text = Array.from({ length: 100_000 }, () => 'a: b: c').join('\n');
      const composed = countCalls(yaml.Composer.prototype, 'next', () =>
        assert.deepEqual(
          readYaml(text).problems.map((problem) => problem.code),
          ['too-deep'],
        ),
      );
      assert.equal(composed, 0);
      check(text);
    });

    it('never hands JSON nested 100,000 deep to the parser, which would overflow the stack', () => {
      for (const text of [`${'['.repeat(100_000)}${']'.repeat(100_000)}`, `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`]) {
        assert.deepEqual(
          readJson(text).problems.map((problem) => problem.code),
          ['too-deep'],
        );
        check(text, 'config.json');
      }
    });

    it('cannot be fooled by brackets that a quote seems to hide', () => {
      // A hand-rolled quote scanner would see `"]"` as closing; the yaml lexer knows better.
      const text = `x: ${'["]", '.repeat(1_000)}1${']'.repeat(1_000)}`;
      assert.ok(yamlNestingBound(text) > MAX_NESTING);
      const json = `${'["]",'.repeat(1_000)}1${']'.repeat(1_000)}`;
      assert.equal(jsonNestingBound(json, 10_000), 1_000);
    });

    it('still parses realistic texts with many brackets that do not nest', () => {
      const text = Array.from({ length: 500 }, (_, i) => `betas_${i}: [0.9, 0.95]  # "[" in a comment`).join('\n');
      assert.ok(yamlNestingBound(text) <= MAX_NESTING);
      assert.deepEqual(readYaml(text).problems, []);
      assert.equal(jsonNestingBound('{"a": [[1, 2], [3, 4]], "b": "[[[[", "c": {"d": {}}} // [[[[', 100), 3);
    });

    it('reads 64 levels and says that deeper ones are not read', () => {
      const text = `${Array.from({ length: 80 }, (_, i) => `${'  '.repeat(i)}level${i}:`).join('\n')} 1\nparameters: 7B\n`;
      const analysis = check(text);
      assert.ok(codes(analysis).includes('too-deep'));
      assert.equal(analysis.parameters.total, 7e9);
    });
  });

  describe('aliases and interpolation', function () {
    this.timeout(20_000);

    it('shares nodes for a billion-laughs alias bomb (10 levels × 10 aliases) instead of expanding it', () => {
      const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
      for (let level = 1; level < 10; level++) {
        const name = String.fromCharCode(97 + level);
        lines.push(
          `${name}: &${name} [${Array(10)
            .fill(`*${String.fromCharCode(96 + level)}`)
            .join(', ')}]`,
        );
      }
      const analysis = check(`${lines.join('\n')}\nparameters: 7B\ntokens: 1.4T\nlaughs: *j\n`);
      assert.equal(analysis.parameters.total, 7e9);
      const { root } = readYaml(lines.join('\n'));
      const j = root?.kind === 'map' ? root.entries[9].value : undefined;
      assert.ok(j?.kind === 'seq' && j.items[0] === j.items[9], 'aliases are one shared node');
    });

    it('finds the anchors of 100,000 aliases in one pass, never with the quadratic Alias.resolve', () => {
      const text = `a: &a 7B\nb: [${Array(100_000).fill('*a').join(', ')}]\nparameters: *a\ntokens: 1T\n`;
      let analysis: Analysis | undefined;
      const resolves = countCalls(yaml.Alias.prototype, 'resolve', () => (analysis = check(text)));
      assert.equal(resolves, 0);
      assert.equal(analysis!.parameters.total, 7e9);
    });

    it('cuts an alias to the map that contains it as a loop', () => {
      const { problems } = readYaml('a: &a\n  b: 1\n  <<: *a\n');
      assert.deepEqual(
        problems.map((problem) => problem.code),
        ['too-deep'],
      );
      assert.match(problems[0].message, /loop/);
    });

    it('reports circular OmegaConf interpolations ${a} → ${b} → ${a} at the key that uses them', () => {
      const text = 'a: ${b}\nb: ${a}\nparameters: ${a}\ntokens: 1T\n';
      const analysis = check(text);
      const finding = analysis.findings.find((candidate) => candidate.code === 'unresolved-interpolation');
      assert.ok(finding);
      assert.match(finding.message, /loop/);
      assert.equal(finding.span.start, text.indexOf('parameters'));
      assert.equal(analysis.parameters.total, null);
      assert.equal(analysis.tokens, 1e12);
    });

    it('stops interpolations that double at every level after a bounded number of lookups', () => {
      // 22 levels of `${prev}${prev}` would be 4 million lookups and a 4-million-character value.
      const lines = ['a0: 7', ...Array.from({ length: 22 }, (_, i) => `a${i + 1}: "\${a${i}}\${a${i}}"`), 'parameters: ${a22}', 'tokens: 1T'];
      const analysis = check(lines.join('\n'));
      const finding = analysis.findings.find((candidate) => candidate.code === 'unresolved-interpolation');
      assert.match(finding?.message ?? '', /more than 1,000 references/);
    });

    it('stops an interpolated value from growing without bound', () => {
      const text = `x: "${'x'.repeat(5_000)}"\nparameters: "\${x}\${x}\${x}"\ntokens: 1T\n`;
      const finding = check(text).findings.find((candidate) => candidate.code === 'unresolved-interpolation');
      assert.match(finding?.message ?? '', /grows past 10,000 characters/);
    });

    it('reports 100,000 unclosed interpolations without quoting them whole', () => {
      check(`parameters: ${'${'.repeat(100_000)}\ntokens: 1T\n`);
    });
  });

  describe('size', function () {
    this.timeout(20_000);

    it('analyses a 20,000-line config', () => {
      const lines: string[] = ['model:', '  parameters: 7B', 'training:', '  tokens: 1.4T'];
      for (let section = 0; section < 1_000; section++) {
        lines.push(`section_${section}:`);
        for (let key = 0; key < 19; key++) lines.push(`  key_${key}: ${key % 3 === 0 ? `[${key}, ${key + 1}]` : key}`);
      }
      assert.ok(lines.length >= 20_000);
      const analysis = check(lines.join('\n'));
      assert.equal(analysis.parameters.total, 7e9);
      assert.equal(analysis.tokens, 1.4e12);
    });

    it('declines a 10 MB single line without reading it', () => {
      const text = `x: ${'a'.repeat(10_000_000)}`;
      const parses = countCalls(yaml.Parser.prototype, 'parse', () => assert.deepEqual(codes(check(text)), ['too-large']));
      assert.equal(parses, 0);
    });

    it('reads a 0.99 MB single line under the size limit', () => {
      assert.equal(check(`parameters: 7B\ntokens: 1T\nx: ${'a'.repeat(990_000)}`).tokens, 1e12);
    });

    it('declines a 1.1 MB config with one information diagnostic that says why', () => {
      const analysis = check(`parameters: 7B\ntokens: 1T\nx: ${'a'.repeat(1_100_000)}`);
      assert.deepEqual(
        analysis.findings.map((finding) => [finding.code, finding.severity]),
        [['too-large', 'information']],
      );
      assert.equal(analysis.tokens, null);
    });

    it('reads a 100,000-item flow list that is never closed as one error', () => {
      const analysis = check(`a: [${'1, '.repeat(100_000)}`);
      assert.deepEqual(codes(analysis), ['parse-error']);
    });
  });

  describe('strange characters', () => {
    it('escapes control characters and bidi overrides in messages and keeps <script> inert text', () => {
      const text = 'parameters: 7B\ntokens: "<script>alert(1)</script>\u202e\u0007"\n"\u202ekey<script>": 1\n';
      const analysis = check(text);
      const finding = analysis.findings.find((candidate) => candidate.code === 'invalid-number');
      assert.ok(finding);
      assert.match(finding.message, /<script>alert\(1\)<\/script>/);
      assert.match(finding.message, /u202e/);
    });

    it('shortens a 100,000-character key in a message', () => {
      for (const [text, file] of [
        [`${'k'.repeat(100_000)}:\n  tokens: lots\n  parameters: 7B\n`, 'a.yaml'],
        [`{"${'k'.repeat(100_000)}": {"tokens": "lots", "parameters": "7B"}}`, 'a.json'],
      ]) {
        const finding = check(text, file).findings.find((candidate) => candidate.code === 'invalid-number');
        assert.ok(finding);
        assert.ok(finding.message.length < 200);
      }
    });

    it('shortens a 100,000-character custom tag or alias name in a message', () => {
      const name = 'k'.repeat(100_000);
      assert.ok(codes(check(`parameters: 7B\ntokens: !${name} 1T\n`)).includes('unsupported-tag'));
      assert.ok(codes(check(`parameters: 7B\ntokens: *${name}\n`)).includes('parse-error'));
    });

    it('survives binary garbage, NUL bytes and lone surrogates', () => {
      let seed = 12345;
      const bytes = Array.from({ length: 20_000 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256);
      const garbage = String.fromCharCode(...bytes);
      check(garbage);
      check(garbage, 'config.json');
      check('\u0000\u0000parameters: 7B\n');
      check('parameters: "\ud800"\ntokens: \udfff\n');
    });

    it('reads a file that starts with a byte-order mark and ends lines with CRLF', () => {
      const analysis = check('\ufeffparameters: 7B\r\ntokens: 1.4T\r\n');
      assert.equal(analysis.parameters.total, 7e9);
      assert.equal(analysis.tokens, 1.4e12);
    });
  });

  describe('odd shapes', () => {
    it('says nothing about an empty file, a lone ---, a top-level list or a scalar', () => {
      for (const text of ['', '---', '---\n...\n', '- a\n- b\n', 'just a sentence', '42', 'null']) {
        const analysis = check(text);
        assert.deepEqual(codes(analysis), [], JSON.stringify(text));
        assert.equal(analysis.parameters.total, null);
      }
      assert.deepEqual(codes(check('', 'empty.json')), []);
      assert.deepEqual(codes(check('[1, 2]', 'list.json')), []);
    });

    it('accepts numbers, booleans and null as keys', () => {
      const analysis = check('1: 2\n3.5: x\nnull: 1\ntrue: 2\nparameters: 7B\ntokens: 1T\n');
      assert.equal(analysis.parameters.total, 7e9);
    });

    it('lets the later of two duplicate keys win, as YAML and JSON loaders do', () => {
      assert.equal(check('parameters: 7B\nparameters: 8B\ntokens: 1T\n').parameters.total, 8e9);
      assert.equal(check('{"parameters": "7B", "parameters": "8B", "tokens": "1T"}', 'a.json').parameters.total, 8e9);
    });

    it('accepts complex keys and maps as keys', () => {
      assert.equal(check('? [a, b]\n: 1\n{x: 1}: 2\nparameters: 7B\ntokens: 1T\n').parameters.total, 7e9);
    });

    it('reads the same config the same way every time', () => {
      const text = 'parameters: 7B\ntokens: 1.4T\n';
      assert.deepEqual(check(text), check(text));
    });
  });
});
